import type { Browser, Page } from "playwright-core";
import { Timestamp } from "firebase-admin/firestore";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import {
  paths,
  ratingSummaryId,
  type Attendee,
  type ClassReview,
  type FitnessClass,
} from "../../functions/src/model/index.js";
import { launchBrowser, openSession } from "./support/browser.js";
import { Fixtures, uniqueSuffix } from "./support/fixtures.js";
import { screenshot, signInToHome, waitForText } from "./support/ui.js";

const baseUrl = inject("baseUrl");
let browser: Browser;
let fixtures: Fixtures;
const classIds: string[] = [];
const summaryIds: string[] = [];

// Reviews go through callables and the summaries through a trigger: allow for a worker's start.
const SERVER_TIMEOUT = 30_000;
const HOUR = 60 * 60_000;

beforeAll(async () => {
  browser = await launchBrowser();
  fixtures = new Fixtures();
});

afterAll(async () => {
  await browser?.close();
  for (const id of classIds) {
    await fixtures?.db.recursiveDelete(fixtures.db.doc(paths.class(id))).catch(() => undefined);
  }
  for (const id of summaryIds)
    await fixtures?.db
      .doc(paths.ratingSummary(id))
      .delete()
      .catch(() => undefined);
  await fixtures?.cleanup();
});

/** A Berlin class written through the Admin SDK, as the class form and the recurrence job would. */
async function createClass(
  instructorId: string,
  fields: Partial<FitnessClass>,
): Promise<{ id: string; title: string }> {
  const now = Timestamp.now();
  const title = `Canal Run ${uniqueSuffix()}`;
  const data: FitnessClass = {
    title,
    description: "Five easy kilometres along the Landwehrkanal.",
    tags: ["running"],
    level: "beginner",
    instructorId,
    city: "berlin",
    startsAt: Timestamp.fromMillis(Date.now() + 24 * HOUR),
    durationMinutes: 60,
    location: { name: "Urbanhafen", address: "Baerwaldstraße 1", lat: 52.4966, lng: 13.4076, geohash: "u33dbm" },
    capacity: 10,
    status: "scheduled",
    recurrence: null,
    confirmedCount: 0,
    waitlistCount: 0,
    createdAt: now,
    updatedAt: now,
    ...fields,
  };
  const ref = await fixtures.db.collection("classes").add(data);
  classIds.push(ref.id);
  return { id: ref.id, title };
}

/** The instructor checked this member in: the roster's row after "Mark attended". */
async function checkIn(classId: string, title: string, startsAtMs: number, uid: string): Promise<void> {
  const joinedAt = Timestamp.fromMillis(startsAtMs - 24 * HOUR);
  const row: Attendee = {
    uid,
    classId,
    status: "attended",
    ticket: 1,
    joinedAt,
    updatedAt: Timestamp.fromMillis(startsAtMs),
    promotedAt: null,
    checkedInAt: Timestamp.fromMillis(startsAtMs),
    classTitle: title,
    classStartsAt: Timestamp.fromMillis(startsAtMs),
  };
  await fixtures.db.doc(paths.attendee(classId, uid)).set(row);
}

async function rate(page: Page, stars: number, text: string): Promise<void> {
  const form = page.getByTestId("review-form");
  await form.getByTestId(`review-star-${stars}`).click();
  await form.getByTestId("review-text-input").fill(text);
  await form.getByTestId("review-submit").click();
  await page.getByTestId("review-saved").waitFor({ timeout: SERVER_TIMEOUT });
}

const classIdOf = (page: Page) => new URL(page.url()).pathname.split("/").pop() ?? "";

/** Waits until the class's summary panel shows this average and count. */
async function expectClassRating(page: Page, average: string, count: string): Promise<void> {
  const panel = page.getByTestId("rating-summary-class");
  try {
    await panel
      .getByTestId("rating-summary-class-average")
      .filter({ hasText: average })
      .waitFor({ timeout: SERVER_TIMEOUT });
    await waitForText(panel.getByTestId("rating-summary-class-count"), count);
  } catch (error) {
    // Say what the member saw instead, and what the server holds.
    const shown = (await panel.innerText().catch(() => "(no panel)")).replace(/\s+/g, " ");
    const stored = (await fixtures.db.doc(paths.ratingSummary(ratingSummaryId("class", classIdOf(page)))).get()).data();
    throw new Error(
      `expected ${average} (${count}); the page shows "${shown}", the summary is ${JSON.stringify(stored)}`,
      {
        cause: error,
      },
    );
  }
}

describe("reviews", () => {
  // Five people and a dozen callable and trigger round trips: longer than the default minute.
  it(
    "attendees rate a class, the instructor replies, a member reports, a moderator publishes and hides",
    { timeout: 150_000 },
    async () => {
      const [instructor, ana, ben, admin, outsider] = await Promise.all([
        fixtures.createUser({ label: "instructor", role: "instructor", onboarded: true }),
        fixtures.createUser({ label: "ana", onboarded: true }),
        fixtures.createUser({ label: "ben", onboarded: true }),
        fixtures.createUser({ label: "admin", role: "admin", onboarded: true }),
        fixtures.createUser({ label: "outsider", onboarded: true }),
      ]);
      const startsAtMs = Date.now() - 3 * HOUR;
      const ended = await createClass(instructor.uid, { startsAt: Timestamp.fromMillis(startsAtMs) });
      // Next week's class of the same series: its card shows what the series has earned.
      const next = await createClass(instructor.uid, { seriesId: ended.id, title: `${ended.title} (next)` });
      summaryIds.push(
        ratingSummaryId("class", ended.id),
        ratingSummaryId("series", ended.id),
        ratingSummaryId("instructor", instructor.uid),
      );
      await Promise.all([ana, ben].map((m) => checkIn(ended.id, ended.title, startsAtMs, m.uid)));

      // Ana, checked in, rates it; the page shows her review and the new average live.
      const a = await openSession(browser, baseUrl);
      await signInToHome(a.page, ana.email, ana.password);
      await a.page.goto(`/classes/${ended.id}`);
      await a.page.getByTestId("rating-summary-class-empty").waitFor();
      await rate(a.page, 4, "Friendly pace, and a coffee stop at the end.");
      await waitForText(a.page.getByTestId("my-review-published"), "You can edit it until");
      await expectClassRating(a.page, "4.0", "1 rating");
      await waitForText(a.page.getByTestId(`review-${ana.uid}`), "Friendly pace");
      await screenshot(a.page, "reviews-class");

      // Someone who was not checked in gets no form.
      const o = await openSession(browser, baseUrl);
      await signInToHome(o.page, outsider.email, outsider.password);
      await o.page.goto(`/classes/${ended.id}`);
      await waitForText(o.page.getByTestId(`review-${ana.uid}`), "Friendly pace");
      await o.page.getByTestId("review-not-attended").waitFor();
      expect(await o.page.getByTestId("review-form").count()).toBe(0);
      // The series' rating is on the next class's card.
      await o.page.getByTestId("nav-classes").click();
      await waitForText(o.page.getByTestId(`class-rating-${next.id}`), "4.0");
      await waitForText(o.page.getByTestId(`class-rating-${next.id}`), "(1)");
      await o.context.close();

      // Ben's review holds a link: it waits for a moderator and does not count yet.
      const b = await openSession(browser, baseUrl);
      await signInToHome(b.page, ben.email, ben.password);
      await b.page.goto(`/classes/${ended.id}`);
      await rate(b.page, 2, "Too fast for me. My own plan: https://example.com/plan");
      await waitForText(b.page.getByTestId("my-review-held"), "links");
      await expectClassRating(b.page, "4.0", "1 rating");

      // Ben reports Ana's review.
      const anaOnBen = b.page.getByTestId(`review-${ana.uid}`);
      await anaOnBen.getByTestId(`review-report-${ana.uid}`).click();
      await anaOnBen.getByTestId("review-report-reason").selectOption("spam");
      await anaOnBen.getByTestId("review-report-send").click();
      await waitForText(b.page.getByTestId(`review-reported-${ana.uid}`), "A moderator will look");

      // The instructor replies once, publicly; Ana's open page shows it.
      const t = await openSession(browser, baseUrl);
      await signInToHome(t.page, instructor.email, instructor.password);
      await t.page.goto(`/classes/${ended.id}`);
      const anaOnTeacher = t.page.getByTestId(`review-${ana.uid}`);
      await anaOnTeacher.getByTestId(`reply-open-${ana.uid}`).click();
      await anaOnTeacher.getByTestId("reply-input").fill("Thanks Ana! Coffee is on me next week.");
      await anaOnTeacher.getByTestId("reply-send").click();
      await waitForText(t.page.getByTestId(`review-reply-${ana.uid}`), "Coffee is on me");
      expect(await anaOnTeacher.getByTestId(`reply-open-${ana.uid}`).count()).toBe(0);
      await waitForText(a.page.getByTestId(`review-reply-${ana.uid}`), "Coffee is on me");
      await t.context.close();

      // The moderator's queue has both: Ben's held review and Ana's reported one.
      const m = await openSession(browser, baseUrl);
      await signInToHome(m.page, admin.email, admin.password);
      await m.page.getByTestId("nav-admin-reviews").click();
      const held = m.page.getByTestId(`review-queue-${ended.id}-${ben.uid}`);
      const reported = m.page.getByTestId(`review-queue-${ended.id}-${ana.uid}`);
      await waitForText(held.getByTestId("review-queue-why"), "Held: it may contain links");
      await waitForText(reported.getByTestId("review-queue-why"), "Reported once");
      await screenshot(m.page, "reviews-queue");
      // A decision needs a reason.
      await held.getByTestId("review-queue-approve").click();
      await waitForText(held, "Give a reason");
      await held.getByTestId("review-queue-reason").fill("A training plan link, not spam.");
      await held.getByTestId("review-queue-approve").click();
      await held.waitFor({ state: "detached", timeout: SERVER_TIMEOUT });
      // Ben's review now counts: (4 + 2) / 2.
      await waitForText(b.page.getByTestId("my-review-published"), "published");
      await expectClassRating(b.page, "3.0", "2 ratings");

      // The moderator hides Ana's review from the class page, with a reason.
      await m.page.goto(`/classes/${ended.id}`);
      const anaOnAdmin = m.page.getByTestId(`review-${ana.uid}`);
      await anaOnAdmin.getByTestId(`review-hide-${ana.uid}`).click();
      await m.page.getByTestId("hide-confirm").click();
      await waitForText(m.page.locator("dialog"), "Say why");
      await m.page.getByTestId("hide-reason").fill("Reported as spam; it advertises a café.");
      await m.page.getByTestId("hide-confirm").click();
      await anaOnAdmin.waitFor({ state: "detached", timeout: SERVER_TIMEOUT });
      await expectClassRating(m.page, "2.0", "1 rating");
      // Ana still sees her own review, marked hidden.
      await waitForText(a.page.getByTestId("my-review-hidden"), "A moderator hid your review");
      await m.context.close();

      // The instructor's public page: the reputation across classes and the recent reviews.
      await b.page.getByTestId("class-instructor").click();
      await waitForText(b.page.getByTestId("instructor-name"), instructor.displayName);
      const summary = b.page.getByTestId("rating-summary-instructor");
      await summary
        .getByTestId("rating-summary-instructor-average")
        .filter({ hasText: "2.0" })
        .waitFor({ timeout: SERVER_TIMEOUT });
      await waitForText(summary.getByTestId("rating-summary-instructor-stars-2"), "1");
      await waitForText(b.page.getByTestId(`review-${ben.uid}`), ended.title);
      expect(await b.page.getByTestId(`review-${ana.uid}`).count()).toBe(0);
      await screenshot(b.page, "reviews-instructor");
      await Promise.all([a.context.close(), b.context.close()]);
    },
  );

  it("pages a long review list: ten at first, then more on request", { timeout: 90_000 }, async () => {
    const [instructor, reader] = await Promise.all([
      fixtures.createUser({ label: "instructor", role: "instructor", onboarded: true }),
      fixtures.createUser({ label: "reader", onboarded: true }),
    ]);
    const startsAtMs = Date.now() - 3 * HOUR;
    const busy = await createClass(instructor.uid, { startsAt: Timestamp.fromMillis(startsAtMs) });
    summaryIds.push(
      ratingSummaryId("class", busy.id),
      ratingSummaryId("series", busy.id),
      ratingSummaryId("instructor", instructor.uid),
    );
    // Twelve published reviews, as the callable leaves them, a minute apart: newest is number 12.
    const TOTAL = 12;
    for (let k = 1; k <= TOTAL; k += 1) {
      const at = Timestamp.fromMillis(startsAtMs + 2 * HOUR + k * 60_000);
      const review: ClassReview = {
        uid: `reviewer-${k}-${uniqueSuffix()}`,
        classId: busy.id,
        instructorId: instructor.uid,
        seriesId: busy.id,
        classTitle: busy.title,
        classStartsAt: Timestamp.fromMillis(startsAtMs),
        authorName: `Reviewer ${k}`,
        rating: 4,
        text: `Review number ${k}.`,
        status: "published",
        flags: [],
        reply: null,
        reportCount: 0,
        needsModeration: false,
        createdAt: at,
        updatedAt: at,
        editableUntil: Timestamp.fromMillis(at.toMillis() + 7 * 24 * HOUR),
      };
      await fixtures.db.doc(paths.review(busy.id, review.uid)).set(review);
    }

    const r = await openSession(browser, baseUrl);
    await signInToHome(r.page, reader.email, reader.password);
    await r.page.goto(`/classes/${busy.id}`);
    const list = r.page.getByRole("list", { name: "Reviews" });
    await waitForText(list, "Review number 12.");
    expect(await list.getByRole("listitem").count()).toBe(10);
    expect(await list.getByText("Review number 2.", { exact: true }).count()).toBe(0);
    await r.page.getByTestId("reviews-show-more").click();
    await waitForText(list, "Review number 1.");
    expect(await list.getByRole("listitem").count()).toBe(TOTAL);
    expect(await r.page.getByTestId("reviews-show-more").count()).toBe(0);
    await r.context.close();
  });
});

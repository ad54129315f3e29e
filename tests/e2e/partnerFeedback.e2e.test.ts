import type { Browser } from "playwright-core";
import { Timestamp } from "firebase-admin/firestore";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import {
  pairIdOf,
  partnerFeedbackId,
  paths,
  type Attendee,
  type FitnessClass,
  type Match,
} from "../../functions/src/model/index.js";
import { launchBrowser, openSession } from "./support/browser.js";
import { Fixtures, uniqueSuffix } from "./support/fixtures.js";
import { screenshot, signInToHome, waitForText } from "./support/ui.js";

const baseUrl = inject("baseUrl");
let browser: Browser;
let fixtures: Fixtures;
const cleanUp: string[] = [];

// Both callables may meet a cold worker.
const SERVER_TIMEOUT = 30_000;
const HOUR = 60 * 60_000;

beforeAll(async () => {
  browser = await launchBrowser();
  fixtures = new Fixtures();
});

afterAll(async () => {
  await browser?.close();
  for (const path of cleanUp) await fixtures?.db.recursiveDelete(fixtures.db.doc(path)).catch(() => undefined);
  await fixtures?.cleanup();
});

/** A Lisbon class that ended an hour ago, with these members checked in. */
async function endedClassWith(uids: string[]): Promise<string> {
  const startsAtMs = Date.now() - 2 * HOUR;
  const now = Timestamp.now();
  const title = `Riverside HIIT ${uniqueSuffix()}`;
  const cls: FitnessClass = {
    title,
    description: "Intervals by the Tagus.",
    tags: ["hiit"],
    level: "intermediate",
    instructorId: "nobody",
    city: "lisbon",
    startsAt: Timestamp.fromMillis(startsAtMs),
    durationMinutes: 60,
    location: {
      name: "Ribeira das Naus",
      address: "Av. Ribeira das Naus",
      lat: 38.7071,
      lng: -9.1403,
      geohash: "eycs0p",
    },
    capacity: 10,
    status: "scheduled",
    recurrence: null,
    confirmedCount: uids.length,
    waitlistCount: 0,
    createdAt: now,
    updatedAt: now,
  };
  const ref = await fixtures.db.collection("classes").add(cls);
  cleanUp.push(paths.class(ref.id));
  for (const [i, uid] of uids.entries()) {
    const row: Attendee = {
      uid,
      classId: ref.id,
      status: "attended",
      ticket: i + 1,
      joinedAt: Timestamp.fromMillis(startsAtMs - 24 * HOUR),
      updatedAt: Timestamp.fromMillis(startsAtMs),
      promotedAt: null,
      checkedInAt: Timestamp.fromMillis(startsAtMs),
      classTitle: title,
      classStartsAt: Timestamp.fromMillis(startsAtMs),
    };
    await fixtures.db.doc(paths.attendee(ref.id, uid)).set(row);
  }
  return ref.id;
}

async function matched(a: string, b: string): Promise<void> {
  const pairId = pairIdOf(a, b);
  const match: Match = {
    userIds: [a, b].sort() as [string, string],
    createdAt: Timestamp.now(),
    conversationId: pairId,
  };
  await fixtures.db.doc(paths.match(pairId)).set(match);
  cleanUp.push(paths.match(pairId));
}

describe("partner feedback", () => {
  it(
    "matched partners answer privately for each other after a class, and both answers count once both are in",
    { timeout: 120_000 },
    async () => {
      const [ana, ben, cai] = await Promise.all([
        fixtures.createUser({ label: "ana", onboarded: true }),
        fixtures.createUser({ label: "ben", onboarded: true }),
        fixtures.createUser({ label: "cai", onboarded: true }),
      ]);
      await matched(ana.uid, ben.uid);
      const classId = await endedClassWith([ana.uid, ben.uid, cai.uid]);
      const feedbackPath = (author: string, subject: string) =>
        paths.partnerFeedback(partnerFeedbackId(classId, author, subject));
      cleanUp.push(
        feedbackPath(ana.uid, ben.uid),
        feedbackPath(ben.uid, ana.uid),
        paths.reliability(ana.uid),
        paths.reliability(ben.uid),
      );

      // Ana is asked about Ben (her match), not about Cai (a stranger who was there too).
      const a = await openSession(browser, baseUrl);
      await signInToHome(a.page, ana.email, ana.password);
      await a.page.goto(`/classes/${classId}`);
      const panel = a.page.getByTestId("partner-feedback");
      await panel.waitFor({ timeout: SERVER_TIMEOUT });
      await waitForText(panel, "your partner never sees them");
      expect(await panel.getByTestId(`partner-feedback-${cai.uid}`).count()).toBe(0);
      await panel.getByTestId(`pf-showed-${ben.uid}-yes`).check();
      await panel.getByTestId(`pf-again-${ben.uid}-yes`).check();
      await panel.getByTestId(`pf-tag-${ben.uid}-punctual`).click();
      await screenshot(a.page, "partner-feedback-form");
      await panel.getByTestId(`pf-submit-${ben.uid}`).click();
      await waitForText(a.page.getByTestId(`partner-feedback-given-${ben.uid}`), "stays between you and Numina");
      // The server remembers: after a reload the form does not come back.
      await a.page.reload();
      await a.page.getByTestId(`partner-feedback-given-${ben.uid}`).waitFor({ timeout: SERVER_TIMEOUT });
      // Sealed: nothing counts while Ben has not answered.
      expect((await fixtures.db.doc(paths.reliability(ben.uid)).get()).exists).toBe(false);
      await a.context.close();

      // Ben sees no trace of Ana's answer, only his own question; he says she did not show up.
      const b = await openSession(browser, baseUrl);
      await signInToHome(b.page, ben.email, ben.password);
      await b.page.goto(`/classes/${classId}`);
      const bens = b.page.getByTestId(`partner-feedback-${ana.uid}`);
      await bens.waitFor({ timeout: SERVER_TIMEOUT });
      expect(await b.page.getByText("Punctual", { exact: true }).count()).toBe(0);
      await bens.getByTestId(`pf-showed-${ana.uid}-no`).check();
      // A no-show gets no "train again" question and no praise.
      expect(await bens.getByTestId(`pf-again-${ana.uid}-yes`).count()).toBe(0);
      await bens.getByTestId(`pf-submit-${ana.uid}`).click();
      await b.page.getByTestId(`partner-feedback-given-${ana.uid}`).waitFor({ timeout: SERVER_TIMEOUT });
      await b.context.close();

      // Both answers are in: each counts once, in the other's reliability.
      const reliability = async (uid: string) => (await fixtures.db.doc(paths.reliability(uid)).get()).data();
      expect(await reliability(ben.uid)).toMatchObject({ count: 1, noShows: 0, trainAgain: 1, tags: { punctual: 1 } });
      expect(await reliability(ana.uid)).toMatchObject({ count: 1, noShows: 1 });

      // Cai, matched with nobody there, is asked nothing.
      const c = await openSession(browser, baseUrl);
      await signInToHome(c.page, cai.email, cai.password);
      await c.page.goto(`/classes/${classId}`);
      await c.page.getByTestId("class-reviews").waitFor();
      // The panel appears only after the callable answers; give it the time it would take.
      await c.page.waitForTimeout(3_000);
      expect(await c.page.getByTestId("partner-feedback").count()).toBe(0);
      await c.context.close();
    },
  );
});

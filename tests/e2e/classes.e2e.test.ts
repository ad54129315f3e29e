import type { Browser } from "playwright-core";
import { Timestamp } from "firebase-admin/firestore";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { paths, type FitnessClass } from "../../functions/src/model/index.js";
import { launchBrowser, openSession } from "./support/browser.js";
import { Fixtures, uniqueSuffix } from "./support/fixtures.js";
import { screenshot, signInToHome, waitForText } from "./support/ui.js";

const baseUrl = inject("baseUrl");
let browser: Browser;
let fixtures: Fixtures;
const classIds: string[] = [];

// The first call of each callable may wait for the Functions emulator to start a worker.
const CALLABLE_TIMEOUT = 30_000;

beforeAll(async () => {
  browser = await launchBrowser();
  fixtures = new Fixtures();
});

afterAll(async () => {
  await browser?.close();
  for (const id of classIds) {
    await fixtures?.db.recursiveDelete(fixtures.db.doc(paths.class(id))).catch(() => undefined);
  }
  await fixtures?.cleanup();
});

/** A Berlin class created through the Admin SDK, as an instructor's form would. */
async function createClass(instructorId: string, fields: Partial<FitnessClass>): Promise<string> {
  const now = Timestamp.now();
  const data: FitnessClass = {
    title: `Sunrise Flow ${uniqueSuffix()}`,
    description: "An easy-going vinyasa class by the river.",
    tags: ["yoga"],
    level: "beginner",
    instructorId,
    city: "berlin",
    startsAt: Timestamp.fromMillis(Date.now() + 30 * 60_000),
    durationMinutes: 60,
    location: {
      name: "Spreepark Studio",
      address: "Kiehnwerderallee 1",
      lat: 52.4888,
      lng: 13.4889,
      geohash: "u33dfk",
    },
    capacity: 1,
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
  return ref.id;
}

describe("classes", () => {
  it("a full class: waitlist, live promotion when a seat frees, check-in and attendance history", async () => {
    const [instructor, memberA, memberB] = await Promise.all([
      fixtures.createUser({ label: "instructor", role: "instructor", onboarded: true }),
      fixtures.createUser({ label: "member-a", onboarded: true }),
      fixtures.createUser({ label: "member-b", onboarded: true }),
    ]);
    const classId = await createClass(instructor.uid, { capacity: 1 });
    const title = (await fixtures.db.doc(paths.class(classId)).get()).get("title") as string;

    const [a, b] = await Promise.all([openSession(browser, baseUrl), openSession(browser, baseUrl)]);
    await Promise.all([
      signInToHome(a.page, memberA.email, memberA.password),
      signInToHome(b.page, memberB.email, memberB.password),
    ]);

    // B takes the only seat.
    await b.page.getByTestId("nav-classes").click();
    const card = b.page.getByTestId(`class-card-${classId}`);
    await waitForText(card, "1 of 1 seat left");
    await screenshot(b.page, "classes-browse");
    await card.getByRole("link", { name: title }).click();
    await b.page.getByRole("button", { name: "Join", exact: true }).click();
    await waitForText(b.page.getByTestId("rsvp-confirmed"), "You're confirmed");

    // A finds it full and joins the waitlist.
    await a.page.goto(`/classes/${classId}`);
    await waitForText(a.page.getByTestId(`seats-${classId}`), "Full");
    await a.page.getByRole("button", { name: "Join waitlist" }).click();
    await a.page
      .getByTestId("rsvp-waitlisted")
      .filter({ hasText: "You're #1 on the waitlist" })
      .waitFor({ timeout: CALLABLE_TIMEOUT });
    await waitForText(a.page.getByTestId(`seats-${classId}`), "Full — 1 on the waitlist");
    await screenshot(a.page, "classes-detail-waitlisted");

    // B leaves; the server promotes A, whose open page follows without a reload.
    await b.page.getByRole("button", { name: "Leave class" }).click();
    await b.page.getByTestId("rsvp-none").waitFor({ timeout: CALLABLE_TIMEOUT });
    await a.page
      .getByTestId("rsvp-confirmed")
      .filter({ hasText: "You're confirmed" })
      .waitFor({ timeout: CALLABLE_TIMEOUT });
    await waitForText(a.page.getByTestId(`seats-${classId}`), "Full");
    await screenshot(a.page, "classes-detail-confirmed");
    // Home peeks at the member's next classes.
    await a.page.getByRole("link", { name: "Home", exact: true }).click();
    await waitForText(a.page.getByTestId("home-classes"), title);
    await screenshot(a.page, "classes-home");
    await b.context.close();

    // The instructor checks A in from the roster.
    const teacher = await openSession(browser, baseUrl);
    await signInToHome(teacher.page, instructor.email, instructor.password);
    await teacher.page.getByTestId("nav-instructor").click();
    await teacher.page.getByTestId(`teaching-row-${classId}`).getByRole("link", { name: "Roster" }).click();
    const row = teacher.page.getByTestId(`roster-row-${memberA.uid}`);
    await waitForText(row, memberA.displayName);
    await waitForText(teacher.page.getByTestId(`roster-row-${memberB.uid}`), "Left");
    await row.getByRole("button", { name: `Mark ${memberA.displayName} attended` }).click();
    await row
      .getByTestId(`roster-status-${memberA.uid}`)
      .filter({ hasText: "Attended" })
      .waitFor({ timeout: CALLABLE_TIMEOUT });
    await screenshot(teacher.page, "classes-roster");
    await teacher.page.getByTestId("nav-instructor").click();
    await teacher.page
      .getByTestId("teaching-past-table")
      .or(teacher.page.getByTestId("teaching-upcoming-table"))
      .first()
      .waitFor();
    await screenshot(teacher.page, "classes-instructor");
    await teacher.context.close();

    // A's schedule counts the class.
    await a.page.getByTestId("nav-schedule").click();
    await waitForText(a.page.getByTestId("history-list"), title);
    await waitForText(a.page.getByTestId("stat-month"), "1 class");
    await waitForText(a.page.getByTestId("stat-total"), "1 class");
    await screenshot(a.page, "classes-schedule");
    await a.context.close();
  });

  it("an instructor creates a class with the form, and an admin cancels it for everyone", async () => {
    const [instructor, admin] = await Promise.all([
      fixtures.createUser({ label: "teacher", role: "instructor", onboarded: true }),
      fixtures.createUser({ label: "admin", role: "admin", onboarded: true }),
    ]);
    const title = `Hill Sprints ${uniqueSuffix()}`;

    const teacher = await openSession(browser, baseUrl);
    const page = teacher.page;
    await signInToHome(page, instructor.email, instructor.password);
    await page.getByTestId("nav-instructor").click();
    await page.getByTestId("new-class").click();
    // Errors come from the shared schema before anything is written.
    await page.getByRole("button", { name: "Create class" }).click();
    await waitForText(page.locator(".field-error"), "Enter a title");
    await waitForText(page.locator(".field-error"), "Enter the venue's name");
    await page.getByLabel("Title").fill(title);
    await page.getByLabel("Description").fill("Short, steep and fast. Bring water.");
    await page.getByLabel("Level").selectOption("advanced");
    await page.getByLabel("Capacity").fill("8");
    await page.getByRole("button", { name: "Running", exact: true }).click();
    await page.getByRole("button", { name: "HIIT", exact: true }).click();
    await page.getByLabel("Venue").fill("Tempelhofer Feld");
    await page.getByLabel("Address").fill("Columbiadamm entrance");
    await screenshot(page, "classes-new");
    await page.getByRole("button", { name: "Create class" }).click();
    await waitForText(page.getByTestId("roster-title"), title);
    const created = await fixtures.db.collection("classes").where("title", "==", title).get();
    expect(created.size).toBe(1);
    const classId = created.docs[0]?.id ?? "";
    classIds.push(classId);
    expect(created.docs[0]?.get("instructorId")).toBe(instructor.uid);
    await teacher.context.close();

    const adminSession = await openSession(browser, baseUrl);
    await signInToHome(adminSession.page, admin.email, admin.password);
    await adminSession.page.getByTestId("nav-admin-classes").click();
    const adminRow = adminSession.page.getByTestId(`admin-class-${classId}`);
    await waitForText(adminRow, instructor.displayName);
    await screenshot(adminSession.page, "classes-admin");
    await adminRow.getByRole("button", { name: "Cancel class" }).click();
    await adminSession.page.getByRole("dialog").getByRole("button", { name: "Cancel class" }).click();
    await waitForText(adminRow, "Cancelled");
    await adminRow.getByRole("link", { name: title }).click();
    await adminSession.page.getByTestId("class-cancelled").waitFor();
    await adminSession.page.goto(`/classes/${classId}`);
    await adminSession.page.getByTestId("class-cancelled").waitFor();
    expect(await adminSession.page.getByRole("button", { name: /Join/ }).count()).toBe(0);
    await screenshot(adminSession.page, "classes-detail-cancelled");
    await adminSession.context.close();
  });
});

/**
 * Notifications end to end: a class cancellation (written as an instructor's edit would be)
 * reaches the member's bell live through the real trigger; reading it clears the bell; switching
 * the type off in the settings page stops the next one.
 */
import type { Browser } from "playwright-core";
import { Timestamp } from "firebase-admin/firestore";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { paths, type Attendee, type FitnessClass } from "../../functions/src/model/index.js";
import { launchBrowser, openSession } from "./support/browser.js";
import { Fixtures, uniqueSuffix } from "./support/fixtures.js";
import { screenshot, signInToHome, waitForText } from "./support/ui.js";

const baseUrl = inject("baseUrl");
let browser: Browser;
let fixtures: Fixtures;
const classIds: string[] = [];
// A trigger's first run waits for the Functions emulator to start a worker, behind the sign-up
// triggers of the users just created: on a small machine that takes a while.
const TRIGGER_TIMEOUT = 60_000;

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

/** A class tomorrow with `memberUid` confirmed on it, as an RSVP would have left it. */
async function classWithAttendee(instructorId: string, memberUid: string): Promise<{ id: string; title: string }> {
  const now = Timestamp.now();
  const startsAt = Timestamp.fromMillis(Date.now() + 24 * 60 * 60_000);
  const title = `Evening Spin ${uniqueSuffix()}`;
  const cls: FitnessClass = {
    title,
    description: "Forty-five minutes on the bike.",
    tags: ["cycling"],
    level: "intermediate",
    instructorId,
    city: "berlin",
    startsAt,
    durationMinutes: 45,
    location: { name: "Kreuzberg Ride", address: "Oranienstr. 1", lat: 52.5, lng: 13.42, geohash: "u33dc" },
    capacity: 10,
    status: "scheduled",
    recurrence: null,
    confirmedCount: 1,
    waitlistCount: 0,
    createdAt: now,
    updatedAt: now,
  };
  const ref = await fixtures.db.collection("classes").add(cls);
  classIds.push(ref.id);
  const row: Attendee = {
    uid: memberUid,
    classId: ref.id,
    status: "confirmed",
    ticket: 1,
    joinedAt: now,
    updatedAt: now,
    promotedAt: null,
    checkedInAt: null,
    classTitle: title,
    classStartsAt: startsAt,
  };
  await fixtures.db.doc(paths.attendee(ref.id, memberUid)).set(row);
  return { id: ref.id, title };
}

const cancel = (classId: string) =>
  fixtures.db.doc(paths.class(classId)).update({ status: "cancelled", updatedAt: Timestamp.now() });

describe("notifications", () => {
  it("a cancellation lights the bell live; reading it clears it; switching the type off stops the next", async () => {
    const [instructor, member] = await Promise.all([
      fixtures.createUser({ label: "instructor", role: "instructor", onboarded: true }),
      fixtures.createUser({ label: "member", onboarded: true }),
    ]);
    const first = await classWithAttendee(instructor.uid, member.uid);
    const { page } = await openSession(browser, baseUrl);
    await signInToHome(page, member.email, member.password);
    const bell = page.getByTestId("notification-bell");
    await expect.poll(() => bell.getAttribute("data-unread")).toBe("0");

    // The instructor cancels; the trigger notifies the roster. No reload: the bell is live.
    await cancel(first.id);
    await page.getByTestId("notification-count").filter({ hasText: "1" }).waitFor({ timeout: TRIGGER_TIMEOUT });
    await screenshot(page, "notifications-bell");

    await bell.click();
    const item = page.getByTestId("notification-item").filter({ hasText: `Cancelled: ${first.title}` });
    await item.waitFor();
    await expect.poll(() => item.getAttribute("data-read")).toBe("false");
    await item.getByTestId("notification-toggle-read").click();
    await expect.poll(() => item.getAttribute("data-read")).toBe("true");
    await expect.poll(() => bell.getAttribute("data-unread")).toBe("0");
    await expect(page.getByTestId("notification-count").count()).resolves.toBe(0);
    await screenshot(page, "notifications-centre");

    // Turn in-app cancellation notices off.
    await page.getByTestId("notification-settings-link").click();
    const inApp = page.getByTestId("pref-class_cancelled-inApp");
    await expect(inApp.isChecked()).resolves.toBe(true);
    await inApp.uncheck();
    await page.getByTestId("save-preferences").click();
    await page.getByTestId("preferences-saved").waitFor();
    await waitForText(page.getByTestId("push-status"), "not set up");
    await screenshot(page, "notifications-settings");

    // The next cancellation is delivered (its record exists) but not shown in the app.
    const second = await classWithAttendee(instructor.uid, member.uid);
    await cancel(second.id);
    const record = await fixtures.waitForDoc(
      paths.notificationDelivery(member.uid, `class_cancelled-${second.id}`),
      TRIGGER_TIMEOUT,
    );
    expect(record).toMatchObject({ inApp: false });
    expect((await fixtures.db.doc(paths.notification(member.uid, `class_cancelled-${second.id}`)).get()).exists).toBe(
      false,
    );
    await page.getByTestId("nav-classes").click();
    await expect.poll(() => bell.getAttribute("data-unread")).toBe("0");
  }, 180_000);
});

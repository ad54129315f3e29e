import type { Browser } from "playwright-core";
import { Timestamp } from "firebase-admin/firestore";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { paths } from "../../functions/src/model/index.js";
import { launchBrowser, openSession } from "./support/browser.js";
import { Fixtures } from "./support/fixtures.js";
import { screenshot, signInToHome, waitForText } from "./support/ui.js";

const baseUrl = inject("baseUrl");
let browser: Browser;
let fixtures: Fixtures;

// The callable may meet a cold worker.
const SERVER_TIMEOUT = 30_000;

beforeAll(async () => {
  browser = await launchBrowser();
  fixtures = new Fixtures();
});

afterAll(async () => {
  await browser?.close();
  await fixtures?.cleanup();
});

describe("friends", () => {
  it(
    "one member sends a friend request from a profile, the other accepts it on their open connections page, and then sees the new friend's class in the feed",
    { timeout: 120_000 },
    async () => {
      const [ana, ben] = await Promise.all([
        fixtures.createUser({ label: "ana", onboarded: true }),
        fixtures.createUser({ label: "ben", onboarded: true }),
      ]);

      // Ben keeps his connections page open: the request must arrive without a reload.
      const b = await openSession(browser, baseUrl);
      await signInToHome(b.page, ben.email, ben.password);
      await b.page.getByTestId("nav-connections").click();
      const bensRequests = b.page.getByTestId("connections-friendRequests");
      await waitForText(bensRequests, "No friend requests waiting.");

      const a = await openSession(browser, baseUrl);
      await signInToHome(a.page, ana.email, ana.password);
      await a.page.goto(`/people/${ben.uid}`);
      await a.page.getByTestId("connection-request_friend").click({ timeout: SERVER_TIMEOUT });
      await waitForText(a.page.getByTestId("connection-summary"), "Friend request sent");

      const row = bensRequests.locator(`[data-uid="${ana.uid}"]`);
      await waitForText(row, ana.displayName);
      await screenshot(b.page, "connections-friend-request");
      await row.getByTestId("connection-accept_friend").click();
      await waitForText(bensRequests, "No friend requests waiting.");
      await b.page.getByTestId("connections-tab-friends").click();
      await waitForText(b.page.getByTestId("connections-friends"), ana.displayName);
      await waitForText(b.page.getByTestId("social-counts"), "1 friend");

      // Ana's profile view of Ben changes by itself, and the counts on it too.
      await waitForText(a.page.getByTestId("connection-summary"), "Friends");
      await waitForText(a.page.getByTestId("social-counts"), "1 friend");
      expect(await a.page.getByTestId("connection-remove_friend").count()).toBe(1);

      // Ben, on his home page, sees his new friend's check-in arrive in his feed.
      await b.page.goto("/");
      await waitForText(b.page.getByTestId("feed"), "Nothing yet");
      const classId = `feed-class-${ana.uid}`;
      await fixtures.db.doc(paths.attendanceRecord(ana.uid, classId)).set({
        classId,
        classTitle: "Sunrise Spin",
        classStartsAt: Timestamp.fromMillis(Date.now() - 60 * 60_000),
        status: "attended",
        markedAt: Timestamp.now(),
      });
      const entry = b.page.getByTestId("feed-entry");
      await waitForText(entry, "Sunrise Spin");
      await waitForText(entry, ana.displayName);
      await screenshot(b.page, "home-feed");

      // Ana was told, and the notice leads back to Ben.
      const told = await fixtures.db.collection(paths.notifications(ana.uid)).where("type", "==", "connection").get();
      expect(told.docs.map((d) => d.get("data") as unknown)).toEqual([{ personUid: ben.uid }]);
      await Promise.all([a.context.close(), b.context.close()]);
    },
  );

  it(
    "a member who approves followers sees a request instead of a follower, and approves it",
    { timeout: 120_000 },
    async () => {
      const [cai, dee] = await Promise.all([
        fixtures.createUser({ label: "cai", onboarded: true }),
        fixtures.createUser({ label: "dee", onboarded: true }),
      ]);
      const d = await openSession(browser, baseUrl);
      await signInToHome(d.page, dee.email, dee.password);
      await d.page.goto("/connections");
      await d.page.getByTestId("approve-followers").check();
      await d.page.getByRole("button", { name: "Save" }).click();
      await d.page.getByTestId("social-settings-saved").waitFor();

      const c = await openSession(browser, baseUrl);
      await signInToHome(c.page, cai.email, cai.password);
      await c.page.goto(`/people/${dee.uid}`);
      await c.page.getByTestId("connection-follow").click({ timeout: SERVER_TIMEOUT });
      await waitForText(c.page.getByTestId("connection-summary"), "Follow request sent");

      const asking = d.page.getByTestId("connections-followRequests").locator(`[data-uid="${cai.uid}"]`);
      await asking.getByTestId("connection-approve_follower").click({ timeout: SERVER_TIMEOUT });
      await waitForText(c.page.getByTestId("connection-summary"), "You follow them");
      await d.page.getByTestId("connections-tab-followers").click();
      await waitForText(d.page.getByTestId("connections-followers"), cai.displayName);
      await Promise.all([c.context.close(), d.context.close()]);
    },
  );

  it("a member follows an instructor from the instructor's page", { timeout: 90_000 }, async () => {
    const [eve, ivy] = await Promise.all([
      fixtures.createUser({ label: "eve", onboarded: true }),
      fixtures.createUser({ label: "ivy", role: "instructor", onboarded: true }),
    ]);
    const e = await openSession(browser, baseUrl);
    await signInToHome(e.page, eve.email, eve.password);
    await e.page.goto(`/instructors/${ivy.uid}`);
    await waitForText(e.page.getByTestId("social-counts"), "0 followers");
    await e.page.getByTestId("connection-follow").click({ timeout: SERVER_TIMEOUT });
    await waitForText(e.page.getByTestId("connection-summary"), "You follow them");
    await waitForText(e.page.getByTestId("social-counts"), "1 follower");
    await e.context.close();
  });
});

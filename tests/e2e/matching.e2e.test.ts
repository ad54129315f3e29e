import type { Browser, Page } from "playwright-core";
import { geohashForLocation } from "geofire-common";
import { FieldValue } from "firebase-admin/firestore";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { matchingKey, matchingPointOf, publicGeohashOf } from "../../functions/src/matching/index.js";
import { pairIdOf, paths } from "../../functions/src/model/index.js";
import { launchBrowser, openSession } from "./support/browser.js";
import { Fixtures, type TestUser } from "./support/fixtures.js";
import { screenshot, signInToHome, waitForText } from "./support/ui.js";

const baseUrl = inject("baseUrl");
let browser: Browser;
let fixtures: Fixtures;

/** A spot in Lisbon of this run's own, so other tests' members are out of range. */
const SPOT = { lat: 38.7 + Math.random() * 0.05, lng: -9.2 + Math.random() * 0.05 };

beforeAll(async () => {
  browser = await launchBrowser();
  fixtures = new Fixtures();
});

afterAll(async () => {
  await browser?.close();
  await fixtures?.cleanup();
});

/** An onboarded member who has set their location `kmNorth` of the spot. */
async function discoverableMember(label: string, kmNorth: number): Promise<TestUser> {
  const user = await fixtures.createUser({ label, onboarded: true });
  const at = { lat: SPOT.lat + kmNorth / 111.2, lng: SPOT.lng };
  const geohash = geohashForLocation([at.lat, at.lng], 10);
  const publicCell = publicGeohashOf(matchingPointOf(at, user.uid, await matchingKey(fixtures.db)));
  await fixtures.waitForDoc(paths.privateSettings(user.uid));
  await fixtures.db
    .doc(paths.user(user.uid))
    .update({ city: "lisbon", geohash: publicCell, interests: ["running", "hiit"] });
  await fixtures.db
    .doc(paths.privateSettings(user.uid))
    .update({ location: { ...at, geohash }, updatedAt: FieldValue.serverTimestamp() });
  return user;
}

/** Discover has answered: cards, the empty state or an error. */
const discoverLoaded = async (page: Page) => {
  const answered = page.locator(
    '[data-testid="partner-card"], [data-testid="discover-empty"], [data-testid="discover-error"]',
  );
  await answered
    .first()
    .waitFor({ timeout: 90_000 })
    .catch(async (error: unknown) => {
      // Say what the page showed instead: it usually explains the wait.
      throw new Error(`Discover never answered; it shows: ${(await page.locator("main").innerText()).slice(0, 500)}`, {
        cause: error,
      });
    });
};

const card = (page: Page, uid: string) => page.locator(`[data-testid="partner-card"][data-uid="${uid}"]`);

/** Opens Discover until the member's card shows: queues fill as the triggers run. */
async function discoverUntilShown(page: Page, uid: string) {
  const deadline = Date.now() + 120_000;
  for (;;) {
    await page.goto("/discover");
    await discoverLoaded(page);
    if ((await card(page, uid).count()) > 0) return;
    if (Date.now() > deadline) throw new Error(`${uid} never appeared in Discover`);
    await page.waitForTimeout(1_000);
  }
}

describe("matching", () => {
  it("two members like each other and both see the match live; a blocked member leaves Discover", async () => {
    const [alex, blair, casey] = await Promise.all([
      discoverableMember("alex", 0),
      discoverableMember("blair", 1),
      discoverableMember("casey", 2),
    ]);
    const [a, b] = await Promise.all([openSession(browser, baseUrl), openSession(browser, baseUrl)]);
    await Promise.all([
      signInToHome(a.page, alex.email, alex.password),
      signInToHome(b.page, blair.email, blair.password),
    ]);

    // Alex finds Blair, with a score and reasons, and likes them; then waits on Matches.
    await discoverUntilShown(a.page, blair.uid);
    await waitForText(card(a.page, blair.uid), "You both do running and HIIT");
    await screenshot(a.page, "matching-discover");
    await card(a.page, blair.uid).getByRole("button", { name: "Like", exact: true }).click();
    await waitForText(a.page.getByTestId("discover-notice"), `You liked ${blair.displayName}.`);
    await expect(card(a.page, blair.uid).count()).resolves.toBe(0);
    await a.page.getByTestId("nav-matches").click();
    await a.page.getByTestId("matches-empty").waitFor();

    // Blair watches Matches in a second tab while liking Alex back in the first.
    const blairMatches = await b.context.newPage();
    await blairMatches.goto("/matches");
    await blairMatches.getByTestId("matches-empty").waitFor();
    await discoverUntilShown(b.page, alex.uid);
    await card(b.page, alex.uid).getByRole("button", { name: "Like", exact: true }).click();

    // The match appears on both Matches pages without a reload.
    const pairId = pairIdOf(alex.uid, blair.uid);
    await a.page.locator(`[data-testid="match-row"][data-uid="${blair.uid}"]`).waitFor({ timeout: 30_000 });
    await blairMatches.locator(`[data-testid="match-row"][data-uid="${alex.uid}"]`).waitFor({ timeout: 30_000 });
    await waitForText(a.page.getByTestId("matches-list"), blair.displayName);
    expect((await fixtures.db.doc(paths.match(pairId)).get()).exists).toBe(true);
    await screenshot(a.page, "matching-matches");

    // Alex blocks Casey from Casey's profile; Casey is gone from Alex's Discover.
    await discoverUntilShown(a.page, casey.uid);
    await card(a.page, casey.uid).getByRole("link", { name: casey.displayName }).click();
    await a.page.getByTestId("person-name").waitFor();
    await a.page.getByTestId("block-button").click();
    await waitForText(a.page.getByTestId("person-message"), "Blocked.");
    await a.page.getByTestId("nav-discover").click();
    await discoverLoaded(a.page);
    await expect(card(a.page, casey.uid).count()).resolves.toBe(0);
    await screenshot(a.page, "matching-after-block");
  }, 420_000);

  it("saves match preferences through the server, and says so when the day's saves are used up", async () => {
    const member = await discoverableMember("drew", 5);
    // One save allowed, so the second shows the refusal; only this limit is overridden.
    await fixtures.db
      .doc(paths.limitsConfig())
      .set({ rates: { matchPreferences: { max: 1, windowMinutes: 60 } } }, { merge: true });
    try {
      const { page } = await openSession(browser, baseUrl);
      await signInToHome(page, member.email, member.password);
      await page.goto("/matches/preferences");
      await page.getByTestId("pref-discoverable").uncheck();
      await page.getByTestId("pref-save").click();
      await waitForText(page.getByTestId("pref-message"), "Saved.");
      expect((await fixtures.db.doc(paths.matchPreferences(member.uid)).get()).get("discoverable")).toBe(false);

      await page.getByTestId("pref-discoverable").check();
      await page.getByTestId("pref-save").click();
      await waitForText(page.getByTestId("pref-message"), /You have reached the limit of 1 match preference changes\./);
      expect((await fixtures.db.doc(paths.matchPreferences(member.uid)).get()).get("discoverable")).toBe(false);
      await screenshot(page, "matching-preferences-limit");
    } finally {
      await fixtures.db.doc(paths.limitsConfig()).update({ "rates.matchPreferences": FieldValue.delete() });
    }
  }, 180_000);
});

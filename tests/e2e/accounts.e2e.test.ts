import { Timestamp } from "firebase-admin/firestore";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { emailSubject } from "../../functions/src/limits/subjects.js";
import { matchingKey, matchingPointOf, publicGeohashOf } from "../../functions/src/matching/index.js";
import {
  paths,
  privateSettingsSchema,
  rateLimitFor,
  TERMS_VERSION,
  userProfileSchema,
  type RateLimitName,
} from "../../functions/src/model/index.js";
import { launchBrowser, openSession } from "./support/browser.js";
import { waitForAccountEmail } from "./support/emulators.js";
import { Fixtures, PASSWORD, uniqueEmail, uniqueSuffix } from "./support/fixtures.js";
import { acceptTerms, screenshot, signIn, signInToHome, signOut, waitForText } from "./support/ui.js";

const baseUrl = inject("baseUrl");
let browser: Browser;
let fixtures: Fixtures;

beforeAll(async () => {
  browser = await launchBrowser();
  fixtures = new Fixtures();
});

afterAll(async () => {
  await browser?.close();
  await fixtures?.cleanup();
});

describe("accounts", () => {
  it("signs up, completes onboarding, keeps the session across a reload, signs out and back in", async () => {
    // Somewhere in Lisbon, so "Use my current location" has something to find.
    const { context, page } = await openSession(browser, baseUrl, {
      geolocation: { latitude: 38.7369, longitude: -9.1427 },
    });
    const email = uniqueEmail("signup");
    const name = `Ana Runner ${uniqueSuffix()}`;

    await page.goto("/sign-up");
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password", { exact: true }).fill(PASSWORD);
    await page.getByLabel("Confirm password").fill(PASSWORD);
    await page.getByRole("button", { name: "Create account" }).click();

    // provisionAccount creates the profile a moment later; the app waits for it, then asks for
    // the terms before anything else: not without ticking the box.
    await waitForText(page.getByTestId("terms-gate"), "Before you start");
    fixtures.track(await fixtures.uidOf(email));
    await page.getByTestId("terms-accept").click();
    await waitForText(page.getByTestId("terms-gate"), "Tick the box");
    await acceptTerms(page);
    await page.getByTestId("onboarding-title").waitFor();
    // Recorded with the version in force and the server's time (once the server has the write).
    const settingsPath = paths.privateSettings(await fixtures.uidOf(email));
    const consent = await eventually(async () => {
      const data = (await fixtures.db.doc(settingsPath).get()).data();
      return data?.["termsVersion"] ? data : undefined;
    });
    expect(consent?.["termsVersion"]).toBe(TERMS_VERSION);
    expect(Math.abs((consent?.["tosAcceptedAt"] as Timestamp).toMillis() - Date.now())).toBeLessThan(60_000);
    // Sign-up sent the verification email, through Numina's template.
    const verification = await waitForAccountEmail(fixtures.db, email, "verify_email");
    expect(verification.subject).toBe("Confirm your email for Numina");
    expect(verification.link.searchParams.get("mode")).toBe("verifyEmail");
    await page.getByTestId("verify-banner").waitFor();

    // Field errors come from the shared schema before anything is written.
    await page.getByLabel("Name").fill("   ");
    await page.getByRole("button", { name: "Finish setup" }).click();
    await waitForText(page.locator(".field-error"), "Enter your name");
    await waitForText(page.locator(".field-error"), "Choose your city");

    await page.getByLabel("Name").fill(name);
    await page.getByLabel("Bio").fill("Marathon training, looking for long-run buddies.");
    await page.getByLabel("Fitness level").selectOption("advanced");
    await page.getByRole("button", { name: "Running", exact: true }).click();
    await page.getByRole("button", { name: "Yoga", exact: true }).click();
    await page.getByLabel("City").selectOption("lisbon");
    await page.getByRole("button", { name: "Use my current location" }).click();
    await waitForText(page.getByTestId("location-status"), "Using your current location");
    await page.getByRole("button", { name: "Monday morning" }).click();
    await page.getByRole("button", { name: "Saturday evening" }).click();
    await page.getByRole("button", { name: "Saturday evening", pressed: true }).waitFor();
    await page.getByRole("button", { name: "Finish setup" }).click();

    await waitForText(page.getByTestId("home-welcome"), `Hi, ${name}!`);
    const summary = page.getByTestId("profile-summary");
    await waitForText(summary.getByTestId("summary-city"), "Lisbon");
    expect(await summary.getByTestId("summary-interests").innerText()).toMatch(/Running[\s\S]*Yoga/);
    expect(await summary.getByTestId("summary-availability").innerText()).toContain("2 slots a week");
    await waitForText(page.getByTestId("header-name"), name);
    await waitForText(page.getByTestId("role-badge"), "Member");

    // What was stored: the exact point only in the private document; the public cell is the cell
    // of the member's matching point, 1.2–2 km away, never of the exact point.
    const uid = await fixtures.uidOf(email);
    // The page shows the save as soon as the SDK applies it locally; the server has it a moment later.
    const profile = await eventually(async () => {
      const stored = userProfileSchema.parse((await fixtures.db.doc(paths.user(uid)).get()).data());
      return stored.onboardingComplete ? stored : undefined;
    });
    const settings = privateSettingsSchema.parse((await fixtures.db.doc(paths.privateSettings(uid)).get()).data());
    expect(profile).toMatchObject({ displayName: name, city: "lisbon", onboardingComplete: true, role: "member" });
    expect(profile).not.toHaveProperty("email");
    expect(settings.location).toMatchObject({ lat: 38.7369, lng: -9.1427 });
    expect(settings.location?.geohash).toHaveLength(10);
    const key = await matchingKey(fixtures.db);
    expect(profile.geohash).toBe(publicGeohashOf(matchingPointOf({ lat: 38.7369, lng: -9.1427 }, uid, key)));

    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Profile" }).click();
    await waitForText(page.getByTestId("profile-email"), email);
    await waitForText(page.getByTestId("profile-role"), "Member");
    await screenshot(page, "profile");

    await page.reload();
    await waitForText(page.getByTestId("profile-name"), name);

    // Signing back in returns the member to the page they were on.
    await signOut(page);
    await signIn(page, email, PASSWORD);
    await waitForText(page.getByTestId("profile-name"), name);
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Home" }).click();
    await waitForText(page.getByTestId("home-welcome"), name);
    await screenshot(page, "home");
    await context.close();
  });

  it("asks a member to accept new terms before going on, and remembers the version they accepted", async () => {
    const user = await fixtures.createUser({ label: "terms", onboarded: true });
    // They accepted an earlier version.
    const settings = fixtures.db.doc(paths.privateSettings(user.uid));
    await settings.update({ termsVersion: "2025-01-01", tosAcceptedAt: Timestamp.fromMillis(Date.UTC(2025, 0, 1)) });
    const { context, page } = await openSession(browser, baseUrl);
    await signIn(page, user.email, user.password);
    await waitForText(page.getByTestId("terms-gate"), "We've updated our terms");
    await waitForText(page.getByTestId("terms-gate"), `version ${TERMS_VERSION}`);
    // Nothing else opens until they accept.
    await page.goto("/classes");
    await page.getByTestId("terms-gate").waitFor();
    await acceptTerms(page);
    await page.getByTestId("terms-gate").waitFor({ state: "detached" });
    // The page moves on as soon as the SDK applies the write locally; the server has it a moment later.
    const accepted = await eventually(async () => {
      const version: unknown = (await settings.get()).get("termsVersion");
      return version === TERMS_VERSION ? version : undefined;
    });
    expect(accepted).toBe(TERMS_VERSION);
    // The terms themselves are readable signed out, from the gate's links.
    await signOut(page);
    await page.goto("/legal/privacy");
    await waitForText(page.getByTestId("legal-page"), `Version ${TERMS_VERSION}`);
    await context.close();
  });

  it("verifies the email through the emailed link and the refresh button", async () => {
    const user = await fixtures.createUser({ label: "verify", onboarded: true, emailVerified: false });
    const { context, page } = await openSession(browser, baseUrl);
    await signInToHome(page, user.email, user.password);

    await page.getByTestId("verify-banner").getByRole("link", { name: "Verify now" }).click();
    await waitForText(page.getByTestId("email-status"), "Not verified");
    await page.getByRole("button", { name: "Resend the link" }).click();
    await waitForText(page.getByRole("status"), "We sent a new link");

    // The member opens the emailed link (served by the Auth emulator). It applies the code and
    // sends the member on to the app at APP_URL (the dev server's origin, which this test session
    // does not serve), so the redirect is checked rather than followed.
    const { link } = await waitForAccountEmail(fixtures.db, user.email, "verify_email");
    const response = await context.request.get(link.toString(), { maxRedirects: 0 });
    expect(response.status()).toBe(303); // See Other: on to the continue URL
    expect(response.headers()["location"]).toBe(link.searchParams.get("continueUrl"));

    await page.getByTestId("verify-refresh").click();
    await waitForText(page.getByTestId("email-status"), "Verified");
    await page.getByTestId("verify-banner").waitFor({ state: "detached" });
    await context.close();
  });

  it("resets a forgotten password from the sign-in page", async () => {
    const user = await fixtures.createUser({ label: "reset", onboarded: true });
    const { context, page } = await openSession(browser, baseUrl);
    const newPassword = `new-${uniqueSuffix()}-password`;

    await page.goto("/sign-in");
    await page.getByRole("button", { name: "Forgot your password?" }).click();
    await page.getByLabel("Email for the reset link").fill(user.email);
    await page.getByRole("button", { name: "Send reset link" }).click();
    await page.getByTestId("reset-sent").waitFor();

    // The emailed link's one-time code opens the app's action handler (where a deployed project
    // points its action URL).
    const { subject, link } = await waitForAccountEmail(fixtures.db, user.email, "password_reset");
    expect(subject).toBe("Reset your Numina password");
    const oobCode = link.searchParams.get("oobCode") ?? "";
    await page.goto(`/auth/action?mode=resetPassword&oobCode=${encodeURIComponent(oobCode)}`);
    await waitForText(page.locator(".auth-card"), `For ${user.email}`);
    await page.getByLabel("New password", { exact: true }).fill(newPassword);
    await page.getByLabel("Confirm new password").fill(newPassword);
    await page.getByRole("button", { name: "Set new password" }).click();
    await page.getByTestId("reset-done").waitFor();

    await signIn(page, user.email, user.password);
    await waitForText(page.getByTestId("signin-error"), "don't match");
    await signInToHome(page, user.email, newPassword);
    await context.close();
  });

  it("tells the member when they have used up their reset or verification emails", async () => {
    const user = await fixtures.createUser({ label: "limited", onboarded: true, emailVerified: false });
    // Spent limits, as many requests in the last few minutes would leave them.
    const spend = (name: RateLimitName, subject: string) =>
      fixtures.db.doc(paths.rateLimit(name, subject)).set({
        name,
        windowStartMs: Date.now(),
        count: rateLimitFor(undefined, name).max,
        expiresAt: Timestamp.fromMillis(Date.now() + 60 * 60_000),
      });
    await spend("passwordResetPerAddress", emailSubject(user.email));
    await spend("verificationEmail", user.uid);
    const { context, page } = await openSession(browser, baseUrl);

    await page.goto("/sign-in");
    await page.getByRole("button", { name: "Forgot your password?" }).click();
    await page.getByLabel("Email for the reset link").fill(user.email);
    await page.getByRole("button", { name: "Send reset link" }).click();
    await waitForText(
      page.getByTestId("reset-error"),
      "You have reached the limit of 3 password-reset emails to this address. Try again in",
    );

    await signInToHome(page, user.email, user.password);
    await page.getByTestId("verify-banner").getByRole("link", { name: "Verify now" }).click();
    await page.getByRole("button", { name: "Resend the link" }).click();
    await waitForText(page.getByRole("alert"), "You have reached the limit of 5 verification emails. Try again in");
    await context.close();
  });

  it("signs in with Google through the Auth emulator's sign-in popup", async ({ skip }) => {
    // The JS SDK loads Google's gapi script from apis.google.com for the popup's helper iframe,
    // even against the emulator; where that host is unreachable the popup can never open.
    if (!(await reachable(GAPI_SCRIPT))) skip(`${GAPI_SCRIPT} is unreachable from this machine`);
    const { context, page } = await openSession(browser, baseUrl);
    const email = uniqueEmail("google");
    const name = `Gus Google ${uniqueSuffix()}`;

    await page.goto("/sign-in");
    const [popup] = await Promise.all([
      page.waitForEvent("popup"),
      page.getByRole("button", { name: "Continue with Google" }).click(),
    ]);
    await popup.waitForLoadState("domcontentloaded");
    await popup.getByText("Add new account").click();
    await popup.getByRole("button", { name: "Auto-generate user information" }).click();
    // Auto-generated emails repeat across runs; a unique one makes this a brand-new account.
    await popup.locator("#email-input").fill(email);
    await popup.locator("#display-name-input").fill(name);
    await popup.getByRole("button", { name: /Sign in with Google\.com/ }).click();

    await acceptTerms(page);
    await page.getByTestId("onboarding-title").waitFor();
    fixtures.track(await fixtures.uidOf(email));
    await waitForText(page.getByTestId("header-name"), name);
    await waitForText(page.getByTestId("role-badge"), "Member");
    // Google has verified the address already: no verification banner.
    await page.getByTestId("verify-banner").waitFor({ state: "detached" });
    await context.close();
  });
});

const GAPI_SCRIPT = "https://apis.google.com/js/api.js";

async function reachable(url: string): Promise<boolean> {
  try {
    return (await fetch(url, { signal: AbortSignal.timeout(3_000) })).ok;
  } catch {
    return false;
  }
}

/** Polls `read` until it returns a value, for server state that trails what the page shows. */
async function eventually<T>(read: () => Promise<T | undefined>, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`Still not stored after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

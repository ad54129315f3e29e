/**
 * What Hosting ships: the production build, served by the Hosting emulator with firebase.json's
 * headers. The headers are checked value by value, and a signed-in member's session (a Firestore
 * read, a callable) runs under the real Content-Security-Policy without a single violation.
 */
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { paths } from "../../functions/src/model/index.js";
import { launchBrowser, openSession } from "./support/browser.js";
import { Fixtures } from "./support/fixtures.js";
import { buildForHosting, hostingUrl, routeFirebaseToEmulators } from "./support/hosting.js";
import { signInToHome, waitForText } from "./support/ui.js";

const CSP = [
  "default-src 'self'",
  "script-src 'self' https://apis.google.com",
  "style-src 'self'",
  "img-src 'self' data: https://lh3.googleusercontent.com",
  "font-src 'self'",
  "connect-src 'self' https://identitytoolkit.googleapis.com https://securetoken.googleapis.com" +
    " https://firestore.googleapis.com https://*.cloudfunctions.net" +
    " https://firebaseinstallations.googleapis.com https://fcmregistrations.googleapis.com",
  "frame-src 'self' https://*.firebaseapp.com",
  "worker-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");

const PERMISSIONS_POLICY = [
  "accelerometer=()",
  "camera=()",
  "display-capture=()",
  "geolocation=(self)",
  "gyroscope=()",
  "magnetometer=()",
  "microphone=()",
  "midi=()",
  "payment=()",
  "publickey-credentials-get=()",
  "screen-wake-lock=()",
  "serial=()",
  "usb=()",
  "xr-spatial-tracking=()",
].join(", ");

/** Every response, documents and assets alike. */
const EVERYWHERE = {
  "strict-transport-security": "max-age=63072000; includeSubDomains",
  "x-content-type-options": "nosniff",
  "referrer-policy": "strict-origin-when-cross-origin",
  "content-security-policy": CSP,
  "x-frame-options": "DENY",
  "permissions-policy": PERMISSIONS_POLICY,
};
const REVALIDATE = { ...EVERYWHERE, "cache-control": "no-cache" };
const IMMUTABLE = { ...EVERYWHERE, "cache-control": "public, max-age=31536000, immutable" };

interface Violation {
  directive: string;
  blocked: string;
  source: string;
}

declare global {
  interface Window {
    reportCspViolation?: (violation: Violation) => Promise<number>;
  }
}

let baseUrl: string | null;
let browser: Browser;
let fixtures: Fixtures;

beforeAll(async () => {
  baseUrl = await hostingUrl();
  if (!baseUrl) return;
  await buildForHosting();
  browser = await launchBrowser();
  fixtures = new Fixtures();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await fixtures?.cleanup();
});

async function headersOf(path: string): Promise<{ status: number; type: string; headers: Record<string, string> }> {
  const res = await fetch(`${baseUrl}${path}`);
  await res.arrayBuffer();
  const picked = Object.fromEntries(Object.keys(REVALIDATE).map((key) => [key, res.headers.get(key) ?? "(absent)"]));
  return { status: res.status, type: res.headers.get("content-type") ?? "", headers: picked };
}

/**
 * Every CSP violation in any document the context opens, from its first script on (a binding,
 * so violations before a navigation are kept).
 */
async function recordViolations(context: BrowserContext): Promise<Violation[]> {
  const violations: Violation[] = [];
  await context.exposeFunction("reportCspViolation", (violation: Violation) => violations.push(violation));
  await context.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      void window.reportCspViolation?.({
        directive: event.effectiveDirective,
        blocked: event.blockedURI,
        source: `${event.sourceFile}:${event.lineNumber}`,
      });
    });
  });
  return violations;
}

function watchConsole(page: Page): string[] {
  const policyErrors: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy|Permissions-Policy|Refused to/i.test(message.text()))
      policyErrors.push(message.text());
  });
  return policyErrors;
}

describe("security headers of the hosted web app", () => {
  it("serves every page and asset with the production headers", async ({ skip }) => {
    if (!baseUrl) skip("this emulator session has no Hosting emulator (npm start runs without it)");

    const index = await (await fetch(`${baseUrl}/`)).text();
    const asset = /src="(\/assets\/index-[\w-]+\.js)"/.exec(index)?.[1];
    const stylesheet = /href="(\/assets\/index-[\w-]+\.css)"/.exec(index)?.[1];
    expect(asset, "index.html loads a hashed entry script").toBeDefined();
    expect(stylesheet, "index.html loads a hashed stylesheet").toBeDefined();
    // The CSP has no 'unsafe-inline' for scripts: the build must not emit any.
    expect(index).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    expect(index).not.toMatch(/<style|\sstyle=/);

    for (const path of ["/", "/index.html", "/classes", "/classes/some-class", "/firebase-messaging-sw.js"]) {
      expect({ path, ...(await headersOf(path)) }).toMatchObject({ path, status: 200, headers: REVALIDATE });
    }
    for (const path of [asset!, stylesheet!]) {
      expect({ path, ...(await headersOf(path)) }).toMatchObject({ path, status: 200, headers: IMMUTABLE });
    }
    expect((await headersOf(asset!)).type).toMatch(/javascript/);

    // Hosting's reserved /__/ paths (the Auth helper iframe on the auth domain) keep their own
    // framing rules: the app's frame-ancestors 'none' would stop the sign-in popup's iframe.
    const reserved = await headersOf("/__/firebase/init.json");
    expect(reserved).toMatchObject({
      status: 200,
      headers: {
        ...REVALIDATE,
        "content-security-policy": "(absent)",
        "x-frame-options": "(absent)",
        "permissions-policy": "(absent)",
      },
    });
  });

  it("runs a member's session under that policy without a violation", async ({ skip }) => {
    if (!baseUrl) skip("this emulator session has no Hosting emulator (npm start runs without it)");
    const member = await fixtures.createUser({ label: "csp", onboarded: true });
    // Somewhere in Berlin: geolocation is the one powerful feature the Permissions-Policy keeps.
    const { context, page } = await openSession(browser, baseUrl!, {
      geolocation: { latitude: 52.52, longitude: 13.405 },
    });
    await routeFirebaseToEmulators(context);
    const violations = await recordViolations(context);
    const policyErrors = watchConsole(page);

    // Auth's REST API, then the profile from Firestore (the header shows the stored name).
    await signInToHome(page, member.email, member.password);
    await waitForText(page.getByTestId("header-name"), member.displayName);

    // A callable: the device's location, which setMyLocation stores server-side.
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Profile" }).click();
    await page.getByRole("button", { name: "Use my current location" }).click();
    await waitForText(page.getByTestId("location-status"), "Using your current location");
    const [callable] = await Promise.all([
      page.waitForResponse((res) => /\.cloudfunctions\.net\/setMyLocation$/.test(res.url())),
      page.getByRole("button", { name: "Save changes" }).click(),
    ]);
    expect(callable.status()).toBe(200);
    await expect
      .poll(async () => (await fixtures.db.doc(paths.privateSettings(member.uid)).get()).get("location.lat") as unknown)
      .toBe(52.52);

    // A deep link, loaded whole through Hosting's SPA fallback, still signed in.
    await page.goto("/classes");
    await waitForText(page.getByTestId("header-name"), member.displayName);

    expect(violations).toEqual([]);
    expect(policyErrors).toEqual([]);

    // The recorder does see a violation: the shipped policy refuses the emulators' loopback hosts.
    await page.evaluate(() => fetch("http://127.0.0.1:8080/").catch(() => undefined));
    await expect
      .poll(() => violations.map((v) => [v.directive, v.blocked]))
      .toEqual([["connect-src", "http://127.0.0.1:8080/"]]);
    await expect
      .poll(() => policyErrors)
      .toContainEqual(expect.stringMatching(/violates the following Content Security Policy directive: "connect-src /));
    await context.close();
  });
});

/**
 * Headless Chromium for the e2e tests, driven by playwright-core with the system browser
 * (`npx playwright install` cannot download browsers on these machines).
 */
import { existsSync } from "node:fs";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";

const LOCAL_HOSTS = new Set(["127.0.0.1", "localhost"]);

const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

function chromiumPath(): string {
  const path = process.env["CHROMIUM_PATH"] ?? "/usr/bin/chromium";
  if (!existsSync(path)) {
    throw new Error(
      `Chromium not found at ${path}. Install it with \`apt-get install -y chromium\` or set CHROMIUM_PATH.`,
    );
  }
  return path;
}

/**
 * Playwright's launch() always starts Chromium with a fresh temporary --user-data-dir of its own
 * (and refuses one in `args`), which is what isolates runs; contexts isolate sessions within a run.
 */
export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath(), headless: true, args: CHROMIUM_ARGS });
}

export interface Session {
  context: BrowserContext;
  page: Page;
}

/** A new isolated session (own cookies, IndexedDB and so own Firebase sign-in) with one open page. */
export async function openSession(
  browser: Browser,
  baseUrl: string,
  options: { geolocation?: { latitude: number; longitude: number } } = {},
): Promise<Session> {
  const context = await browser.newContext({
    baseURL: baseUrl,
    viewport: { width: 1280, height: 900 },
    ...(options.geolocation ? { geolocation: options.geolocation, permissions: ["geolocation"] } : {}),
  });
  context.setDefaultTimeout(15_000);
  // Everything the tests need is on loopback, except Google's gapi script that the Auth SDK's
  // popup flow loads. Failing other requests at once keeps runs hermetic, and keeps pages that
  // load web fonts or CDN scripts (the Auth emulator's sign-in popup) fast on offline machines.
  await context.route(
    (url) => !LOCAL_HOSTS.has(url.hostname) && url.hostname !== "apis.google.com",
    (route) => route.abort(),
  );
  const page = await context.newPage();
  // Surface the app's own errors in the test output: they usually explain a timeout.
  page.on("pageerror", (error) => console.error(`[browser] ${error.message}`));
  page.on("console", (message) => {
    if (message.type() === "error") console.error(`[browser console] ${message.text()}`);
  });
  return { context, page };
}

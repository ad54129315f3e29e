/**
 * The web app as Firebase Hosting ships it: a production build (no emulator wiring) served by the
 * Hosting emulator with firebase.json's headers, its Google endpoints answered by the emulators.
 */
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import type { BrowserContext } from "playwright-core";
import { AUTH_EMULATOR, FIRESTORE_EMULATOR, PROJECT_ID } from "./emulators.js";

const ROOT = fileURLToPath(new URL("../../../", import.meta.url));
const HUB = `http://${process.env["FIREBASE_EMULATOR_HUB"] ?? "127.0.0.1:4400"}`;
const FUNCTIONS_EMULATOR = `http://${process.env["FUNCTIONS_EMULATOR_HOST"] ?? "127.0.0.1:5001"}`;

/**
 * Builds web/ into web/dist (Hosting's public folder) as a deployment would: VITE_USE_EMULATORS
 * false, so the bundle talks to Google's hosts and never to 127.0.0.1. The demo project's config
 * is the one deployment variable it keeps; `firebase deploy` builds again with the real one.
 */
export function buildForHosting(): Promise<void> {
  const env: NodeJS.ProcessEnv = { ...process.env, VITE_USE_EMULATORS: "false", VITE_FIREBASE_PROJECT_ID: PROJECT_ID };
  for (const key of Object.keys(env)) {
    if (key.startsWith("VITE_") && !["VITE_USE_EMULATORS", "VITE_FIREBASE_PROJECT_ID"].includes(key)) delete env[key];
  }
  const child = spawn(`${ROOT}node_modules/.bin/vite`, ["build", "--logLevel", "error"], {
    cwd: `${ROOT}web`,
    env,
    stdio: ["ignore", "inherit", "inherit"],
  });
  return new Promise((resolve, reject) =>
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`vite build exited with ${code}`)))),
  );
}

/**
 * The Hosting emulator's URL, from the hub, or null when this emulator session has none (a
 * developer's `npm start` runs without it; `npm test` and `npm run with-emulators` start it).
 */
export async function hostingUrl(): Promise<string | null> {
  const res = await fetch(`${HUB}/emulators`, { signal: AbortSignal.timeout(5_000) });
  const running = (await res.json()) as Record<string, { host: string; port: number } | undefined>;
  const hosting = running["hosting"];
  return hosting ? `http://${hosting.host}:${hosting.port}` : null;
}

/** Where the production bundle's requests go, and which emulator answers them there. */
function emulatorUrlFor(url: URL): string | null {
  switch (url.hostname) {
    // The Auth emulator serves both REST APIs under their production host names.
    case "identitytoolkit.googleapis.com":
    case "securetoken.googleapis.com":
      return `${AUTH_EMULATOR}/${url.hostname}${url.pathname}${url.search}`;
    case "firestore.googleapis.com":
      return `${FIRESTORE_EMULATOR}${url.pathname}${url.search}`;
  }
  // https://<region>-<project>.cloudfunctions.net/<name> is /<project>/<region>/<name> in the emulator.
  const callable = /^([a-z]+-[a-z]+\d+)-(.+)\.cloudfunctions\.net$/.exec(url.hostname);
  if (callable) return `${FUNCTIONS_EMULATOR}/${callable[2]}/${callable[1]}${url.pathname}${url.search}`;
  return null;
}

/**
 * Answers the production bundle's Firebase requests from the emulators. The browser checks each
 * request against the page's CSP before it leaves, so the policy under test is exactly the one
 * that ships; only the network behind it is local. Registered last, so it wins over openSession's
 * rule that aborts every non-local request.
 */
export async function routeFirebaseToEmulators(context: BrowserContext): Promise<void> {
  await context.route(
    (url) => emulatorUrlFor(url) !== null,
    async (route) => {
      const target = emulatorUrlFor(new URL(route.request().url()));
      if (!target) return route.abort();
      try {
        await route.fulfill({ response: await route.fetch({ url: target, maxRedirects: 0, timeout: 0 }) });
      } catch {
        // The context closed while a long poll was open: nobody is waiting for it any more.
        await route.abort().catch(() => undefined);
      }
    },
  );
}

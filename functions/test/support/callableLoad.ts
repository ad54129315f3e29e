/**
 * Many members calling one deployed callable at once, over HTTP as the client SDK does, against
 * the Functions emulator: the path a booking storm takes on `npm start`. Also samples the
 * emulator's worker processes, so a run shows whether they stay bounded.
 */
import { readFileSync, readdirSync } from "node:fs";
import { FUNCTIONS_REGION } from "../../src/model/index.js";
import { createTestUser, PROJECT_ID, type TestUser } from "./emulators.js";

const FUNCTIONS_HOST = process.env["FUNCTIONS_EMULATOR_HOST"] ?? "127.0.0.1:5001";

/** An ID token from the Auth emulator's REST API: a member as a phone would sign in. */
async function idTokenOf(user: TestUser): Promise<string> {
  const host = process.env["FIREBASE_AUTH_EMULATOR_HOST"] ?? "127.0.0.1:9099";
  const res = await fetch(`http://${host}/identitytoolkit.googleapis.com/v1/accounts:signInWithPassword?key=demo`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email: user.email, password: user.password, returnSecureToken: true }),
  });
  const body = (await res.json()) as { idToken?: string };
  if (!body.idToken) throw new Error(`sign-in failed for ${user.email}: ${JSON.stringify(body)}`);
  return body.idToken;
}

export interface CallerWithToken extends TestUser {
  idToken: string;
}

export async function membersWithTokens(count: number, label: string): Promise<CallerWithToken[]> {
  const members: CallerWithToken[] = [];
  // A few at a time: each sign-up also fires the provisioning trigger.
  for (let i = 0; i < count; i += 10) {
    const batch = await Promise.all(
      Array.from({ length: Math.min(10, count - i) }, async () => {
        const user = await createTestUser({ label });
        return { ...user, idToken: await idTokenOf(user) };
      }),
    );
    members.push(...batch);
  }
  return members;
}

export type CallOutcome<R> =
  { ok: true; result: R; ms: number } | { ok: false; status: number; error: string; ms: number };

/** One callable request as the client SDK sends it: `{ data }` in, `{ result }` or `{ error }` out. */
export async function callOverHttp<R>(name: string, idToken: string, data: unknown): Promise<CallOutcome<R>> {
  const started = performance.now();
  try {
    const res = await fetch(`http://${FUNCTIONS_HOST}/${PROJECT_ID}/${FUNCTIONS_REGION}/${name}`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${idToken}` },
      body: JSON.stringify({ data }),
    });
    const text = await res.text();
    const ms = performance.now() - started;
    const body = (text ? JSON.parse(text) : {}) as { result?: R; error?: unknown };
    if (res.ok && "result" in body) return { ok: true, result: body.result as R, ms };
    return { ok: false, status: res.status, error: text.slice(0, 300), ms };
  } catch (error) {
    return { ok: false, status: 0, error: String(error), ms: performance.now() - started };
  }
}

export interface WorkerSample {
  workers: number;
  rssMb: number;
}

/** The Functions emulator's worker processes on this machine (Linux /proc), with their total RSS. */
export function sampleWorkers(): WorkerSample {
  let workers = 0;
  let rssKb = 0;
  for (const pid of readdirSync("/proc").filter((name) => /^\d+$/.test(name))) {
    try {
      const cmdline = readFileSync(`/proc/${pid}/cmdline`, "utf8");
      if (!cmdline.includes("functionsEmulatorRuntime")) continue;
      const rss = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
      workers += 1;
      rssKb += Number(rss?.[1] ?? 0);
    } catch {
      // The process ended between listing and reading.
    }
  }
  return { workers, rssMb: Math.round(rssKb / 1024) };
}

/** Samples the workers every `everyMs` until stopped; returns the peaks. */
export function watchWorkers(everyMs = 250) {
  let peak: WorkerSample = sampleWorkers();
  const timer = setInterval(() => {
    const now = sampleWorkers();
    peak = { workers: Math.max(peak.workers, now.workers), rssMb: Math.max(peak.rssMb, now.rssMb) };
  }, everyMs);
  return {
    stop: (): WorkerSample => {
      clearInterval(timer);
      return peak;
    },
  };
}

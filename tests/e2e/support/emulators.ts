import type { Firestore } from "firebase-admin/firestore";
import { collections, mailSchema } from "../../../functions/src/model/index.js";

/** Where the emulators are, and a check that fails fast with a useful message when they are not running. */
export const PROJECT_ID = process.env["GCLOUD_PROJECT"] ?? "demo-numina";
export const AUTH_EMULATOR = `http://${process.env["FIREBASE_AUTH_EMULATOR_HOST"] ?? "127.0.0.1:9099"}`;
export const FIRESTORE_EMULATOR = `http://${process.env["FIRESTORE_EMULATOR_HOST"] ?? "127.0.0.1:8080"}`;

export async function assertEmulatorsUp(): Promise<void> {
  for (const [name, url] of [
    ["Auth", AUTH_EMULATOR],
    ["Firestore", FIRESTORE_EMULATOR],
  ] as const) {
    try {
      // Generous: a busy emulator answers slowly, and only one that does not answer at all should stop the run.
      await fetch(url, { signal: AbortSignal.timeout(15_000) });
    } catch {
      throw new Error(
        `The ${name} emulator is not reachable at ${url}. Run the e2e tests inside an emulator session (npm test).`,
      );
    }
  }
}

/**
 * The newest account email of `kind` that Numina queued for `email` in its outbox (`mail/`),
 * with the action link it carries: what the member would click. Polls, because the callable that
 * queues it may still be in flight.
 */
export async function waitForAccountEmail(
  db: Firestore,
  email: string,
  kind: "verify_email" | "password_reset",
  timeoutMs = 20_000,
): Promise<{ subject: string; text: string; link: URL }> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const snap = await db.collection(collections.mail).where("to", "==", email).where("kind", "==", kind).get();
    const newest = snap.docs
      .map((d) => mailSchema.parse(d.data()))
      .sort((a, b) => a.createdAt.toMillis() - b.createdAt.toMillis())
      .at(-1);
    if (newest) {
      const { message } = newest;
      const href = /https?:\/\/\S*oobCode=\S+/.exec(message.text)?.[0];
      if (!href) throw new Error(`The ${kind} email to ${email} carries no action link:\n${message.text}`);
      return { subject: message.subject, text: message.text, link: new URL(href) };
    }
    if (Date.now() > deadline) throw new Error(`No ${kind} email to ${email} after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

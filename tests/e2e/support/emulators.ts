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

interface OobCode {
  email: string;
  oobCode: string;
  oobLink: string;
  /** PASSWORD_RESET, VERIFY_EMAIL, EMAIL_SIGNIN, … */
  requestType: string;
}

/**
 * The newest out-of-band code the Auth emulator "sent" to `email` — the emulator's stand-in for
 * the link in the email. Polls, because the client's request may still be in flight.
 */
export async function waitForOobCode(
  email: string,
  requestType: "PASSWORD_RESET" | "VERIFY_EMAIL",
  timeoutMs = 10_000,
): Promise<OobCode> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const res = await fetch(`${AUTH_EMULATOR}/emulator/v1/projects/${PROJECT_ID}/oobCodes`);
    const body = (await res.json()) as { oobCodes?: OobCode[] };
    const matches = (body.oobCodes ?? []).filter(
      (code) => code.email.toLowerCase() === email.toLowerCase() && code.requestType === requestType,
    );
    const latest = matches.at(-1);
    if (latest) return latest;
    if (Date.now() > deadline) throw new Error(`No ${requestType} code for ${email} after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

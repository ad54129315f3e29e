/**
 * Account emails through Numina's own templates: the welcome email when an account's private
 * settings appear, and the verification and password-reset emails, whose links come from the
 * Admin SDK's action-link generators. Each is queued in the outbox under a deterministic id.
 */
import type { Auth } from "firebase-admin/auth";
import type { Firestore } from "firebase-admin/firestore";
import { SEEDED_ACCOUNT_CLAIM } from "../model/index.js";
import { DomainError } from "../shared/errors.js";
import { refs } from "../shared/refs.js";
import { callerSubject, emailSubject, takeRateLimit } from "../limits/index.js";
import { runDomainTransaction } from "../shared/transactions.js";
import { enqueueMail, newMailDocument } from "./mailStore.js";
import { passwordResetEmail, verifyEmail, welcomeEmail } from "./templates.js";
import { dataOrAbsent } from "../shared/firestore.js";

export interface AccountMailDeps {
  db: Firestore;
  auth: Pick<Auth, "getUser" | "getUserByEmail" | "generateEmailVerificationLink" | "generatePasswordResetLink">;
  /** The web client's origin: where the links lead once Auth has applied them. */
  appUrl: string;
  now?: () => number;
}

/** One account email of a kind per member per minute: a double click queues one. */
const minuteOf = (ms: number) => Math.floor(ms / 60_000);

const isUserNotFound = (error: unknown) =>
  typeof error === "object" && error !== null && "code" in error && error.code === "auth/user-not-found";

export type WelcomeOutcome = "queued" | "already-queued" | "no-email" | "no-account" | "seeded";

/**
 * The welcome email, once per account: its id is the member's, and it is created only if absent.
 * Accounts the demo seed created (custom claim SEEDED_ACCOUNT_CLAIM) get none.
 */
export async function queueWelcomeEmail(
  deps: Pick<AccountMailDeps, "db" | "auth" | "appUrl">,
  uid: string,
  email: string | null,
): Promise<WelcomeOutcome> {
  if (!email?.includes("@")) return "no-email";
  const user = await deps.auth.getUser(uid).catch((error: unknown) => {
    if (isUserNotFound(error)) return null;
    throw error;
  });
  // Deleted before this ran: nobody to welcome, and a retry would not change that.
  if (!user) return "no-account";
  if (user.customClaims?.[SEEDED_ACCOUNT_CLAIM] === true) return "seeded";
  const profile = dataOrAbsent(await refs(deps.db).user(uid).get());
  const queued = await enqueueMail(deps.db, `welcome-${uid}`, {
    to: email,
    content: welcomeEmail({ name: profile?.displayName ?? "there", appUrl: deps.appUrl }),
    kind: "welcome",
    uid,
    unsubscribe: null,
    aboutUids: [],
  });
  return queued ? "queued" : "already-queued";
}

/**
 * Queues a verification link for the caller's address; false if one was queued this minute (that
 * repeat sends nothing, so it takes no place in the member's `verificationEmail` limit). The
 * limit is taken in the transaction that queues the email: a refused call queues nothing.
 */
export async function queueVerificationEmail(deps: AccountMailDeps, uid: string): Promise<boolean> {
  const nowMs = (deps.now ?? Date.now)();
  const user = await deps.auth.getUser(uid);
  if (!user.email) throw new DomainError("failed-precondition", "This account has no email address.");
  if (user.emailVerified) throw new DomainError("failed-precondition", "Your email address is already verified.");
  const to = user.email;
  const verifyUrl = await deps.auth.generateEmailVerificationLink(to, { url: deps.appUrl });
  const mailRef = refs(deps.db).mail(`verify_email-${uid}-${minuteOf(nowMs)}`);
  return runDomainTransaction(deps.db, async (tx) => {
    if ((await tx.get(mailRef)).exists) return false;
    const record = await takeRateLimit(tx, deps.db, "verificationEmail", uid, nowMs, "verification emails");
    record();
    tx.create(
      mailRef,
      newMailDocument({
        to,
        content: verifyEmail({ verifyUrl }),
        kind: "verify_email",
        uid,
        unsubscribe: null,
        aboutUids: [],
      }),
    );
    return true;
  });
}

/**
 * Queues a reset link if the address has an account, and does the same visible nothing if not,
 * so nobody can probe for members. Both limits (per address, per caller IP) are counted for
 * every request, known address or not and even when this minute's email is already queued: a
 * limit that counted only real sends would be reached sooner for unknown addresses, and so tell
 * them apart. They are taken in the transaction that queues the email: a refused call queues
 * nothing.
 *
 * `callerIp` is null when the request carried none; such callers share one count rather than
 * going unlimited.
 */
export async function queuePasswordResetEmail(
  deps: AccountMailDeps,
  email: string,
  callerIp: string | null,
): Promise<void> {
  const nowMs = (deps.now ?? Date.now)();
  const user = await deps.auth.getUserByEmail(email).catch(() => null);
  const send = user?.email
    ? {
        to: user.email,
        uid: user.uid,
        ref: refs(deps.db).mail(`password_reset-${user.uid}-${minuteOf(nowMs)}`),
        resetUrl: await deps.auth.generatePasswordResetLink(user.email, { url: deps.appUrl }),
      }
    : null;
  await runDomainTransaction(deps.db, async (tx) => {
    const perCaller = await takeRateLimit(
      tx,
      deps.db,
      "passwordResetPerCaller",
      callerSubject(callerIp ?? "unknown"),
      nowMs,
      "password-reset requests",
    );
    const perAddress = await takeRateLimit(
      tx,
      deps.db,
      "passwordResetPerAddress",
      emailSubject(email),
      nowMs,
      "password-reset emails to this address",
    );
    const alreadyQueued = send ? (await tx.get(send.ref)).exists : false;
    perCaller();
    perAddress();
    if (!send || alreadyQueued) return;
    tx.create(
      send.ref,
      newMailDocument({
        to: send.to,
        content: passwordResetEmail({ resetUrl: send.resetUrl }),
        kind: "password_reset",
        uid: send.uid,
        unsubscribe: null,
        aboutUids: [],
      }),
    );
  });
}

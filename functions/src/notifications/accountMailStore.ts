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
import { enqueueMail } from "./mailStore.js";
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
  });
  return queued ? "queued" : "already-queued";
}

/** Queues a verification link for the caller's address; false if one was queued this minute. */
export async function queueVerificationEmail(deps: AccountMailDeps, uid: string): Promise<boolean> {
  const user = await deps.auth.getUser(uid);
  if (!user.email) throw new DomainError("failed-precondition", "This account has no email address.");
  if (user.emailVerified) throw new DomainError("failed-precondition", "Your email address is already verified.");
  const verifyUrl = await deps.auth.generateEmailVerificationLink(user.email, { url: deps.appUrl });
  return enqueueMail(deps.db, `verify_email-${uid}-${minuteOf((deps.now ?? Date.now)())}`, {
    to: user.email,
    content: verifyEmail({ verifyUrl }),
    kind: "verify_email",
    uid,
    unsubscribe: null,
  });
}

/**
 * Queues a reset link if the address has an account, and does the same visible nothing if not,
 * so nobody can probe for members.
 */
export async function queuePasswordResetEmail(deps: AccountMailDeps, email: string): Promise<void> {
  const user = await deps.auth.getUserByEmail(email).catch(() => null);
  if (!user?.email) return;
  const resetUrl = await deps.auth.generatePasswordResetLink(user.email, { url: deps.appUrl });
  await enqueueMail(deps.db, `password_reset-${user.uid}-${minuteOf((deps.now ?? Date.now)())}`, {
    to: user.email,
    content: passwordResetEmail({ resetUrl }),
    kind: "password_reset",
    uid: user.uid,
    unsubscribe: null,
  });
}

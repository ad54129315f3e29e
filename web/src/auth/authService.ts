/**
 * Thin wrappers over Firebase Auth, so pages never import the SDK directly. Account emails
 * (verification, password reset) go through Numina's callables and templates, not Firebase's
 * built-in emails, so they look like every other Numina email and show in the dev mailbox.
 */
import { FirebaseError } from "firebase/app";
import {
  GoogleAuthProvider,
  applyActionCode,
  confirmPasswordReset,
  createUserWithEmailAndPassword,
  onIdTokenChanged,
  reload,
  signInWithEmailAndPassword,
  signInWithPopup,
  signOut as firebaseSignOut,
  verifyPasswordResetCode,
  type User,
} from "firebase/auth";
import { httpsCallable } from "firebase/functions";
import type { RequestPasswordResetRequest } from "@numina/model";
import { auth, functions } from "../firebase";
import { errorMessage } from "../shared/errors";

export type { User };

const sendVerificationEmail = httpsCallable<Record<string, never>, { queued: boolean }>(
  functions,
  "sendVerificationEmail",
);
const requestPasswordResetCallable = httpsCallable<RequestPasswordResetRequest, { ok: true }>(
  functions,
  "requestPasswordReset",
);

export async function signUp(email: string, password: string): Promise<User> {
  const { user } = await createUserWithEmailAndPassword(auth, email, password);
  // The account exists either way; a failed verification email can be resent from the banner.
  await sendVerificationEmail({}).catch((error: unknown) => console.warn("Verification email not sent", error));
  return user;
}

export async function signIn(email: string, password: string): Promise<User> {
  return (await signInWithEmailAndPassword(auth, email, password)).user;
}

/**
 * Auth cannot tell a wrong password from an account that is gone (and says neither, so nobody can
 * probe for members): the message covers the member whose account was deleted, who may try again.
 */
const NO_SUCH_SIGN_IN = new Set(["auth/invalid-credential", "auth/user-not-found", "auth/wrong-password"]);
export const NO_ACCOUNT_MESSAGE =
  "That email and password don't match an account. If you deleted your account, it is gone for good: sign up to start again.";

export function signInErrorMessage(error: unknown): string {
  return error instanceof FirebaseError && NO_SUCH_SIGN_IN.has(error.code) ? NO_ACCOUNT_MESSAGE : errorMessage(error);
}

export async function signInWithGoogle(): Promise<User> {
  const provider = new GoogleAuthProvider();
  provider.setCustomParameters({ prompt: "select_account" });
  return (await signInWithPopup(auth, provider)).user;
}

export const signOut = () => firebaseSignOut(auth);

/** Calls `next` on sign-in, sign-out (null) and every token refresh, which is when claims change. */
export const watchIdToken = (next: (user: User | null) => void) => onIdTokenChanged(auth, next);

/** Fetches the account again (an email verified in another tab shows up). */
export const reloadUser = (user: User) => reload(user);

/** False when a link was already sent in the last minute (a double click sends one email). */
export async function resendVerification(): Promise<boolean> {
  return (await sendVerificationEmail({})).data.queued;
}

export async function requestPasswordReset(email: string): Promise<void> {
  await requestPasswordResetCallable({ email });
}

/** Returns the account's email, so the page can say whose password is being reset. */
export const checkPasswordResetCode = (oobCode: string) => verifyPasswordResetCode(auth, oobCode);

export const completePasswordReset = (oobCode: string, newPassword: string) =>
  confirmPasswordReset(auth, oobCode, newPassword);

export const verifyEmailCode = (oobCode: string) => applyActionCode(auth, oobCode);

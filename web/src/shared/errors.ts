import { FirebaseError } from "firebase/app";

const FRIENDLY: Record<string, string> = {
  "auth/invalid-credential": "That email and password don't match an account.",
  "auth/wrong-password": "That email and password don't match an account.",
  "auth/user-not-found": "That email and password don't match an account.",
  "auth/email-already-in-use": "An account with this email already exists. Try signing in.",
  "auth/weak-password": "Choose a password with at least 6 characters.",
  "auth/invalid-email": "Enter a valid email address.",
  "auth/too-many-requests": "Too many attempts. Wait a minute and try again.",
  "auth/popup-closed-by-user": "The sign-in window was closed before finishing.",
  "auth/cancelled-popup-request": "The sign-in window was closed before finishing.",
  "auth/popup-blocked": "Your browser blocked the sign-in window. Allow pop-ups for this site.",
  "auth/expired-action-code": "This link has expired. Request a new one.",
  "auth/invalid-action-code": "This link is invalid or was already used. Request a new one.",
  "auth/network-request-failed": "We couldn't reach the server. Check your connection.",
  "permission-denied": "You don't have permission to do that.",
  unavailable: "We couldn't reach the server. Check your connection.",
};

/**
 * A message a member can act on. Callable errors (functions/HttpsError) already carry a message
 * written for people, so that is shown as is.
 */
export function errorMessage(error: unknown): string {
  if (error instanceof FirebaseError) {
    // The Functions SDK appends the HTTP status (" [400]"); the message before it is ours.
    if (error.code.startsWith("functions/")) return error.message.replace(/ \[\d{3}\]$/, "");
    return FRIENDLY[error.code] ?? FRIENDLY[error.code.replace(/^firestore\//, "")] ?? error.message;
  }
  if (error instanceof Error) return error.message;
  return "Something went wrong. Please try again.";
}

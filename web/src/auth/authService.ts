/** Thin wrappers over Firebase Auth, so pages never import the SDK directly. */
import {
  GoogleAuthProvider,
  applyActionCode,
  confirmPasswordReset,
  createUserWithEmailAndPassword,
  sendEmailVerification,
  sendPasswordResetEmail,
  signInWithEmailAndPassword,
  signInWithPopup,
  signOut as firebaseSignOut,
  verifyPasswordResetCode,
  type User,
} from "firebase/auth";
import { auth } from "../firebase";

export async function signUp(email: string, password: string): Promise<User> {
  const { user } = await createUserWithEmailAndPassword(auth, email, password);
  // The account exists either way; a failed verification email can be resent from the banner.
  await sendEmailVerification(user).catch((error: unknown) => console.warn("Verification email not sent", error));
  return user;
}

export async function signIn(email: string, password: string): Promise<User> {
  return (await signInWithEmailAndPassword(auth, email, password)).user;
}

export async function signInWithGoogle(): Promise<User> {
  const provider = new GoogleAuthProvider();
  provider.setCustomParameters({ prompt: "select_account" });
  return (await signInWithPopup(auth, provider)).user;
}

export const signOut = () => firebaseSignOut(auth);

export const resendVerification = (user: User) => sendEmailVerification(user);

export const requestPasswordReset = (email: string) => sendPasswordResetEmail(auth, email);

/** Returns the account's email, so the page can say whose password is being reset. */
export const checkPasswordResetCode = (oobCode: string) => verifyPasswordResetCode(auth, oobCode);

export const completePasswordReset = (oobCode: string, newPassword: string) =>
  confirmPasswordReset(auth, oobCode, newPassword);

export const verifyEmailCode = (oobCode: string) => applyActionCode(auth, oobCode);

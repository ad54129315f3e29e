/**
 * What the sign-up and password-reset forms accept, checked before anything is sent to Auth.
 * Pure: no Firebase. Auth has its own, weaker rule (6 characters); ours is the one members see.
 */
import { z } from "zod";

export const MIN_PASSWORD = 8;

const password = z.string().min(MIN_PASSWORD, `Use at least ${MIN_PASSWORD} characters.`);
const confirmed = (value: { password: string; confirm: string }) => value.confirm === value.password;
const mismatch = { path: ["confirm"], message: "The passwords don't match." };

/** A new password typed twice. */
export const newPasswordSchema = z.object({ password, confirm: z.string() }).refine(confirmed, mismatch);

export const signUpSchema = z
  .object({
    // Deliberately loose: Auth is the judge of what an address is; this catches a slip of the hand.
    email: z
      .string()
      .trim()
      .regex(/^\S+@\S+\.\S+$/, "Enter a valid email address."),
    password,
    confirm: z.string(),
  })
  .refine(confirmed, mismatch);

/** Each form's fields are named as in its schema. */
export const PASSWORD_FIELDS = { password: "password", confirm: "confirm" } as const;
export const SIGN_UP_FIELDS = { email: "email", ...PASSWORD_FIELDS } as const;

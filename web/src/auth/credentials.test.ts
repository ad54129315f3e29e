import { describe, expect, it } from "vitest";
import { fieldErrors } from "../shared/fieldErrors";
import { PASSWORD_FIELDS, SIGN_UP_FIELDS, newPasswordSchema, signUpSchema } from "./credentials";

const signUpErrors = (value: { email: string; password: string; confirm: string }) =>
  fieldErrors(signUpSchema.safeParse(value).error, SIGN_UP_FIELDS);

describe("sign-up and new-password rules", () => {
  it("accepts a good sign-up, trimming the address", () => {
    const parsed = signUpSchema.safeParse({
      email: "  sam@example.com ",
      password: "longenough",
      confirm: "longenough",
    });
    expect(parsed.success && parsed.data.email).toBe("sam@example.com");
  });

  it("says what is wrong with every field at once", () => {
    expect(signUpErrors({ email: "sam", password: "short", confirm: "other" })).toEqual({
      email: "Enter a valid email address.",
      password: "Use at least 8 characters.",
      confirm: "The passwords don't match.",
    });
  });

  it("asks for the same new password twice", () => {
    expect(
      fieldErrors(newPasswordSchema.safeParse({ password: "12345678", confirm: "12345679" }).error, PASSWORD_FIELDS),
    ).toEqual({
      confirm: "The passwords don't match.",
    });
    expect(newPasswordSchema.safeParse({ password: "12345678", confirm: "12345678" }).success).toBe(true);
  });
});

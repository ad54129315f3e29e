import { describe, expect, it } from "vitest";
import { FirebaseError } from "firebase/app";
import { errorMessage } from "./errors";

describe("errorMessage: what a member is told", () => {
  it("words Auth errors for people", () => {
    expect(
      errorMessage(new FirebaseError("auth/invalid-credential", "Firebase: Error (auth/invalid-credential).")),
    ).toBe("That email and password don't match an account.");
    expect(errorMessage(new FirebaseError("auth/email-already-in-use", "x"))).toBe(
      "An account with this email already exists. Try signing in.",
    );
  });

  it("words Firestore errors with or without the firestore/ prefix", () => {
    expect(errorMessage(new FirebaseError("permission-denied", "Missing or insufficient permissions."))).toBe(
      "You don't have permission to do that.",
    );
    expect(errorMessage(new FirebaseError("firestore/unavailable", "offline"))).toBe(
      "We couldn't reach the server. Check your connection.",
    );
  });

  it("shows a callable's own message, without the HTTP status the SDK appends", () => {
    expect(errorMessage(new FirebaseError("functions/failed-precondition", "This class is full. [400]"))).toBe(
      "This class is full.",
    );
  });

  it("shows a limit's message as is, with when to try again", () => {
    const limited = new FirebaseError(
      "functions/resource-exhausted",
      "You have reached the limit of 3 password-reset emails to this address. Try again in 42 minutes. [429]",
    );
    expect(errorMessage(limited)).toBe(
      "You have reached the limit of 3 password-reset emails to this address. Try again in 42 minutes.",
    );
  });

  it("falls back to the error's message, then to a generic line", () => {
    expect(errorMessage(new FirebaseError("storage/unknown", "Storage broke"))).toBe("Storage broke");
    expect(errorMessage(new Error("Plain failure"))).toBe("Plain failure");
    expect(errorMessage("a string")).toBe("Something went wrong. Please try again.");
  });
});

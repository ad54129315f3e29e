import { describe, expect, it } from "vitest";
import { initialProfile, placeholderName } from "../../src/accounts/provisioning.js";
import { profileEditSchema, roleFromClaim } from "../../src/model/index.js";

describe("placeholderName", () => {
  it("prefers the name the sign-in provider gave", () => {
    expect(placeholderName({ uid: "u", email: "a@b.test", displayName: " Ana Lima ", photoURL: null })).toBe(
      "Ana Lima",
    );
  });
  it("falls back to the email's local part, then to a generic name", () => {
    expect(placeholderName({ uid: "u", email: "jo.smith@example.com", displayName: null, photoURL: null })).toBe(
      "jo.smith",
    );
    expect(placeholderName({ uid: "u", email: null, displayName: "  ", photoURL: null })).toBe("New member");
  });
  it("never exceeds the profile's name limit", () => {
    const long = "x".repeat(200);
    expect(placeholderName({ uid: "u", email: null, displayName: long, photoURL: null })).toHaveLength(60);
  });
});

describe("initialProfile", () => {
  it("is a valid, not-yet-onboarded profile", () => {
    const profile = initialProfile({ uid: "u", email: "a@b.test", displayName: null, photoURL: null }, "member");
    expect(profileEditSchema.parse(profile).onboardingComplete).toBe(false);
    expect(profile.role).toBe("member");
    expect(JSON.stringify(profile)).not.toContain("a@b.test");
  });
});

describe("roleFromClaim", () => {
  it("reads a missing or unknown claim as member", () => {
    expect(roleFromClaim(undefined)).toBe("member");
    expect(roleFromClaim("root")).toBe("member");
    expect(roleFromClaim("instructor")).toBe("instructor");
    expect(roleFromClaim("admin")).toBe("admin");
  });
});

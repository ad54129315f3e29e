import { describe, expect, it } from "vitest";
import { DEFAULT_MATCH_PREFERENCES, effectivePreferences } from "../../src/model/index.js";
import { decodeCursor, encodeCursor } from "../../src/matching/cursor.js";
import { isMutualFit, missingForMatching, type DiscoverableMember } from "../../src/matching/preferences.js";

function member(uid: string, overrides: Partial<DiscoverableMember> = {}): DiscoverableMember {
  return {
    uid,
    role: "member",
    disabled: false,
    onboardingComplete: true,
    fitnessLevel: "intermediate",
    interests: ["running"],
    availability: ["tue:evening"],
    hasLocation: true,
    preferences: DEFAULT_MATCH_PREFERENCES,
    ...overrides,
  };
}

describe("isMutualFit", () => {
  it("pairs two default members within the default distance", () => {
    expect(isMutualFit(member("a"), member("b"), 4)).toBe(true);
    expect(isMutualFit(member("a"), member("b"), DEFAULT_MATCH_PREFERENCES.maxDistanceKm + 1)).toBe(false);
  });

  it("is reciprocal: a candidate who would not want to see the viewer is not shown either", () => {
    const picky = member("b", { preferences: { ...DEFAULT_MATCH_PREFERENCES, fitnessLevels: ["advanced"] } });
    expect(isMutualFit(member("a"), picky, 1)).toBe(false);
    expect(isMutualFit(picky, member("a"), 1)).toBe(false);
    expect(isMutualFit(member("c", { fitnessLevel: "advanced" }), picky, 1)).toBe(true);
  });

  it("honours interests, audience, discoverable and disabled", () => {
    const yogaOnly = member("a", { preferences: { ...DEFAULT_MATCH_PREFERENCES, interests: ["yoga"] } });
    expect(isMutualFit(yogaOnly, member("b"), 1)).toBe(false);
    expect(isMutualFit(yogaOnly, member("b", { interests: ["running", "yoga"] }), 1)).toBe(true);
    const membersOnly = member("a", { preferences: { ...DEFAULT_MATCH_PREFERENCES, audience: "members_only" } });
    expect(isMutualFit(membersOnly, member("i", { role: "instructor" }), 1)).toBe(false);
    const hidden = member("b", { preferences: { ...DEFAULT_MATCH_PREFERENCES, discoverable: false } });
    expect(isMutualFit(member("a"), hidden, 1)).toBe(false);
    expect(isMutualFit(member("a"), member("b", { disabled: true }), 1)).toBe(false);
    expect(isMutualFit(member("a"), member("a"), 0)).toBe(false);
  });
});

describe("missingForMatching", () => {
  it("says what to fill in", () => {
    expect(missingForMatching(member("a"))).toEqual([]);
    expect(missingForMatching(member("a", { interests: [], hasLocation: false }))).toEqual([
      "add at least one interest",
      "set your location",
    ]);
  });
});

describe("effectivePreferences", () => {
  it("fills every missing field with its default", () => {
    expect(effectivePreferences(null)).toEqual(DEFAULT_MATCH_PREFERENCES);
    expect(effectivePreferences({ maxDistanceKm: 25 })).toEqual({ ...DEFAULT_MATCH_PREFERENCES, maxDistanceKm: 25 });
  });
});

describe("cursor", () => {
  it("round-trips and rejects what it did not write", () => {
    expect(decodeCursor(encodeCursor({ rank: 87.5, uid: "u1" }))).toEqual({ rank: 87.5, uid: "u1" });
    expect(decodeCursor("not a cursor")).toBeNull();
    expect(decodeCursor(Buffer.from('{"a":1}').toString("base64url"))).toBeNull();
  });

  it("rejects a forged uid that could not be a document id", () => {
    for (const uid of ["a/b", ".", "..", "__x__", ""]) {
      expect(decodeCursor(encodeCursor({ rank: 1, uid }))).toBeNull();
    }
  });
});

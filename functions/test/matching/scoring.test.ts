import { describe, expect, it } from "vitest";
import type { AvailabilitySlot } from "../../src/model/index.js";
import {
  DEFAULT_MATCHING_CONFIG,
  matchingConfigOf,
  NO_HISTORY,
  RELIABLE_REASON,
  reliabilityFactor,
  scorePair,
  type PartnerProfile,
} from "../../src/matching/scoring.js";
import { memberReliability, UNKNOWN_RELIABILITY } from "../../src/model/index.js";

/** Central London; 0.009° of latitude is about 1 km. */
const LONDON = { lat: 51.5072, lng: -0.1276 };
const kmNorth = (km: number) => ({ lat: LONDON.lat + km * 0.008993, lng: LONDON.lng });

function member(overrides: Partial<PartnerProfile> = {}): PartnerProfile {
  return {
    uid: "a",
    fitnessLevel: "intermediate",
    interests: ["hiit", "running"],
    availability: ["tue:evening", "sat:morning"],
    location: LONDON,
    ...overrides,
  };
}

describe("scorePair", () => {
  it("stays within 0–100 for the best and the worst possible pairs", () => {
    const alwaysThere = { score: 1, proven: true };
    const neverThere = { score: 0, proven: false };
    const best = scorePair(member({ reliability: alwaysThere }), member({ uid: "b", reliability: alwaysThere }), {
      classesTogether: 50,
      mutualPartners: 50,
    });
    const worst = scorePair(
      member({ fitnessLevel: "beginner", interests: ["yoga"], availability: ["mon:morning"], reliability: neverThere }),
      member({
        uid: "b",
        reliability: neverThere,
        fitnessLevel: "advanced",
        interests: ["boxing"],
        availability: ["sun:evening"],
        location: kmNorth(500),
      }),
      NO_HISTORY,
    );
    expect(best.score).toBeLessThanOrEqual(100);
    expect(best.score).toBeGreaterThanOrEqual(95);
    expect(worst.score).toBeGreaterThanOrEqual(0);
    expect(worst.score).toBeLessThanOrEqual(2);
  });

  it("gives the same score and breakdown from either side of the pair", () => {
    const a = member({ interests: ["hiit", "yoga", "running"], availability: ["tue:evening"] });
    const b = member({
      uid: "b",
      fitnessLevel: "advanced",
      interests: ["yoga"],
      availability: ["tue:evening", "wed:morning"],
      location: kmNorth(7),
    });
    const history = { classesTogether: 2, mutualPartners: 1 };
    const ab = scorePair(a, b, history);
    const ba = scorePair(b, a, history);
    expect(ba.score).toBe(ab.score);
    expect(ba.factors).toEqual(ab.factors);
    expect(ba.distanceKm).toBe(ab.distanceKm);
  });

  it("never rises as the partner moves further away", () => {
    const scores = [0, 1, 3, 8, 15, 40].map((km) =>
      scorePair(member(), member({ uid: "b", location: kmNorth(km) }), NO_HISTORY),
    );
    const distanceFactors = scores.map((s) => s.factors.distance);
    for (let i = 1; i < scores.length; i += 1) {
      expect(scores[i]!.score).toBeLessThanOrEqual(scores[i - 1]!.score);
      expect(distanceFactors[i]).toBeLessThan(distanceFactors[i - 1]!);
    }
  });

  it("never falls as the weekly schedules overlap more", () => {
    const mine: AvailabilitySlot[] = ["mon:evening", "tue:evening", "wed:evening", "thu:evening"];
    const elsewhere: AvailabilitySlot[] = ["sun:morning", "sun:midday", "sun:afternoon", "sun:evening"];
    const scores = [0, 1, 2, 3, 4].map(
      (shared) =>
        scorePair(
          member({ availability: [...mine] }),
          member({
            uid: "b",
            availability: [...mine.slice(0, shared), ...elsewhere].slice(0, 4),
          }),
          NO_HISTORY,
        ).score,
    );
    for (let i = 1; i < scores.length; i += 1) expect(scores[i]).toBeGreaterThanOrEqual(scores[i - 1]!);
    expect(scores[4]).toBeGreaterThan(scores[0]!);
  });

  it("explains a pair with 1–3 reasons that name what they share", () => {
    const result = scorePair(
      member({ interests: ["hiit"], availability: ["tue:evening"] }),
      member({ uid: "b", interests: ["hiit", "boxing"], availability: ["tue:evening"], location: kmNorth(3) }),
      NO_HISTORY,
    );
    expect(result.reasons.length).toBeGreaterThanOrEqual(1);
    expect(result.reasons.length).toBeLessThanOrEqual(3);
    expect(result.reasons).toContain("You both do HIIT");
    expect(result.reasons).toContain("About 3 km away");
    expect(result.reasons).toContain("Both intermediate");
  });

  it("leads with the dominant factor and leaves out factors that contribute nothing", () => {
    const result = scorePair(
      member({ interests: ["climbing", "yoga"], availability: ["mon:morning"], fitnessLevel: "beginner" }),
      member({
        uid: "b",
        interests: ["climbing", "yoga"],
        availability: ["fri:evening"],
        fitnessLevel: "advanced",
        location: kmNorth(40),
      }),
      NO_HISTORY,
    );
    expect(result.reasons[0]).toBe("You both do climbing and yoga");
    expect(result.reasons.join(" ")).not.toMatch(/free|level|beginner/i);
  });

  it("still gives one honest reason when the pair shares nothing", () => {
    const result = scorePair(
      member({ fitnessLevel: "beginner", interests: ["yoga"], availability: ["mon:morning"] }),
      member({
        uid: "b",
        fitnessLevel: "advanced",
        interests: ["boxing"],
        availability: ["sun:evening"],
        location: kmNorth(30),
      }),
      NO_HISTORY,
    );
    expect(result.reasons).toEqual(["About 30 km away"]);
  });

  it("mentions classes taken together when history dominates", () => {
    const config = matchingConfigOf({
      weights: { history: 100, level: 0, interests: 0, distance: 0, schedule: 0, reliability: 0 },
    });
    const result = scorePair(member(), member({ uid: "b" }), { classesTogether: 3, mutualPartners: 0 }, config);
    expect(result.reasons).toEqual(["3 classes together"]);
  });

  it("follows the admin's weights: a distance-only config scores the same spot 100", () => {
    const config = matchingConfigOf({
      weights: { distance: 1, level: 0, interests: 0, schedule: 0, history: 0, reliability: 0 },
    });
    const far = member({ uid: "b", interests: ["boxing"], availability: ["sun:evening"], fitnessLevel: "advanced" });
    expect(scorePair(member(), far, NO_HISTORY, config).score).toBe(100);
    expect(scorePair(member(), far, NO_HISTORY).score).toBeLessThan(100);
  });
});

describe("matchingConfigOf", () => {
  it("keeps defaults for missing fields and for an all-zero weight set", () => {
    expect(matchingConfigOf(null)).toEqual(DEFAULT_MATCHING_CONFIG);
    expect(matchingConfigOf({ superLikesPerDay: 5 }).superLikesPerDay).toBe(5);
    const zero = matchingConfigOf({
      weights: { level: 0, interests: 0, distance: 0, schedule: 0, history: 0, reliability: 0 },
    });
    expect(zero.weights).toEqual(DEFAULT_MATCHING_CONFIG.weights);
  });
});

describe("the reliability factor", () => {
  /** A member whose partners answered `count` times, `noShows` of them "did not show up". */
  const withRecord = (count: number, noShows: number) =>
    memberReliability({
      count,
      noShows,
      trainAgain: count - noShows,
      trainAgainAnswers: count - noShows,
      tags: {},
      flaggedAtNoShows: 0,
    });

  it("is the chance both turn up, the same from either side", () => {
    const flaky = withRecord(6, 4);
    expect(reliabilityFactor(flaky, UNKNOWN_RELIABILITY)).toBeCloseTo(flaky.score * UNKNOWN_RELIABILITY.score);
    expect(reliabilityFactor(UNKNOWN_RELIABILITY, flaky)).toBe(reliabilityFactor(flaky, UNKNOWN_RELIABILITY));
    expect(reliabilityFactor()).toBeCloseTo(UNKNOWN_RELIABILITY.score ** 2);
  });

  it("ranks a partner who shows up above an equal one who does not", () => {
    const me = member();
    const regular = scorePair(me, member({ uid: "b", reliability: withRecord(8, 0) }), NO_HISTORY);
    const newcomer = scorePair(me, member({ uid: "c" }), NO_HISTORY);
    const noShow = scorePair(me, member({ uid: "d", reliability: withRecord(6, 4) }), NO_HISTORY);
    expect(regular.score).toBeGreaterThan(newcomer.score);
    expect(newcomer.score).toBeGreaterThan(noShow.score);
    expect(regular.factors.reliability).toBeGreaterThan(noShow.factors.reliability!);
  });

  it("tells each side 'Reliable: shows up' only of the other, and only on a proven record", () => {
    const proven = member({ uid: "b", reliability: withRecord(5, 0) });
    const pair = scorePair(member(), proven, NO_HISTORY);
    expect(pair.reasons).toContain(RELIABLE_REASON);
    expect(pair.reasons.length).toBeLessThanOrEqual(3);
    expect(pair.theirReasons).not.toContain(RELIABLE_REASON);
    // Two answers are not a record yet, however good.
    expect(scorePair(member(), member({ uid: "c", reliability: withRecord(2, 0) }), NO_HISTORY).reasons).not.toContain(
      RELIABLE_REASON,
    );
  });

  it("says nothing of reliability when an admin weighs it at zero", () => {
    const config = matchingConfigOf({ weights: { reliability: 0 } });
    const pair = scorePair(member(), member({ uid: "b", reliability: withRecord(5, 0) }), NO_HISTORY, config);
    expect(pair.reasons).not.toContain(RELIABLE_REASON);
  });
});

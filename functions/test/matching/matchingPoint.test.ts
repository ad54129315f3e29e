import { describe, expect, it } from "vitest";
import { MATCHING_POINT, destination, matchingPointOf, shownDistanceKm } from "../../src/matching/matchingPoint.js";
import { distanceKm } from "../../src/matching/scoring.js";
import { leastSquaresFit, ringAround, type Sighting } from "../support/trilateration.js";

const KEY = "a-key-for-these-unit-tests-only-0123456789";
const HOME = { lat: 51.5072, lng: -0.1276 };

describe("matchingPointOf", () => {
  it("places every member 1.2–2 km from their exact point", () => {
    for (let i = 0; i < 500; i += 1) {
      const exact = destination(HOME, i, (i % 37) / 3);
      const km = distanceKm(exact, matchingPointOf(exact, `member-${i}`, KEY));
      expect(km).toBeGreaterThanOrEqual(MATCHING_POINT.minOffsetKm - 1e-6);
      expect(km).toBeLessThanOrEqual(MATCHING_POINT.maxOffsetKm + 1e-6);
    }
  });

  it("is stable for a member in one place, so asking again teaches nothing", () => {
    expect(matchingPointOf(HOME, "alice", KEY)).toEqual(matchingPointOf(HOME, "alice", KEY));
  });

  it("differs by member and by key, so one member's offset says nothing of another's", () => {
    const alice = matchingPointOf(HOME, "alice", KEY);
    expect(distanceKm(alice, matchingPointOf(HOME, "bob", KEY))).toBeGreaterThan(0.01);
    expect(distanceKm(alice, matchingPointOf(HOME, "alice", `${KEY}-rotated`))).toBeGreaterThan(0.01);
  });

  it("shows distances in whole kilometres, never below 1", () => {
    expect([0.2, 1.4, 1.6, 12.49].map(shownDistanceKm)).toEqual([1, 1, 2, 12]);
  });
});

describe("the trilateration attack", () => {
  // The strongest attacker: exact distances (no rounding) from as many vantage points as they
  // like, to the point the server computes with.
  const sightingsOf = (target: { lat: number; lng: number }) =>
    [...ringAround(HOME, 3, 12), ...ringAround(HOME, 7, 12)].map((from): Sighting => ({
      from,
      km: distanceKm(from, target),
    }));

  it("locates a member to metres when distances come from their exact point", () => {
    const estimate = leastSquaresFit(sightingsOf(HOME), HOME);
    expect(distanceKm(estimate, HOME)).toBeLessThan(0.05);
  });

  it("stays at least 1.2 km from every member when distances come from matching points", () => {
    for (let i = 0; i < 20; i += 1) {
      const uid = `victim-${i}`;
      const estimate = leastSquaresFit(sightingsOf(matchingPointOf(HOME, uid, KEY)), HOME);
      expect(distanceKm(estimate, HOME), uid).toBeGreaterThanOrEqual(MATCHING_POINT.minOffsetKm - 0.05);
    }
  });
});

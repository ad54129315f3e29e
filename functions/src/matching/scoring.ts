/**
 * Partner scoring: how well two members would train together, as a 0–100 score with its
 * per-factor breakdown and the 1–3 reasons a member sees on the card. Pure: no Firebase, no clock.
 *
 * Every factor is a value in [0, 1] computed from what both members share (levels, interests,
 * distance, weekly slots, classes and partners in common, the chance that both turn up), so the
 * score of a pair is the same from either side; what differs per side (a super-like) changes the
 * queue order, not the score, and "Reliable: shows up" is said of the other side only.
 */
import {
  FITNESS_LEVELS,
  MATCHING_FACTORS,
  UNKNOWN_RELIABILITY,
  type FactorBreakdown,
  type FitnessLevel,
  type MatchingConfigDoc,
  type MatchingFactor,
  type MemberReliability,
} from "../model/index.js";
import { distanceBetween } from "geofire-common";
import { shownDistanceKm } from "./matchingPoint.js";
import { dayPartPhrase, interestPhrase } from "./phrases.js";

export type MatchingWeights = Record<MatchingFactor, number>;

export interface MatchingConfig {
  weights: MatchingWeights;
  superLikesPerDay: number;
  /** Distance at which the distance factor has fallen to one half. */
  distanceHalfLifeKm: number;
  /** Added to a candidate's rank (not score) in the queue of the member they super-liked. */
  superLikeRankBoost: number;
  /** How many candidates each member's queue keeps. */
  queueSize: number;
}

export const DEFAULT_MATCHING_CONFIG: MatchingConfig = {
  weights: { level: 20, interests: 30, distance: 25, schedule: 15, history: 10, reliability: 10 },
  superLikesPerDay: 3,
  distanceHalfLifeKm: 5,
  superLikeRankBoost: 25,
  queueSize: 200,
};

/** The admin-edited document over the defaults; a missing field keeps its default. */
export function matchingConfigOf(doc: MatchingConfigDoc | null | undefined): MatchingConfig {
  const weights = { ...DEFAULT_MATCHING_CONFIG.weights };
  for (const factor of MATCHING_FACTORS) {
    const value = doc?.weights?.[factor];
    if (value !== undefined) weights[factor] = value;
  }
  // All weights at zero would make every score 0/0; fall back rather than divide by zero.
  const total = MATCHING_FACTORS.reduce((sum, f) => sum + weights[f], 0);
  return {
    ...DEFAULT_MATCHING_CONFIG,
    weights: total > 0 ? weights : { ...DEFAULT_MATCHING_CONFIG.weights },
    superLikesPerDay: doc?.superLikesPerDay ?? DEFAULT_MATCHING_CONFIG.superLikesPerDay,
  };
}

export interface LatLng {
  lat: number;
  lng: number;
}

/** One side of a pair, as scoring needs it. */
export interface PartnerProfile {
  uid: string;
  fitnessLevel: FitnessLevel;
  interests: readonly string[];
  availability: readonly string[];
  location: LatLng;
  /** From partner feedback (partnerFeedback/); absent: nobody has answered for them yet. */
  reliability?: MemberReliability;
}

/** What the two members have already done together. */
export interface PairHistory {
  classesTogether: number;
  mutualPartners: number;
}

export const NO_HISTORY: PairHistory = { classesTogether: 0, mutualPartners: 0 };

export interface PairScore {
  score: number;
  factors: FactorBreakdown;
  /** What `a` is told about `b`. */
  reasons: string[];
  /** What `b` is told about `a`: the same, but for what is said of one side only (reliability). */
  theirReasons: string[];
  distanceKm: number;
}

export function distanceKm(a: LatLng, b: LatLng): number {
  return distanceBetween([a.lat, a.lng], [b.lat, b.lng]);
}

function intersection<T>(a: readonly T[], b: readonly T[]): T[] {
  const other = new Set(b);
  return [...new Set(a)].filter((x) => other.has(x));
}

/** Same level 1, one apart 0.5, beginner with advanced 0. */
export function levelFactor(a: FitnessLevel, b: FitnessLevel): number {
  const gap = Math.abs(FITNESS_LEVELS.indexOf(a) - FITNESS_LEVELS.indexOf(b));
  return 1 - gap / (FITNESS_LEVELS.length - 1);
}

/**
 * Shared items over the smaller list: someone with two interests who shares both is as good a
 * fit as it gets, however many interests the other lists.
 */
export function overlapFactor(a: readonly string[], b: readonly string[]): number {
  const smaller = Math.min(new Set(a).size, new Set(b).size);
  return smaller === 0 ? 0 : intersection(a, b).length / smaller;
}

/** Halves every `halfLifeKm`: 1 at the same spot, strictly decreasing with distance. */
export function distanceFactor(km: number, halfLifeKm: number): number {
  return Math.pow(0.5, Math.max(0, km) / halfLifeKm);
}

/** Saturates: the first class or partner in common counts most. */
export function historyFactor(history: PairHistory): number {
  return 1 - Math.exp(-(history.classesTogether + history.mutualPartners) / 2);
}

/**
 * The chance that a session of the two happens at all: both have to turn up. A product, so a
 * no-show partner drags the pair down whoever the other is, and it is the same from either side.
 */
export function reliabilityFactor(
  a: MemberReliability = UNKNOWN_RELIABILITY,
  b: MemberReliability = UNKNOWN_RELIABILITY,
) {
  return a.score * b.score;
}

export const RELIABLE_REASON = "Reliable: shows up";

const round1 = (x: number) => Math.round(x * 10) / 10;

/** Whole kilometres, like the distance shown: both come from matching points (matchingPoint.ts). */
function distancePhrase(km: number): string {
  return `About ${shownDistanceKm(km)} km away`;
}

type SharedFactor = Exclude<MatchingFactor, "reliability">;

function reasonFor(factor: SharedFactor, a: PartnerProfile, b: PartnerProfile, km: number, history: PairHistory) {
  switch (factor) {
    case "level":
      return a.fitnessLevel === b.fitnessLevel ? `Both ${a.fitnessLevel}` : "Close in level";
    case "interests":
      return `You both do ${interestPhrase(intersection(a.interests, b.interests))}`;
    case "distance":
      return distancePhrase(km);
    case "schedule":
      return `Both free ${dayPartPhrase(intersection(a.availability, b.availability))}`;
    case "history": {
      const parts: string[] = [];
      if (history.classesTogether > 0)
        parts.push(`${history.classesTogether} class${history.classesTogether === 1 ? "" : "es"} together`);
      if (history.mutualPartners > 0)
        parts.push(`${history.mutualPartners} partner${history.mutualPartners === 1 ? "" : "s"} in common`);
      return parts.join(", ");
    }
  }
}

/** A factor below this is not worth telling anyone about (unless nothing else is). */
const REASON_THRESHOLD = 0.25;

export function scorePair(
  a: PartnerProfile,
  b: PartnerProfile,
  history: PairHistory,
  config: MatchingConfig = DEFAULT_MATCHING_CONFIG,
): PairScore {
  const km = distanceKm(a.location, b.location);
  const factors: FactorBreakdown = {
    level: levelFactor(a.fitnessLevel, b.fitnessLevel),
    interests: overlapFactor(a.interests, b.interests),
    distance: distanceFactor(km, config.distanceHalfLifeKm),
    schedule: overlapFactor(a.availability, b.availability),
    history: historyFactor(history),
    reliability: reliabilityFactor(a.reliability, b.reliability),
  };
  const f = (factor: MatchingFactor) => factors[factor] ?? 0;
  const { weights } = config;
  const totalWeight = MATCHING_FACTORS.reduce((sum, f) => sum + weights[f], 0);
  const weighted = MATCHING_FACTORS.reduce((sum, factor) => sum + weights[factor] * f(factor), 0);
  const score = Math.round((100 * weighted) / totalWeight);

  // Reasons follow what moved the score most: shared factors by weighted contribution, strongest
  // first. Reliability is near its prior for most pairs, so it is no reason by itself; it is told
  // of a partner only when their record proves it.
  const ranked = MATCHING_FACTORS.filter((x): x is SharedFactor => x !== "reliability")
    .filter((x) => weights[x] > 0 && f(x) > 0)
    .sort((x, y) => weights[y] * f(y) - weights[x] * f(x));
  const strong = ranked.filter((x) => f(x) >= REASON_THRESHOLD).slice(0, 3);
  // Distance is always known and always true, so a weak pair still gets one honest reason.
  const chosen = strong.length > 0 ? strong : [ranked[0] ?? "distance"];
  const shared = chosen.map((x) => reasonFor(x, a, b, km, history));
  const aboutSide = (other: PartnerProfile) =>
    weights.reliability > 0 && other.reliability?.proven ? [...shared.slice(0, 2), RELIABLE_REASON] : shared;

  return {
    score,
    factors: {
      level: round1(factors.level * 100) / 100,
      interests: Math.round(factors.interests * 1000) / 1000,
      distance: Math.round(factors.distance * 1000) / 1000,
      schedule: Math.round(factors.schedule * 1000) / 1000,
      history: Math.round(factors.history * 1000) / 1000,
      reliability: Math.round(f("reliability") * 1000) / 1000,
    },
    reasons: aboutSide(b),
    theirReasons: aboutSide(a),
    distanceKm: shownDistanceKm(km),
  };
}

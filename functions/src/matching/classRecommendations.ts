/**
 * Class recommendations: how well an upcoming class suits a member, with reasons. Pure.
 * Factors: interests (the class's tags), level, the member's weekly availability, distance to
 * the venue, partners (matches) attending, popularity (how full it is) and rating (its series'
 * ratings, damped towards a prior so a class with one 5-star rating does not outrank one with
 * 200 ratings of 4.7).
 */
import {
  bayesianAverage,
  wallClockAt,
  WEEKDAYS,
  type AvailabilitySlot,
  type DayPart,
  type FitnessLevel,
  type RatingSummary,
} from "../model/index.js";
import { dayPartPhrase, interestPhrase } from "./phrases.js";
import { distanceFactor, distanceKm, levelFactor, type LatLng } from "./scoring.js";

export interface RecommendableClass {
  classId: string;
  title: string;
  tags: readonly string[];
  level: FitnessLevel;
  startsAtMs: number;
  /** The class's city's zone, `classTimeZone(city)`: its weekly slot is read there. */
  timeZone: string;
  venue: LatLng;
  capacity: number;
  confirmedCount: number;
  /** The published ratings of the class's weekly series (an upcoming class has none of its own). */
  rating: Pick<RatingSummary, "count" | "sum"> | null;
}

export interface ClassSeeker {
  fitnessLevel: FitnessLevel;
  interests: readonly string[];
  availability: readonly string[];
  location: LatLng;
}

const WEIGHTS = {
  interests: 35,
  level: 15,
  schedule: 20,
  distance: 15,
  partners: 10,
  popularity: 5,
  rating: 10,
} as const;

/**
 * The rating factor: the damped average read on 3★ → 0 … 5★ → 1, since nearly every class
 * averages above 3. A class nobody rated sits at the prior (4.2 → 0.6), neither helped nor sunk.
 */
export const ratingFactor = (rating: RecommendableClass["rating"]) =>
  Math.min(1, Math.max(0, (bayesianAverage(rating) - 3) / 2));
/** Ratings before a class's average is worth telling a member about. */
const RATING_REASON_MIN_COUNT = 5;

/**
 * The weekly slot a moment falls in, read on the wall clock of `timeZone` (a class's is its
 * city's, `classTimeZone(city)`): "tue:evening". So a 07:30 class stays a morning class on the
 * day the clocks change.
 */
export function slotOf(ms: number, timeZone: string): AvailabilitySlot {
  const { isoWeekday, hour } = wallClockAt(ms, timeZone);
  const day = WEEKDAYS[isoWeekday - 1] ?? "mon";
  const part: DayPart = hour < 11 ? "morning" : hour < 14 ? "midday" : hour < 17 ? "afternoon" : "evening";
  return `${day}:${part}`;
}

export function scoreClass(member: ClassSeeker, cls: RecommendableClass, partnersAttending: number) {
  const shared = cls.tags.filter((t) => member.interests.includes(t));
  const slot = slotOf(cls.startsAtMs, cls.timeZone);
  const km = distanceKm(member.location, cls.venue);
  const factors = {
    interests: cls.tags.length === 0 ? 0 : Math.min(1, shared.length / Math.min(2, cls.tags.length)),
    level: levelFactor(member.fitnessLevel, cls.level),
    schedule: member.availability.includes(slot) ? 1 : 0,
    distance: distanceFactor(km, 5),
    partners: 1 - Math.exp(-partnersAttending),
    popularity: cls.capacity === 0 ? 0 : Math.min(1, cls.confirmedCount / cls.capacity),
    rating: ratingFactor(cls.rating),
  };
  const total = Object.values(WEIGHTS).reduce((a, b) => a + b, 0);
  const score = Math.round(
    (100 * (Object.keys(WEIGHTS) as (keyof typeof WEIGHTS)[]).reduce((sum, f) => sum + WEIGHTS[f] * factors[f], 0)) /
      total,
  );
  const candidates: [number, string][] = [];
  if (shared.length > 0) candidates.push([WEIGHTS.interests * factors.interests, `You do ${interestPhrase(shared)}`]);
  if (factors.schedule > 0) candidates.push([WEIGHTS.schedule, `You're free ${dayPartPhrase([slot])}`]);
  if (partnersAttending > 0)
    candidates.push([
      WEIGHTS.partners * factors.partners + 10,
      `${partnersAttending} of your partners ${partnersAttending === 1 ? "is" : "are"} going`,
    ]);
  if (factors.level === 1) candidates.push([WEIGHTS.level, `Right for your level (${cls.level})`]);
  if (factors.popularity >= 0.75) candidates.push([WEIGHTS.popularity, "Filling up fast"]);
  if (cls.rating && cls.rating.count >= RATING_REASON_MIN_COUNT && factors.rating >= 0.75) {
    const average = (cls.rating.sum / cls.rating.count).toFixed(1);
    candidates.push([WEIGHTS.rating * factors.rating, `Rated ${average} by ${cls.rating.count} members`]);
  }
  candidates.push([WEIGHTS.distance * factors.distance, km < 1 ? "Less than 1 km away" : `${Math.round(km)} km away`]);
  const reasons = candidates
    .sort((a, b) => b[0] - a[0])
    .slice(0, 3)
    .map(([, reason]) => reason);
  return { score, reasons };
}

/**
 * How ratings read and sort in the client, and what the review panel offers a member, as pure
 * functions (tested in ratings.test.ts). Members see plain averages, which is what they would
 * work out themselves; lists rank by the damped average, so one 5-star rating does not put a new
 * class above one with two hundred 4.8s.
 */
import {
  REVIEW_LIMITS,
  classEndsAtMs,
  bayesianAverage,
  ratingAverage,
  type AttendeeStatus,
  type ClassReview,
  type RatingSummary,
} from "@numina/model";

const DAY_MS = 24 * 60 * 60_000;

/** "4.6", or null when nobody has rated. One decimal, rounded half up like a reader would. */
export function formatAverage(summary: Pick<RatingSummary, "count" | "sum"> | null | undefined): string | null {
  const average = ratingAverage(summary);
  return average === null ? null : (Math.round(average * 10) / 10).toFixed(1);
}

export const ratingsCountText = (count: number): string => (count === 1 ? "1 rating" : `${count} ratings`);

/** "4.6 out of 5 from 23 ratings", for screen readers and titles. */
export function ratingLabel(summary: Pick<RatingSummary, "count" | "sum"> | null | undefined): string {
  const average = formatAverage(summary);
  return average === null || !summary
    ? "No ratings yet"
    : `${average} out of 5 from ${ratingsCountText(summary.count)}`;
}

/** The histogram as rows from 5 stars down, each with its share of all ratings (0–1). */
export function histogramRows(
  summary: Pick<RatingSummary, "count" | "histogram">,
): { stars: number; count: number; share: number }[] {
  return [5, 4, 3, 2, 1].map((stars) => {
    const count = summary.histogram[stars - 1] ?? 0;
    return { stars, count, share: summary.count > 0 ? count / summary.count : 0 };
  });
}

/** The minimum-rating filters the classes page offers, by plain average. */
export const MIN_RATINGS = [4, 4.5] as const;

/** Whether a class with this summary passes a minimum-rating filter; unrated classes never do. */
export function meetsMinRating(summary: Pick<RatingSummary, "count" | "sum"> | null | undefined, min: number): boolean {
  const average = ratingAverage(summary);
  return average !== null && average >= min;
}

/** Best rated first, by damped average; unrated classes score the prior and so sit in the middle. */
export const byRatingDescending = (
  a: Pick<RatingSummary, "count" | "sum"> | null | undefined,
  b: Pick<RatingSummary, "count" | "sum"> | null | undefined,
): number => bayesianAverage(b) - bayesianAverage(a);

/** What the review panel on a class page shows the signed-in member. */
export type ReviewPanelState =
  | { kind: "not-yet" }
  | { kind: "not-attended" }
  | { kind: "own-class" }
  | { kind: "cancelled" }
  | { kind: "closed" }
  | { kind: "write"; closesAtMs: number }
  | { kind: "edit"; review: ClassReview; editableUntilMs: number }
  | { kind: "final"; review: ClassReview };

/**
 * The same decisions the server makes (functions/src/reviews/eligibility.ts), so the page offers
 * the form only when a submission would be accepted. The server still decides: this only spares
 * the member a form that would be refused.
 */
export function reviewPanelState(input: {
  uid: string;
  cls: { instructorId: string; status: "scheduled" | "cancelled"; startsAtMs: number; durationMinutes: number };
  attendeeStatus: AttendeeStatus | null;
  review: ClassReview | null;
  nowMs: number;
}): ReviewPanelState {
  const { uid, cls, attendeeStatus, review, nowMs } = input;
  if (review) {
    const editableUntilMs = review.editableUntil.toMillis();
    return review.status !== "hidden" && nowMs <= editableUntilMs
      ? { kind: "edit", review, editableUntilMs }
      : { kind: "final", review };
  }
  if (uid === cls.instructorId) return { kind: "own-class" };
  if (cls.status === "cancelled") return { kind: "cancelled" };
  const endsAtMs = classEndsAtMs(cls);
  if (nowMs < endsAtMs) return { kind: "not-yet" };
  if (attendeeStatus !== "attended") return { kind: "not-attended" };
  const closesAtMs = endsAtMs + REVIEW_LIMITS.openDays * DAY_MS;
  return nowMs > closesAtMs ? { kind: "closed" } : { kind: "write", closesAtMs };
}

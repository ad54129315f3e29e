/**
 * Class ratings and reviews: members who were checked in rate a class 1–5 after it ends, once,
 * with an optional text; the class, its weekly series and its instructor each carry a rating
 * summary that functions keep exact. Reviews are written only by functions (reviews/), which
 * decide who may review, run the content check and keep the summaries.
 */
import { z } from "zod";
import { MODERATION_LIMITS } from "./moderation.js";
import { REPORT_DETAILS_MAX, REPORT_REASONS } from "./reports.js";
import { documentIdSchema, timestampSchema, uidIdSchema } from "./primitives.js";

export const RATING_VALUES = [1, 2, 3, 4, 5] as const;
export const ratingValueSchema = z.number().int().min(1).max(5);

export const REVIEW_LIMITS = {
  textMax: 2000,
  replyMax: 1000,
  /** After a class ends, its attendees may review it for this long. */
  openDays: 30,
  /** A review may be edited for this long after it was first written; then it is final. */
  editableDays: 7,
} as const;

/**
 * published: public, and counted in the summaries. held: the content check flagged it; only its
 * author and admins see it until an admin approves it. hidden: an admin hid it; it counts nowhere.
 */
export const REVIEW_STATUSES = ["published", "held", "hidden"] as const;
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];

/** Why the content check held a review. */
export const REVIEW_FLAGS = ["profanity", "link", "email", "phone"] as const;
export type ReviewFlag = (typeof REVIEW_FLAGS)[number];

const FLAG_PHRASES: Readonly<Record<ReviewFlag, string>> = {
  profanity: "abusive words",
  link: "links",
  email: "email addresses",
  phone: "phone numbers",
};

/** ["link", "phone"] → "links or phone numbers": what a member is told their text may not hold. */
export function flagsPhrase(flags: readonly ReviewFlag[]): string {
  const phrases = flags.map((f) => FLAG_PHRASES[f]);
  return phrases.length <= 1 ? (phrases[0] ?? "") : `${phrases.slice(0, -1).join(", ")} or ${phrases.at(-1)}`;
}

export const reviewReplySchema = z.object({
  text: z.string().max(REVIEW_LIMITS.replyMax),
  at: timestampSchema,
});

/**
 * `classes/{classId}/reviews/{uid}`: one per attendee and class, id = the author's uid, so a
 * retried or repeated submission edits the one review instead of adding another. The class's
 * instructor and series are copied in so an instructor's or a series' reviews are one
 * collection-group query.
 */
export const classReviewSchema = z.object({
  uid: z.string().min(1),
  classId: z.string().min(1),
  instructorId: z.string().min(1),
  /** The weekly series the class belongs to: its first class's id (the class itself if alone). */
  seriesId: z.string().min(1),
  classTitle: z.string(),
  classStartsAt: timestampSchema,
  /** The author's display name when they wrote it, for lists. */
  authorName: z.string(),
  rating: ratingValueSchema,
  text: z.string().max(REVIEW_LIMITS.textMax),
  status: z.enum(REVIEW_STATUSES),
  flags: z.array(z.enum(REVIEW_FLAGS)),
  reply: reviewReplySchema.nullable(),
  /** Members who reported it (one report each, `reviews/{uid}/reports/{reporterUid}`). */
  reportCount: z.number().int().min(0),
  /**
   * In the admins' review queue: held by the content check, or reported since a moderator last
   * looked. A moderator's decision takes it out; a new report puts it back.
   */
  needsModeration: z.boolean(),
  createdAt: timestampSchema,
  updatedAt: timestampSchema,
  /** Until then the author may change it; after, it is final. */
  editableUntil: timestampSchema,
});
export type ClassReview = z.infer<typeof classReviewSchema>;

/** Whose ratings a summary adds up. */
export const RATING_SUBJECTS = ["class", "series", "instructor"] as const;
export type RatingSubject = (typeof RATING_SUBJECTS)[number];

/**
 * `ratingSummaries/{subject}_{id}`: the published reviews of a class, a series or an instructor,
 * counted by functions from the reviews themselves. One document read gives the average, the
 * count and the histogram.
 */
export const ratingSummarySchema = z.object({
  subject: z.enum(RATING_SUBJECTS),
  subjectId: z.string().min(1),
  count: z.number().int().min(0),
  /** Sum of the ratings: average = sum / count. */
  sum: z.number().int().min(0),
  /** How many reviews gave 1, 2, 3, 4 and 5 stars, in that order. */
  histogram: z.array(z.number().int().min(0)).length(5),
  updatedAt: timestampSchema,
});
export type RatingSummary = z.infer<typeof ratingSummarySchema>;

export const ratingSummaryId = (subject: RatingSubject, subjectId: string) => `${subject}_${subjectId}`;

// ---------------------------------------------------------------------------------------------
// Callable payloads

/** `submitClassReview`: write or edit the caller's review of a class they attended. */
export const submitClassReviewRequestSchema = z.object({
  classId: documentIdSchema,
  rating: ratingValueSchema,
  text: z.string().trim().max(REVIEW_LIMITS.textMax).default(""),
});
export type SubmitClassReviewRequest = z.input<typeof submitClassReviewRequestSchema>;
export type SubmitClassReview = z.output<typeof submitClassReviewRequestSchema>;
export interface SubmitClassReviewResponse {
  status: ReviewStatus;
  flags: ReviewFlag[];
  /** ISO 8601: the review may be edited until then. */
  editableUntil: string;
}

/** `replyToClassReview`: the class's instructor answers a review publicly, once. */
export const replyToClassReviewRequestSchema = z.object({
  classId: documentIdSchema,
  uid: uidIdSchema,
  text: z.string().trim().min(1).max(REVIEW_LIMITS.replyMax),
});
export type ReplyToClassReviewRequest = z.input<typeof replyToClassReviewRequestSchema>;

export const REVIEW_MODERATION_ACTIONS = ["approve", "hide", "remove"] as const;
export type ReviewModerationAction = (typeof REVIEW_MODERATION_ACTIONS)[number];

/**
 * `moderateClassReview`: an admin publishes a held or reported review (approve), hides one (it
 * stays, counted nowhere, visible to its author), or removes it (deleted), with a reason.
 */
export const moderateClassReviewRequestSchema = z.object({
  classId: documentIdSchema,
  uid: uidIdSchema,
  action: z.enum(REVIEW_MODERATION_ACTIONS),
  reason: z.string().trim().min(1).max(MODERATION_LIMITS.reasonMax),
});
export type ModerateClassReviewRequest = z.input<typeof moderateClassReviewRequestSchema>;

/**
 * `classes/{classId}/reviews/{uid}/reports/{reporterUid}`: one member's report of a review, one
 * per reporter (functions only), so reporting twice counts once.
 */
export const reviewReportSchema = z.object({
  reporterId: z.string().min(1),
  reason: z.enum(REPORT_REASONS),
  details: z.string().max(REPORT_DETAILS_MAX),
  createdAt: timestampSchema,
});
export type ReviewReport = z.infer<typeof reviewReportSchema>;

/** `reportClassReview`: a member asks moderators to look at a published review. */
export const reportClassReviewRequestSchema = z.object({
  classId: documentIdSchema,
  uid: uidIdSchema,
  reason: z.enum(REPORT_REASONS),
  details: z.string().trim().max(REPORT_DETAILS_MAX).default(""),
});
export type ReportClassReviewRequest = z.input<typeof reportClassReviewRequestSchema>;
export type ReportClassReview = z.output<typeof reportClassReviewRequestSchema>;
/** reported: false when this member had already reported this review (it counts once). */
export interface ReportClassReviewResponse {
  reported: boolean;
}

/** The plain average of a summary, or null when nobody has rated yet. Pure. */
export const ratingAverage = (summary: Pick<RatingSummary, "count" | "sum"> | null | undefined): number | null =>
  summary && summary.count > 0 ? summary.sum / summary.count : null;

/** A summary of nothing: what a class, series or instructor without published reviews shows. */
export const emptyHistogram = (): number[] => [0, 0, 0, 0, 0];

/**
 * The prior every ranking starts from: as if each class had `weight` ratings at `mean`. 4.2 is a
 * typical fitness-class average (most ratings on such platforms are 4s and 5s), so one 5-star
 * rating barely moves a new class, and 200 ratings of 4.7 dominate their prior.
 */
export const RATING_PRIOR = { mean: 4.2, weight: 10 } as const;

/**
 * The Bayesian (damped) average: (prior weight × prior mean + sum) / (prior weight + count), what
 * recommendations and "sort by rating" rank by. One 5-star rating scores ~4.27; 200 ratings of
 * 4.7 score ~4.68. Pure.
 */
export function bayesianAverage(
  counts: Pick<RatingSummary, "count" | "sum"> | null | undefined,
  prior: { mean: number; weight: number } = RATING_PRIOR,
): number {
  const count = counts?.count ?? 0;
  const sum = counts?.sum ?? 0;
  return (prior.weight * prior.mean + sum) / (prior.weight + count);
}

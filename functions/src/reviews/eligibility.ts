/**
 * Who may review a class, and when, as pure decisions (no Firebase): reviewStore.ts reads the
 * attendee row, the class and any earlier review, asks these functions, and writes.
 *
 * Only people who were there: a member whose row says `attended` (an instructor checked them in),
 * after the class has ended. A review can be written for REVIEW_LIMITS.openDays after the class
 * and edited for REVIEW_LIMITS.editableDays after it was first written; after that it is final,
 * so a review cannot be rewritten months later to settle a score.
 */
import { classEndsAtMs, REVIEW_LIMITS, type AttendeeStatus, type ReviewStatus } from "../model/index.js";
import { DomainError } from "../shared/errors.js";

const DAY_MS = 24 * 60 * 60_000;

export interface ReviewedClass {
  instructorId: string;
  status: "scheduled" | "cancelled";
  startsAtMs: number;
  durationMinutes: number;
}

/** The last moment a class can be reviewed for the first time. */
export const reviewsCloseAtMs = (cls: Pick<ReviewedClass, "startsAtMs" | "durationMinutes">) =>
  classEndsAtMs(cls) + REVIEW_LIMITS.openDays * DAY_MS;

export const editableUntilMs = (createdAtMs: number) => createdAtMs + REVIEW_LIMITS.editableDays * DAY_MS;

/** What a submission does: write the first review, or edit the one there is. */
export type ReviewWrite = { kind: "create" } | { kind: "edit"; status: ReviewStatus };

export function decideReviewWrite(input: {
  /** The member writing. */
  uid: string;
  cls: ReviewedClass;
  attendeeStatus: AttendeeStatus | null;
  existing: { status: ReviewStatus; editableUntilMs: number } | null;
  nowMs: number;
}): ReviewWrite {
  const { uid, cls, attendeeStatus, existing, nowMs } = input;
  // An instructor can check themselves in to their own class; they still may not rate it.
  if (uid === cls.instructorId) throw new DomainError("permission-denied", "You cannot review your own class.");
  if (attendeeStatus !== "attended") {
    throw new DomainError("permission-denied", "Only members who were checked in to this class can review it.");
  }
  if (cls.status === "cancelled") throw new DomainError("failed-precondition", "This class was cancelled.");
  if (nowMs < classEndsAtMs(cls)) {
    throw new DomainError("failed-precondition", "You can review this class once it has ended.");
  }
  if (existing) {
    if (existing.status === "hidden") {
      throw new DomainError("failed-precondition", "A moderator hid your review of this class; it cannot be edited.");
    }
    if (nowMs > existing.editableUntilMs) {
      throw new DomainError(
        "failed-precondition",
        `Reviews are final ${REVIEW_LIMITS.editableDays} days after they are written.`,
      );
    }
    return { kind: "edit", status: existing.status };
  }
  if (nowMs > reviewsCloseAtMs(cls)) {
    throw new DomainError(
      "failed-precondition",
      `Classes can be reviewed for ${REVIEW_LIMITS.openDays} days after they end.`,
    );
  }
  return { kind: "create" };
}

/**
 * The status a written review gets. A clean text is published at once; a flagged one waits for a
 * moderator. An edit of a review a moderator already published is checked again: otherwise a
 * clean review could be published and then edited into abuse.
 */
export const statusAfterCheck = (flags: readonly string[]): ReviewStatus => (flags.length > 0 ? "held" : "published");

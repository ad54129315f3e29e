/**
 * Who may give feedback on whom, for which class, and when, as pure decisions (no Firebase):
 * feedbackStore.ts reads the class, both roster rows and the match, asks here, and writes.
 *
 * Only partners who were there together: the author was checked in, the subject had a seat
 * (checked in, marked a no-show, or booked and never checked in: whether they came is the
 * question), the two are matched, and the class has ended less than the window ago.
 */
import { classEndsAtMs, PARTNER_FEEDBACK_LIMITS, type AttendeeStatus } from "../model/index.js";
import { DomainError } from "../shared/errors.js";

const DAY_MS = 24 * 60 * 60_000;

export interface FeedbackClass {
  status: "scheduled" | "cancelled";
  startsAtMs: number;
  durationMinutes: number;
}

/** When feedback on a class closes, and what was given without an answer from the other side is applied. */
export const feedbackClosesAtMs = (cls: Pick<FeedbackClass, "startsAtMs" | "durationMinutes">) =>
  classEndsAtMs(cls) + PARTNER_FEEDBACK_LIMITS.windowDays * DAY_MS;

/** Whether the class is in its feedback window now: ended, not cancelled, not closed. */
export function feedbackOpen(cls: FeedbackClass, nowMs: number): boolean {
  return cls.status !== "cancelled" && nowMs >= classEndsAtMs(cls) && nowMs <= feedbackClosesAtMs(cls);
}

/** A subject's row says they held a seat: whether they turned up is what the author answers. */
export const HELD_A_SEAT: readonly AttendeeStatus[] = ["confirmed", "attended", "no_show"];

export function checkFeedbackAllowed(input: {
  authorUid: string;
  subjectUid: string;
  cls: FeedbackClass;
  authorStatus: AttendeeStatus | null;
  subjectStatus: AttendeeStatus | null;
  matched: boolean;
  nowMs: number;
}): void {
  const { authorUid, subjectUid, cls, nowMs } = input;
  if (authorUid === subjectUid)
    throw new DomainError("invalid-argument", "subjectUid: You cannot give feedback on yourself.");
  if (cls.status === "cancelled") throw new DomainError("failed-precondition", "This class was cancelled.");
  if (nowMs < classEndsAtMs(cls)) {
    throw new DomainError("failed-precondition", "You can give partner feedback once the class has ended.");
  }
  if (nowMs > feedbackClosesAtMs(cls)) {
    throw new DomainError(
      "failed-precondition",
      `Partner feedback closes ${PARTNER_FEEDBACK_LIMITS.windowDays} days after the class.`,
    );
  }
  if (input.authorStatus !== "attended") {
    throw new DomainError(
      "permission-denied",
      "Only members who were checked in to this class can give partner feedback.",
    );
  }
  // The match is checked before the subject's seat, so the answer says nothing about the roster
  // to someone who is not their partner.
  if (!input.matched) {
    throw new DomainError("permission-denied", "You can give feedback only on training partners you matched with.");
  }
  if (input.subjectStatus === null || !HELD_A_SEAT.includes(input.subjectStatus)) {
    throw new DomainError("failed-precondition", "This partner was not booked into this class.");
  }
}

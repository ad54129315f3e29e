/**
 * RSVP rules, as pure decisions (no Firebase): when a class takes RSVPs and check-ins, what joining
 * and leaving mean for a member's current status, which promotions the member is told of. The
 * line itself (tickets, seats, positions) is line.ts; the stores (rsvpStore.ts, seatStore.ts)
 * read, ask these functions, and write. Capacity may not drop below the confirmed count
 * (firestore.rules), so a seat, once given, is never taken back.
 */
import type { AttendeeStatus } from "../model/index.js";
import { DomainError } from "../shared/errors.js";

export interface ClassTiming {
  status: "scheduled" | "cancelled";
  startsAtMs: number;
}

/** RSVPs (joining and leaving) close when the class starts. */
export function ensureRsvpOpen(cls: ClassTiming, nowMs: number): void {
  if (cls.status === "cancelled") throw new DomainError("failed-precondition", "This class was cancelled.");
  if (cls.startsAtMs <= nowMs) throw new DomainError("failed-precondition", "This class has already started.");
}

export const ACTIVE_STATUSES = ["confirmed", "waitlisted"] as const;
export const isActive = (status: AttendeeStatus | null | undefined): status is "confirmed" | "waitlisted" =>
  status === "confirmed" || status === "waitlisted";

/**
 * Joining. RSVPing twice is harmless (an active RSVP is kept as it is, place in line included);
 * someone who left earlier joins again at the back, like anyone else.
 */
export function decideJoin(current: AttendeeStatus | null): "keep" | "join" {
  if (isActive(current)) return "keep";
  if (current === "attended" || current === "no_show") {
    throw new DomainError("failed-precondition", "Attendance for this class is already recorded.");
  }
  return "join";
}

/** Instructors check people in from an hour before the class until a week after it. */
export const CHECK_IN_OPENS_BEFORE_MS = 60 * 60 * 1000;
export const CHECK_IN_CLOSES_AFTER_MS = 7 * 24 * 60 * 60 * 1000;

export function ensureCheckInOpen(cls: ClassTiming, nowMs: number): void {
  if (cls.status === "cancelled") throw new DomainError("failed-precondition", "This class was cancelled.");
  if (nowMs < cls.startsAtMs - CHECK_IN_OPENS_BEFORE_MS) {
    throw new DomainError("failed-precondition", "Check-in opens an hour before the class.");
  }
  if (nowMs > cls.startsAtMs + CHECK_IN_CLOSES_AFTER_MS) {
    throw new DomainError("failed-precondition", "Check-in closed a week after the class.");
  }
}

/** Only members who held a seat can be checked in (re-marking corrects a mistake). */
export function ensureCanMarkAttendance(current: AttendeeStatus | null): void {
  if (current !== "confirmed" && current !== "attended" && current !== "no_show") {
    throw new DomainError("failed-precondition", "Only confirmed attendees can be checked in.");
  }
}

/**
 * Whether a change of a member's row is a promotion they must hear about: from waiting to a seat,
 * for someone who was answered "waitlisted". A member seated by their own RSVP was simply told
 * "confirmed".
 */
export function isPromotionToTell(
  before: { status: AttendeeStatus },
  after: { status: AttendeeStatus; toldWaitlisted?: boolean | undefined },
): boolean {
  return before.status === "waitlisted" && after.status === "confirmed" && after.toldWaitlisted === true;
}

/**
 * Seats and the waitlist, as pure decisions (no Firebase): the stores (rsvpStore.ts for members'
 * actions, seatStore.ts for the seat engine) read, ask these functions, and write.
 *
 * The model: a member's place in line is their arrival time (`joinedAt`, the server's commit
 * time of their RSVP, ties broken by uid). The confirmed seats are always the first `capacity`
 * active RSVPs in that order; everyone after them waits, and their position is their rank minus
 * the capacity. Seats are therefore first come, first served by construction: nobody can overtake,
 * a freed seat goes to the head of the line, and when someone ahead leaves everyone behind moves
 * up with no gap and without any row being rewritten. Capacity may not drop below the confirmed
 * count (firestore.rules; docs/adr/0004-class-seats.md), so a seat, once given, is never taken
 * back.
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

export function decideLeave(
  current: AttendeeStatus | null,
): { leave: false } | { leave: true; from: "confirmed" | "waitlisted" } {
  return isActive(current) ? { leave: true, from: current } : { leave: false };
}

/**
 * A waiting member's position, 1 = next in line. The seats ahead of them are the capacity, or
 * the confirmed count where an admin lowered capacity below it. Counting seats rather than rows
 * marked waitlisted keeps the answer exact while seats that are already someone's are still
 * being handed over in a burst of RSVPs. Never below 1.
 */
export function waitlistPositionFor(line: {
  /** How many active RSVPs arrived before this one. */
  rank: number;
  capacity: number;
  confirmedCount: number;
}): number {
  return Math.max(1, line.rank - Math.max(line.capacity, line.confirmedCount) + 1);
}

/** Given the first `capacity` active RSVPs in arrival order, who is waiting for a seat that is theirs. */
export function dueForPromotion<T extends { status: AttendeeStatus }>(headOfLine: readonly T[]): T[] {
  return headOfLine.filter((a) => a.status === "waitlisted");
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

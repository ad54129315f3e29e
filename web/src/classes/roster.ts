/** The roster in the order the instructor needs it. Pure. */
import type { Attendee } from "@numina/model";

/** What the order depends on: who, their state and their place in line. */
type Arrival = Pick<Attendee, "uid" | "status" | "ticket">;

export interface RosterRow<A extends Arrival = Attendee> {
  attendee: A;
  /** 1 = next in line; only for waitlisted rows. */
  waitlistPosition: number | null;
}

export interface RosterSections<A extends Arrival = Attendee> {
  /** Members with a seat, and those already checked in (attended or no-show), in arrival order. */
  seated: RosterRow<A>[];
  /** The waitlist, in line order. */
  waiting: RosterRow<A>[];
  /** Members who left or were removed. */
  left: RosterRow<A>[];
}

const byArrival = (a: Arrival, b: Arrival): number => a.ticket - b.ticket;

/**
 * Splits a roster (any order) into sections. Positions follow the server's rule
 * (functions/src/classes/line.ts): 1 + the waiting members with a lower ticket.
 */
export function rosterSections<A extends Arrival>(rows: readonly A[]): RosterSections<A> {
  const sorted = [...rows].sort(byArrival);
  const waitingOrder = new Map(sorted.filter((a) => a.status === "waitlisted").map((a, i) => [a.uid, i + 1]));
  const row = (attendee: A): RosterRow<A> => ({ attendee, waitlistPosition: waitingOrder.get(attendee.uid) ?? null });
  return {
    seated: sorted
      .filter((a) => a.status === "confirmed" || a.status === "attended" || a.status === "no_show")
      .map(row),
    waiting: sorted.filter((a) => a.status === "waitlisted").map(row),
    left: sorted.filter((a) => a.status === "cancelled").map(row),
  };
}

const HOUR_MS = 60 * 60 * 1000;

/** Check-in opens an hour before the class and closes a week after (as markAttendance enforces). */
export function checkInOpen(startsAtMs: number, nowMs: number): boolean {
  return nowMs >= startsAtMs - HOUR_MS && nowMs <= startsAtMs + 7 * 24 * HOUR_MS;
}

/** The roster in the order the instructor needs it. Pure. */
import type { Attendee } from "@numina/model";

/** What the order depends on: who, their state and when they arrived. */
type Arrival = Pick<Attendee, "uid" | "status" | "joinedAt">;

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

function byArrival(a: Arrival, b: Arrival): number {
  return a.joinedAt.toMillis() - b.joinedAt.toMillis() || (a.uid < b.uid ? -1 : a.uid > b.uid ? 1 : 0);
}

/**
 * Splits a roster (any order) into sections. Positions follow the server's rule
 * (functions/src/classes/rsvp.ts): a waiting member's rank among active RSVPs in arrival order,
 * minus the seats ahead of them (the capacity, or the confirmed count where it is higher).
 */
export function rosterSections<A extends Arrival>(rows: readonly A[], capacity: number): RosterSections<A> {
  const sorted = [...rows].sort(byArrival);
  const active = sorted.filter((a) => a.status === "confirmed" || a.status === "waitlisted");
  const confirmed = active.filter((a) => a.status === "confirmed").length;
  const seatsAhead = Math.max(capacity, confirmed);
  const rankOf = new Map(active.map((a, rank) => [a.uid, rank]));
  const row = (attendee: A): RosterRow<A> => ({
    attendee,
    waitlistPosition:
      attendee.status === "waitlisted" ? Math.max(1, (rankOf.get(attendee.uid) ?? 0) - seatsAhead + 1) : null,
  });
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

/**
 * A class's line as arithmetic (no Firebase): one batch of members' requests applied in arrival
 * order to the class's counts and the head of its waitlist, giving each request its answer and
 * the rows to write. The seat engine (seatStore.ts) reads what this needs, calls `applyToLine`,
 * and commits the result in one batch (ADR 0013).
 *
 * The model: every RSVP takes the next ticket; the waitlist is in ticket order, so a newcomer is
 * always at its back. Seats go to whoever is at the front when one is free. A waiting member's
 * position is 1 + the waitlisted tickets below theirs: nothing is renumbered when someone ahead
 * leaves. Counts here are exact, never a copy to catch up on.
 */
import type { AttendeeStatus } from "../model/index.js";
import { DomainError } from "../shared/errors.js";
import { decideJoin, ensureRsvpOpen, isActive, type ClassTiming } from "./rsvp.js";

export interface LineCounts {
  capacity: number;
  confirmed: number;
  waitlisted: number;
  /** Tickets issued so far: the next RSVP takes this + 1. */
  ticketsIssued: number;
}

export type LineRequest =
  | { kind: "join"; uid: string; nowMs: number }
  | { kind: "leave"; uid: string; nowMs: number }
  /** Give up a member's place for good and delete their row (account deletion). */
  | { kind: "erase"; uid: string; nowMs: number }
  /** Seat whoever is due a free seat (after a capacity change). */
  | { kind: "fill"; nowMs: number };

/** A member's row as read before the batch. */
export interface RowBefore {
  status: AttendeeStatus;
  ticket: number;
}

export type LineAnswer =
  | { kind: "joined"; status: "confirmed" }
  | { kind: "joined"; status: "waitlisted"; position: number }
  /** Already in line: nothing changed. The position, if waiting, is counted after the commit. */
  | { kind: "kept"; status: "confirmed" | "waitlisted"; ticket: number }
  | { kind: "left"; left: boolean }
  | { kind: "erased" }
  | { kind: "filled"; promoted: number }
  | { kind: "refused"; error: DomainError };

/** What to write for one member's row. */
export type RowChange =
  /** A new RSVP: a new ticket, seated or waiting. `existed`: a row of an earlier RSVP is replaced. */
  | { uid: string; change: "join"; status: "confirmed" | "waitlisted"; ticket: number; existed: boolean }
  | { uid: string; change: "leave" }
  | { uid: string; change: "erase" }
  | { uid: string; change: "promote" };

export interface LineBatch {
  /** One per request, in the same order. */
  answers: LineAnswer[];
  rows: RowChange[];
  counts: LineCounts;
  /**
   * The head of the waitlist that was read ran out before the seats did: read more and apply
   * the same batch again. Nothing of this result may be committed.
   */
  needsLongerHead: boolean;
  /** The write budget stopped promotions while seats are free and people wait: fill again. */
  moreToFill: boolean;
}

const isOpen = (timing: ClassTiming, nowMs: number) => timing.status === "scheduled" && timing.startsAtMs > nowMs;

interface Member {
  before: RowBefore | null;
  now: { status: AttendeeStatus; ticket: number } | null;
  erased: boolean;
}

/**
 * How many of the waitlist's first members a batch may need: every free seat, and every request
 * that leaves may free one more seat or take a member out of the head.
 */
export function headNeededFor(counts: LineCounts, requests: readonly LineRequest[]): number {
  const free = Math.max(0, counts.capacity - counts.confirmed);
  const leaving = requests.filter((r) => r.kind === "leave" || r.kind === "erase").length;
  return Math.min(counts.waitlisted, free + 2 * leaving);
}

/**
 * Applies `requests` in order. `rows` holds the rows read for the requesters; `head` the first
 * waitlisted rows in ticket order (at least `headNeededFor`). At most `maxPromotions` members are
 * seated from the waitlist, so the commit stays within its write limit.
 */
export function applyToLine(input: {
  counts: LineCounts;
  timing: ClassTiming;
  requests: readonly LineRequest[];
  rows: ReadonlyMap<string, RowBefore>;
  head: readonly ({ uid: string } & RowBefore)[];
  maxPromotions: number;
}): LineBatch {
  const counts = { ...input.counts };
  const members = new Map<string, Member>();
  const member = (uid: string): Member => {
    let m = members.get(uid);
    if (!m) {
      const before = input.rows.get(uid) ?? input.head.find((h) => h.uid === uid) ?? null;
      m = { before, now: before && { ...before }, erased: false };
      members.set(uid, m);
    }
    return m;
  };
  // The waitlist in ticket order: the head as read, then `unseen` members nobody read, then
  // this batch's newcomers. Promotions take from the front.
  const headQueue = input.head.map((h) => h.uid);
  let unseen = counts.waitlisted - headQueue.length;
  const newcomers: string[] = [];
  let promotions = 0;
  let needsLongerHead = false;
  let moreToFill = false;

  const takeOutOfWaitlist = (uid: string) => {
    for (const queue of [headQueue, newcomers]) {
      const i = queue.indexOf(uid);
      if (i >= 0) {
        queue.splice(i, 1);
        return;
      }
    }
    unseen -= 1;
  };

  const fill = (timing: ClassTiming, nowMs: number): number => {
    let promoted = 0;
    if (!isOpen(timing, nowMs)) return promoted;
    while (counts.confirmed < counts.capacity) {
      const fromHead = headQueue[0];
      // Nobody read stands between the head and the newcomers only once the head is used up.
      const next = fromHead ?? (unseen > 0 ? undefined : newcomers[0]);
      if (next === undefined) {
        needsLongerHead = unseen > 0;
        return promoted;
      }
      // A newcomer's row is written anyway; seating someone already waiting is one more write.
      if (fromHead !== undefined) {
        if (promotions >= input.maxPromotions) {
          moreToFill = true;
          return promoted;
        }
        promotions += 1;
      }
      takeOutOfWaitlist(next);
      member(next).now!.status = "confirmed";
      counts.confirmed += 1;
      counts.waitlisted -= 1;
      promoted += 1;
    }
    return promoted;
  };

  const leaveLine = (m: Member, uid: string) => {
    const status = m.now!.status;
    if (status === "confirmed") counts.confirmed -= 1;
    else {
      counts.waitlisted -= 1;
      takeOutOfWaitlist(uid);
    }
  };

  const answers = input.requests.map((request): LineAnswer => {
    try {
      if (request.kind === "fill") return { kind: "filled", promoted: fill(input.timing, request.nowMs) };
      const m = member(request.uid);
      if (request.kind === "join") {
        if (decideJoin(m.now?.status ?? null) === "keep") {
          return { kind: "kept", status: m.now!.status as "confirmed" | "waitlisted", ticket: m.now!.ticket };
        }
        ensureRsvpOpen(input.timing, request.nowMs);
        counts.ticketsIssued += 1;
        m.now = { status: "waitlisted", ticket: counts.ticketsIssued };
        m.erased = false;
        counts.waitlisted += 1;
        newcomers.push(request.uid);
        fill(input.timing, request.nowMs);
        return { kind: "joined", status: "waitlisted", position: 0 }; // settled below
      }
      if (request.kind === "erase") {
        // The place is given up as a cancellation would; a class already over keeps its counts
        // as history, only the row goes.
        if (m.now && isActive(m.now.status) && isOpen(input.timing, request.nowMs)) {
          leaveLine(m, request.uid);
          fill(input.timing, request.nowMs);
        }
        m.erased = m.before !== null || m.now !== null;
        m.now = null;
        return { kind: "erased" };
      }
      if (!m.now || !isActive(m.now.status)) return { kind: "left", left: false };
      ensureRsvpOpen(input.timing, request.nowMs);
      leaveLine(m, request.uid);
      m.now = { ...m.now, status: "cancelled" };
      fill(input.timing, request.nowMs);
      return { kind: "left", left: true };
    } catch (error) {
      if (error instanceof DomainError) return { kind: "refused", error };
      throw error;
    }
  });

  settleNewcomerAnswers(input.requests, answers, members, counts.waitlisted);
  return { answers, rows: rowChanges(members), counts, needsLongerHead, moreToFill };
}

/**
 * A newcomer's answer is where they stand once the whole batch is applied: seated (perhaps by a
 * cancellation later in the batch), or waiting behind everyone whose ticket is lower. Newcomers
 * hold the highest tickets, so a waiting one's position is the waitlist's length less the waiting
 * newcomers behind them.
 */
function settleNewcomerAnswers(
  requests: readonly LineRequest[],
  answers: LineAnswer[],
  members: ReadonlyMap<string, Member>,
  waitlisted: number,
) {
  const waitingTickets = [...members.values()]
    .flatMap((m) => (m.now?.status === "waitlisted" ? [m.now.ticket] : []))
    .sort((a, b) => a - b);
  requests.forEach((request, i) => {
    const answer = answers[i]!;
    if (answer.kind !== "joined" || request.kind !== "join") return;
    const now = members.get(request.uid)?.now;
    if (now?.status === "confirmed") {
      answers[i] = { kind: "joined", status: "confirmed" };
    } else if (now?.status === "waitlisted") {
      const behind = waitingTickets.filter((t) => t > now.ticket).length;
      answers[i] = { kind: "joined", status: "waitlisted", position: waitlisted - behind };
    } else {
      // Joined and then left (or was erased) within the same batch: the later request stands.
      answers[i] = {
        kind: "refused",
        error: new DomainError("failed-precondition", "This RSVP was cancelled as it was being made."),
      };
    }
  });
}

function rowChanges(members: ReadonlyMap<string, Member>): RowChange[] {
  const changes: RowChange[] = [];
  for (const [uid, m] of members) {
    const { before, now } = m;
    if (m.erased) changes.push({ uid, change: "erase" });
    else if (!now) continue;
    else if (now.ticket !== before?.ticket) {
      if (isActive(now.status)) {
        changes.push({ uid, change: "join", status: now.status, ticket: now.ticket, existed: before !== null });
      } else if (before) {
        // Joined and left in one batch: the row ends as it began, only cancelled.
        if (before.status !== now.status) changes.push({ uid, change: "leave" });
      }
    } else if (now.status !== before.status) {
      changes.push({ uid, change: now.status === "cancelled" ? "leave" : "promote" });
    }
  }
  return changes;
}

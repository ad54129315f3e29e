/**
 * The seat engine (ADR 0004): who holds a seat, where everyone stands in line, and the class's
 * display counts, without a hot transaction. A class's seat counter would be read and written by
 * every RSVP, and read-then-write transactions on one document serialise (the emulator even
 * deadlocks them into two-second lock timeouts). So:
 *   - seats follow arrival order (rsvp.ts), and `reconcileSeats` promotes whoever is inside the
 *     first `capacity` places but still marked waitlisted, with update-time preconditions instead
 *     of locks (see there);
 *   - a waiting member's position is counted, never stored (`waitlistPositionOf`);
 *   - the class's `confirmedCount`/`waitlistCount` are a display copy of the rows, rewritten from
 *     count() aggregations by `refreshSeatCounts`, which coalesces a burst into a few writes.
 * The member-facing use-cases (join, leave, check-in) are in rsvpStore.ts.
 */
import {
  FieldPath,
  FieldValue,
  type DocumentSnapshot,
  type Firestore,
  type QueryDocumentSnapshot,
} from "firebase-admin/firestore";
import type { Attendee, FitnessClass, TimestampLike } from "../model/index.js";
import { Coalescer } from "../shared/coalesce.js";
import { refs } from "../shared/refs.js";
import { GRPC, afterLostRace, grpcCode } from "../shared/transactions.js";
import { ACTIVE_STATUSES, dueForPromotion, waitlistPositionFor } from "./rsvp.js";

const activeRows = (db: Firestore, classId: string) =>
  refs(db).attendees(classId).where("status", "in", ACTIVE_STATUSES);

/** Active RSVPs in arrival order: joinedAt, then uid (the document id) for the rare tie. */
const lineQuery = (db: Firestore, classId: string) =>
  activeRows(db, classId).orderBy("joinedAt").orderBy(FieldPath.documentId());

/** How many active RSVPs arrived before this one. */
async function rankOf(db: Firestore, classId: string, uid: string, joinedAt: TimestampLike): Promise<number> {
  const active = activeRows(db, classId);
  const [earlier, tied] = await Promise.all([
    active.where("joinedAt", "<", joinedAt).count().get(),
    active.where("joinedAt", "==", joinedAt).where(FieldPath.documentId(), "<", uid).count().get(),
  ]);
  return earlier.data().count + tied.data().count;
}

async function countSeats(db: Firestore, classId: string): Promise<{ confirmed: number; waitlisted: number }> {
  const attendees = refs(db).attendees(classId);
  const [confirmed, waitlisted] = await Promise.all([
    attendees.where("status", "==", "confirmed").count().get(),
    attendees.where("status", "==", "waitlisted").count().get(),
  ]);
  return { confirmed: confirmed.data().count, waitlisted: waitlisted.data().count };
}

/** A waiting member's position, 1 = next in line (see waitlistPositionFor in rsvp.ts). */
export async function waitlistPositionOf(
  db: Firestore,
  cls: { classId: string },
  capacity: number,
  uid: string,
  joinedAt: TimestampLike,
): Promise<number> {
  const [rank, confirmed] = await Promise.all([
    rankOf(db, cls.classId, uid, joinedAt),
    refs(db).attendees(cls.classId).where("status", "==", "confirmed").count().get(),
  ]);
  return waitlistPositionFor({ rank, capacity, confirmedCount: confirmed.data().count });
}

/**
 * Promotes, in arrival order, whoever is inside the first `capacity` places but still waiting.
 *
 * Concurrent reconciles (every RSVP and cancellation runs one) would deadlock on each other's
 * read locks if each promotion were a read-write transaction. Instead a promotion is a batch
 * guarded by two update times: the row's (so nobody is promoted twice) and the class's, read
 * before the confirmed rows are counted. Every promotion writes the class, so a promotion commits
 * only if no other promotion landed since that count: seats are never given twice (no
 * overbooking), and a seat freed meanwhile only means the next pass seats one more. A pass that
 * lost a race looks again; a reconcile that keeps losing gives up quietly, because whoever won is
 * reconciling too, and onClassUpdated re-runs it while seats are free and people wait.
 */
export async function reconcileSeats(
  db: Firestore,
  classId: string,
  nowMs = Date.now(),
  opts: {
    /**
     * Seat only this member, if a seat is theirs. A new arrival needs nobody else's seat handed
     * over, and in a burst of a thousand joins, a thousand reconciles all promoting the head of
     * the line would queue on the class document; this way only the first `capacity` arrivals
     * ever write it. Leaving, and capacity changes, reconcile for everyone.
     */
    onlyFor?: string;
  } = {},
): Promise<number> {
  let promoted = 0;
  for (let pass = 0; pass < MAX_RECONCILE_PASSES; pass++) {
    const classSnap = await refs(db).class(classId).get();
    const cls = classSnap.data();
    if (!cls) return promoted;
    // Once a class has started or was cancelled its roster is history: nobody is promoted into it.
    if (cls.status !== "scheduled" || cls.startsAt.toMillis() <= nowMs) return promoted;
    const head = await lineQuery(db, classId).limit(cls.capacity).get();
    const due = dueForPromotion(head.docs.map((doc) => ({ doc, status: doc.data().status })));
    const next = opts.onlyFor ? due.find((d) => d.doc.id === opts.onlyFor) : due[0];
    if (!next) return promoted;
    // Counted after the class was read: see the update-time guard in promote().
    const seats = await countSeats(db, classId);
    if (seats.confirmed >= cls.capacity) return promoted;
    if (await promote(db, classSnap, seats, next.doc)) {
      promoted += 1;
    } else {
      await afterLostRace(pass);
    }
  }
  return promoted;
}

const MAX_RECONCILE_PASSES = 60;

/**
 * FAILED_PRECONDITION (a stale update time) or ABORTED (the write timed out queueing for a
 * document lock): in either case, look again.
 */
export const isStaleWrite = (error: unknown) =>
  [GRPC.FAILED_PRECONDITION, GRPC.ABORTED].some((c) => c === grpcCode(error));

/** Races lost and retried, and count writes made, in this process (read by the benchmark). */
const metrics = { promotionRetries: 0, countWrites: 0, countRetries: 0 };
export const seatMetrics = () => ({ ...metrics });

async function promote(
  db: Firestore,
  classSnap: DocumentSnapshot<FitnessClass>,
  seats: { confirmed: number; waitlisted: number },
  row: QueryDocumentSnapshot<Attendee>,
): Promise<boolean> {
  const now = FieldValue.serverTimestamp();
  const batch = db.batch();
  batch.update(row.ref, { status: "confirmed", promotedAt: now, updatedAt: now }, { lastUpdateTime: row.updateTime });
  // The counts as of this promotion show the seat at once; refreshSeatCounts catches up after.
  batch.update(
    classSnap.ref,
    { confirmedCount: seats.confirmed + 1, waitlistCount: Math.max(0, seats.waitlisted - 1) },
    { lastUpdateTime: classSnap.updateTime! },
  );
  // The member hears about it from onAttendeePromoted, on every channel they chose.
  try {
    await batch.commit();
    return true;
  } catch (error) {
    if (isStaleWrite(error)) {
      metrics.promotionRetries += 1;
      return false; // the row or the class changed since we looked: look again
    }
    throw error;
  }
}

const countRefreshes = new WeakMap<Firestore, Coalescer<string>>();

/**
 * Brings the class's `confirmedCount`/`waitlistCount` up to date with its rows, and returns once
 * the counts on the class include every change this process made before calling.
 *
 * Counting rows instead of incrementing per transition keeps RSVPs off the class document: a
 * burst of a thousand joins causes a handful of count writes, not a thousand commits queueing on
 * one document (ADR 0004). Within a process, requests made while a refresh runs share the next
 * one (Coalescer). Across processes, each write is guarded by the class's update time as read
 * before counting, so a count taken earlier can never overwrite one taken later.
 */
export function refreshSeatCounts(db: Firestore, classId: string): Promise<void> {
  let coalescer = countRefreshes.get(db);
  if (!coalescer) countRefreshes.set(db, (coalescer = new Coalescer()));
  return coalescer.run(classId, () => writeFreshCounts(db, classId));
}

async function writeFreshCounts(db: Firestore, classId: string): Promise<void> {
  const classRef = refs(db).class(classId);
  for (let attempt = 0; ; attempt++) {
    const snap = await classRef.get();
    const cls = snap.data();
    if (!cls) return;
    const counts = await countSeats(db, classId);
    if (cls.confirmedCount === counts.confirmed && cls.waitlistCount === counts.waitlisted) return;
    try {
      await classRef.update(
        { confirmedCount: counts.confirmed, waitlistCount: counts.waitlisted },
        { lastUpdateTime: snap.updateTime! },
      );
      metrics.countWrites += 1;
      return;
    } catch (error) {
      // Someone else wrote the class since we read it: count again against their write.
      if (!isStaleWrite(error) || attempt >= MAX_RECONCILE_PASSES) throw error;
      metrics.countRetries += 1;
      await afterLostRace(attempt);
    }
  }
}

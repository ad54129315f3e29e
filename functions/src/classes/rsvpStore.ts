/**
 * RSVPs in Firestore, without a hot transaction. A class's seat counter would be read and
 * written by every RSVP, and read-then-write transactions on one document serialise (the
 * emulator even deadlocks them into two-second lock timeouts). So (see rsvp.ts and ADR 0004):
 *   - joining and leaving are transactions on the member's own row only;
 *   - seats follow arrival order, and `reconcileSeats` promotes whoever is inside the first
 *     `capacity` places but still marked waitlisted, with update-time preconditions instead of
 *     locks (see there); the notice id is deterministic, so nobody is told twice;
 *   - the class's `confirmedCount`/`waitlistCount` are a display copy of the rows, rewritten from
 *     count() aggregations by `refreshSeatCounts`, which coalesces a burst into a few writes.
 */
import {
  FieldPath,
  FieldValue,
  Timestamp,
  type DocumentSnapshot,
  type Firestore,
  type QueryDocumentSnapshot,
} from "firebase-admin/firestore";
import { classSchema, paths, type AttendeeStatus, type MyRsvpResponse, type RsvpResponse } from "../model/index.js";
import { DomainError } from "../shared/errors.js";
import { Coalescer } from "../shared/coalesce.js";
import { GRPC, grpcCode, runDomainTransaction } from "../shared/transactions.js";
import { parseOrThrow } from "../shared/validation.js";
import { classRefOf, type ClassRef } from "./notices.js";
import {
  ACTIVE_STATUSES,
  decideJoin,
  decideLeave,
  dueForPromotion,
  ensureCanMarkAttendance,
  ensureCheckInOpen,
  ensureRsvpOpen,
  waitlistPositionFor,
  type ClassTiming,
} from "./rsvp.js";

interface LoadedClass {
  timing: ClassTiming;
  capacity: number;
  ref: ClassRef;
  instructorId: string;
}

async function loadClass(db: Firestore, classId: string): Promise<LoadedClass> {
  const snap = await db.doc(paths.class(classId)).get();
  if (!snap.exists) throw new DomainError("not-found", "This class does not exist.");
  const cls = parseOrThrow(classSchema, snap.data(), `class ${classId}`);
  return {
    timing: { status: cls.status, startsAtMs: cls.startsAt.toMillis() },
    capacity: cls.capacity,
    ref: classRefOf(classId, cls),
    instructorId: cls.instructorId,
  };
}

/** Active RSVPs in arrival order: joinedAt, then uid (the document id) for the rare tie. */
function lineQuery(db: Firestore, classId: string) {
  return db
    .collection(paths.attendees(classId))
    .where("status", "in", ACTIVE_STATUSES)
    .orderBy("joinedAt")
    .orderBy(FieldPath.documentId());
}

/** How many active RSVPs arrived before this one. */
async function rankOf(db: Firestore, classId: string, uid: string, joinedAt: Timestamp): Promise<number> {
  const active = db.collection(paths.attendees(classId)).where("status", "in", ACTIVE_STATUSES);
  const [earlier, tied] = await Promise.all([
    active.where("joinedAt", "<", joinedAt).count().get(),
    active.where("joinedAt", "==", joinedAt).where(FieldPath.documentId(), "<", uid).count().get(),
  ]);
  return earlier.data().count + tied.data().count;
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
    const classSnap = await db.doc(paths.class(classId)).get();
    if (!classSnap.exists) return promoted;
    const cls = parseOrThrow(classSchema, classSnap.data(), `class ${classId}`);
    // Once a class has started or was cancelled its roster is history: nobody is promoted into it.
    if (cls.status !== "scheduled" || cls.startsAt.toMillis() <= nowMs) return promoted;
    const head = await lineQuery(db, classId).limit(cls.capacity).get();
    const due = dueForPromotion(head.docs.map((doc) => ({ doc, status: doc.get("status") as AttendeeStatus })));
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

/** A random pause, growing with the attempts up to 200 ms, so racers that lost stop colliding. */
const afterLostRace = (attempt: number) =>
  new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(200, 5 * 2 ** Math.min(attempt, 6))));

/** Races lost and retried, in this process (read by the benchmarks). */
let promotionRetries = 0;
let countWrites = 0;
let countRetries = 0;
export const rsvpMetrics = () => ({ promotionRetries, countWrites, countRetries });

async function countSeats(db: Firestore, classId: string): Promise<{ confirmed: number; waitlisted: number }> {
  const attendees = db.collection(paths.attendees(classId));
  const [confirmed, waitlisted] = await Promise.all([
    attendees.where("status", "==", "confirmed").count().get(),
    attendees.where("status", "==", "waitlisted").count().get(),
  ]);
  return { confirmed: confirmed.data().count, waitlisted: waitlisted.data().count };
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
  const classRef = db.doc(paths.class(classId));
  for (let attempt = 0; ; attempt++) {
    const snap = await classRef.get();
    if (!snap.exists) return;
    const counts = await countSeats(db, classId);
    if (snap.get("confirmedCount") === counts.confirmed && snap.get("waitlistCount") === counts.waitlisted) return;
    try {
      await classRef.update(
        { confirmedCount: counts.confirmed, waitlistCount: counts.waitlisted },
        { lastUpdateTime: snap.updateTime! },
      );
      countWrites += 1;
      return;
    } catch (error) {
      // Someone else wrote the class since we read it: count again against their write.
      if (!isStaleWrite(error) || attempt >= MAX_RECONCILE_PASSES) throw error;
      countRetries += 1;
      await afterLostRace(attempt);
    }
  }
}

async function promote(
  db: Firestore,
  classSnap: DocumentSnapshot,
  seats: { confirmed: number; waitlisted: number },
  row: QueryDocumentSnapshot,
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
      promotionRetries += 1;
      return false; // the row or the class changed since we looked: look again
    }
    throw error;
  }
}

/**
 * FAILED_PRECONDITION (a stale update time) or ABORTED (the write timed out queueing for a
 * document lock): in either case, look again.
 */
const isStaleWrite = (error: unknown) => [GRPC.FAILED_PRECONDITION, GRPC.ABORTED].some((c) => c === grpcCode(error));

export async function rsvp(db: Firestore, classId: string, uid: string, nowMs: number): Promise<RsvpResponse> {
  const cls = await loadClass(db, classId);
  const rowRef = db.doc(paths.attendee(classId, uid));
  await runDomainTransaction(db, async (tx) => {
    const row = await tx.get(rowRef);
    const current = row.exists ? (row.get("status") as AttendeeStatus) : null;
    if (decideJoin(current) === "keep") return;
    ensureRsvpOpen(cls.timing, nowMs);
    const now = FieldValue.serverTimestamp();
    // Everyone joins the line as waitlisted; reconcileSeats seats them if their place is within
    // capacity. One path for every arrival keeps the counting in one place.
    tx.set(rowRef, {
      uid,
      classId,
      status: "waitlisted",
      joinedAt: now,
      updatedAt: now,
      promotedAt: null,
      checkedInAt: null,
      classTitle: cls.ref.title,
      classStartsAt: Timestamp.fromMillis(cls.ref.startsAtMs),
    });
  });
  await reconcileSeats(db, classId, nowMs, { onlyFor: uid });
  const [answer] = await Promise.all([answerRsvp(db, cls, uid), refreshSeatCounts(db, classId)]);
  return answer;
}

/**
 * What the member is told. Marking the row `toldWaitlisted` is guarded by the row's update time,
 * like a promotion, so the two serialise: either the promotion landed first and the answer is
 * "confirmed", or the answer is "waitlisted" and the promotion, later, sends the "you're in"
 * notice. Never both, never neither.
 */
async function answerRsvp(db: Firestore, cls: LoadedClass, uid: string): Promise<RsvpResponse> {
  const rowRef = db.doc(paths.attendee(cls.ref.classId, uid));
  for (;;) {
    const row = await rowRef.get();
    const status = row.get("status") as AttendeeStatus;
    if (status === "confirmed") return { status: "confirmed" };
    if (status !== "waitlisted") throw new Error(`RSVP for ${uid} in ${cls.ref.classId} ended as ${status}`);
    if (row.get("toldWaitlisted") !== true) {
      try {
        await rowRef.update({ toldWaitlisted: true }, { lastUpdateTime: row.updateTime });
      } catch (error) {
        if (isStaleWrite(error)) continue;
        throw error;
      }
    }
    return {
      status: "waitlisted",
      waitlistPosition: await waitlistPosition(db, cls, uid, row.get("joinedAt") as Timestamp),
    };
  }
}

/** 1 = next in line (see waitlistPositionFor in rsvp.ts). */
async function waitlistPosition(db: Firestore, cls: LoadedClass, uid: string, joinedAt: Timestamp): Promise<number> {
  const [rank, confirmed] = await Promise.all([
    rankOf(db, cls.ref.classId, uid, joinedAt),
    db.collection(paths.attendees(cls.ref.classId)).where("status", "==", "confirmed").count().get(),
  ]);
  return waitlistPositionFor({ rank, capacity: cls.capacity, confirmedCount: confirmed.data().count });
}

/** Leaving (by the member, or removed by the instructor): frees the seat, and the next in line is seated. */
export async function leave(db: Firestore, classId: string, uid: string, nowMs: number): Promise<{ left: boolean }> {
  const cls = await loadClass(db, classId);
  const rowRef = db.doc(paths.attendee(classId, uid));
  const left = await runDomainTransaction(db, async (tx) => {
    const row = await tx.get(rowRef);
    const decision = decideLeave(row.exists ? (row.get("status") as AttendeeStatus) : null);
    if (!decision.leave) return false;
    ensureRsvpOpen(cls.timing, nowMs);
    tx.update(rowRef, { status: "cancelled", updatedAt: FieldValue.serverTimestamp() });
    return true;
  });
  if (left) {
    await reconcileSeats(db, classId, nowMs);
    await refreshSeatCounts(db, classId);
  }
  return { left };
}

export async function myRsvp(db: Firestore, classId: string, uid: string): Promise<MyRsvpResponse> {
  const cls = await loadClass(db, classId);
  const row = await db.doc(paths.attendee(classId, uid)).get();
  if (!row.exists) return { status: "none" };
  const status = row.get("status") as AttendeeStatus;
  if (status !== "waitlisted") return { status };
  return { status, waitlistPosition: await waitlistPosition(db, cls, uid, row.get("joinedAt") as Timestamp) };
}

export interface Actor {
  uid: string;
  isAdmin: boolean;
}

export function ensureRunsClass(cls: Pick<LoadedClass, "instructorId">, actor: Actor): void {
  if (!actor.isAdmin && cls.instructorId !== actor.uid) {
    throw new DomainError("permission-denied", "Only this class's instructor or an admin can do this.");
  }
}

export async function removeAttendee(db: Firestore, actor: Actor, classId: string, uid: string, nowMs: number) {
  ensureRunsClass(await loadClass(db, classId), actor);
  return leave(db, classId, uid, nowMs);
}

export async function markAttendance(
  db: Firestore,
  actor: Actor,
  input: { classId: string; uid: string; status: "attended" | "no_show" },
  nowMs: number,
): Promise<void> {
  const cls = await loadClass(db, input.classId);
  ensureRunsClass(cls, actor);
  ensureCheckInOpen(cls.timing, nowMs);
  const rowRef = db.doc(paths.attendee(input.classId, input.uid));
  await runDomainTransaction(db, async (tx) => {
    const row = await tx.get(rowRef);
    const current = row.exists ? (row.get("status") as AttendeeStatus) : null;
    ensureCanMarkAttendance(current);
    const now = FieldValue.serverTimestamp();
    tx.update(rowRef, { status: input.status, checkedInAt: input.status === "attended" ? now : null, updatedAt: now });
    // confirmedCount is left alone: the seat was taken either way, whoever sat in it.
    tx.set(db.doc(paths.attendanceRecord(input.uid, input.classId)), {
      classId: input.classId,
      classTitle: cls.ref.title,
      classStartsAt: Timestamp.fromMillis(cls.ref.startsAtMs),
      status: input.status,
      markedAt: now,
    });
  });
}

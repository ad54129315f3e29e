/**
 * The seat engine (ADR 0013): every change to a class's line (join, leave, erase, fill) goes
 * through here, and is answered as soon as it is committed, with counts on the class that are
 * exact, never a copy catching up.
 *
 * A class's counts are one document, and a storm of RSVPs all change them. Instead of one
 * transaction per RSVP queueing on that document, requests for the same class in one process form
 * a line at a desk: while one batch commits, the next collects everyone who arrived meanwhile,
 * and goes as one commit (group commit). A thousand simultaneous RSVPs are a few commits, and each
 * caller waits about one commit plus the batch ahead of theirs.
 *
 * A batch is decided in pure code (line.ts) from the class, the requesters' rows and the head of
 * the waitlist, read outside any transaction (transactions on one hot document deadlock on the
 * emulator and queue in production), and committed as one batch guarded by update times: the
 * class's (every line change writes it, so two batches from different processes serialise) and
 * every row's (a check-in or a row written meanwhile sends the batch round again). A batch that
 * lost a race is read and decided again; nothing of it was written.
 */
import {
  FieldValue,
  Timestamp,
  type DocumentReference,
  type DocumentSnapshot,
  type Firestore,
  type WriteBatch,
} from "firebase-admin/firestore";
import type { Attendee, FitnessClass } from "../model/index.js";
import { DomainError } from "../shared/errors.js";
import { readAll } from "../shared/firestore.js";
import { refs } from "../shared/refs.js";
import { GRPC, afterLostRace, grpcCode } from "../shared/transactions.js";
import { applyToLine, headNeededFor, type LineAnswer, type LineRequest, type RowChange } from "./line.js";

/**
 * Firestore takes at most 500 writes in a commit: a batch writes the class, at most one row per
 * request, and one more per member seated from the waitlist.
 */
const MAX_WRITES_PER_COMMIT = 500;
const MAX_REQUESTS_PER_BATCH = 400;
/** A batch that keeps losing races across processes gives up with an error the caller can retry. */
const MAX_ATTEMPTS = 40;

interface Waiting {
  request: LineRequest;
  resolve: (answer: LineAnswer) => void;
  reject: (error: unknown) => void;
}

/** Requests waiting for the next batch of each class, and whether a batch is being committed. */
interface Desk {
  waiting: Waiting[];
  busy: boolean;
}

const desks = new WeakMap<Firestore, Map<string, Desk>>();

/** Races lost and batches committed in this process (read by the benchmark). */
const metrics = { batches: 0, lostRaces: 0, longerHeads: 0 };
export const seatMetrics = () => ({ ...metrics });

/** Puts one request in the class's line; resolves with its answer once it is committed. */
export function submitToLine(db: Firestore, classId: string, request: LineRequest): Promise<LineAnswer> {
  let byClass = desks.get(db);
  if (!byClass) desks.set(db, (byClass = new Map<string, Desk>()));
  let desk = byClass.get(classId);
  if (!desk) byClass.set(classId, (desk = { waiting: [], busy: false }));
  const answer = new Promise<LineAnswer>((resolve, reject) => desk.waiting.push({ request, resolve, reject }));
  if (!desk.busy) void serve(db, classId, desk, byClass);
  return answer;
}

async function serve(db: Firestore, classId: string, desk: Desk, byClass: Map<string, Desk>) {
  desk.busy = true;
  try {
    while (desk.waiting.length > 0) {
      const batch = desk.waiting.splice(0, MAX_REQUESTS_PER_BATCH);
      try {
        const { answers, moreToFill } = await commitBatch(
          db,
          classId,
          batch.map((w) => w.request),
        );
        batch.forEach((w, i) => w.resolve(answers[i]!));
        if (moreToFill) desk.waiting.unshift(...fillRequest());
      } catch (error) {
        for (const w of batch) w.reject(error);
      }
    }
  } finally {
    desk.busy = false;
    byClass.delete(classId);
  }
}

/** A follow-up fill nobody waits for: its answer only matters as a commit. */
const fillRequest = (): Waiting[] => [
  { request: { kind: "fill", nowMs: Date.now() }, resolve: () => undefined, reject: () => undefined },
];

async function commitBatch(db: Firestore, classId: string, requests: readonly LineRequest[]) {
  const r = refs(db);
  const uids = [...new Set(requests.flatMap((q) => (q.kind === "fill" ? [] : [q.uid])))];
  let extraHead = 0;
  for (let attempt = 0; ; attempt++) {
    // The class first: any line change committed after this read fails the batch's guard.
    const classSnap = await r.class(classId).get();
    const cls = classSnap.data();
    if (!cls) {
      const error = new DomainError("not-found", "This class does not exist.");
      return { answers: requests.map((): LineAnswer => ({ kind: "refused", error })), moreToFill: false };
    }
    const counts = {
      capacity: cls.capacity,
      confirmed: cls.confirmedCount,
      waitlisted: cls.waitlistCount,
      ticketsIssued: cls.ticketsIssued ?? 0,
    };
    const headSize = Math.min(counts.waitlisted, headNeededFor(counts, requests) + extraHead);
    const [rowSnaps, headSnaps] = await Promise.all([
      readAll(
        db,
        uids.map((uid) => r.attendee(classId, uid)),
      ),
      headSize === 0 ? Promise.resolve([]) : waitlistHead(db, classId, headSize),
    ]);
    const rowOf = new Map(rowSnaps.flatMap((s) => (s.exists ? [[s.id, s] as const] : [])));
    const headOf = new Map(headSnaps.map((s) => [s.id, s] as const));
    const batch = applyToLine({
      counts,
      timing: { status: cls.status, startsAtMs: cls.startsAt.toMillis() },
      requests,
      rows: new Map([...rowOf].map(([uid, s]) => [uid, rowState(s.data()!)])),
      head: headSnaps.map((s) => ({ uid: s.id, ...rowState(s.data()) })),
      maxPromotions: MAX_WRITES_PER_COMMIT - 1 - requests.length,
    });
    if (batch.needsLongerHead) {
      // Counts and rows disagree with what the head query saw (a commit landed between them):
      // read again, with a longer head in case it is needed.
      metrics.longerHeads += 1;
      extraHead = Math.max(1, extraHead * 2);
      await afterLostRace(attempt);
      continue;
    }
    const changed =
      batch.rows.length > 0 ||
      batch.counts.confirmed !== counts.confirmed ||
      batch.counts.waitlisted !== counts.waitlisted ||
      batch.counts.ticketsIssued !== counts.ticketsIssued;
    if (!changed) return batch; // repeats, refusals: nothing to write
    const write = db.batch();
    write.update(
      classSnap.ref,
      {
        confirmedCount: batch.counts.confirmed,
        waitlistCount: batch.counts.waitlisted,
        ticketsIssued: batch.counts.ticketsIssued,
      },
      { lastUpdateTime: classSnap.updateTime! },
    );
    for (const change of batch.rows) {
      writeRow(write, r.attendee(classId, change.uid), change, rowOf.get(change.uid) ?? headOf.get(change.uid), {
        classId,
        cls,
      });
    }
    try {
      await write.commit();
      metrics.batches += 1;
      return batch;
    } catch (error) {
      if (!lostRace(error) || attempt >= MAX_ATTEMPTS) throw error;
      metrics.lostRaces += 1;
      await afterLostRace(attempt);
    }
  }
}

const rowState = (row: Attendee) => ({ status: row.status, ticket: row.ticket });

/** The first `size` waiting members, in ticket order. */
async function waitlistHead(db: Firestore, classId: string, size: number) {
  const head = await refs(db)
    .attendees(classId)
    .where("status", "==", "waitlisted")
    .orderBy("ticket")
    .limit(size)
    .get();
  return head.docs;
}

function writeRow(
  write: WriteBatch,
  ref: DocumentReference<Attendee>,
  change: RowChange,
  read: DocumentSnapshot<Attendee> | undefined,
  ctx: { classId: string; cls: FitnessClass },
) {
  const now = FieldValue.serverTimestamp();
  // Every write is guarded by the row as read: a row changed since (a check-in, say) fails the batch.
  const guard = read?.updateTime ? { lastUpdateTime: read.updateTime } : undefined;
  switch (change.change) {
    case "join": {
      const row = {
        uid: change.uid,
        classId: ctx.classId,
        status: change.status,
        ticket: change.ticket,
        joinedAt: now,
        updatedAt: now,
        promotedAt: null,
        checkedInAt: null,
        classTitle: ctx.cls.title,
        classStartsAt: Timestamp.fromMillis(ctx.cls.startsAt.toMillis()),
        // The member is answered "waitlisted" by this very commit: if promoted later, they are told.
        toldWaitlisted: change.status === "waitlisted",
      };
      if (guard) write.update(ref, row, guard);
      else write.create(ref, row);
      return;
    }
    case "leave":
    case "promote":
      if (!guard) throw new Error(`${change.change} of ${change.uid}: the row was not read`);
      write.update(
        ref,
        change.change === "leave"
          ? { status: "cancelled", updatedAt: now }
          : { status: "confirmed", promotedAt: now, updatedAt: now },
        guard,
      );
      return;
    case "erase":
      write.delete(ref, guard);
      return;
  }
}

/**
 * The class or a row changed since they were read (FAILED_PRECONDITION), a row appeared or went
 * (ALREADY_EXISTS, NOT_FOUND), or the commit timed out queueing for a lock (ABORTED): read again.
 */
const lostRace = (error: unknown) =>
  [GRPC.FAILED_PRECONDITION, GRPC.ALREADY_EXISTS, GRPC.NOT_FOUND, GRPC.ABORTED].some((c) => c === grpcCode(error));

/** A waiting member's position, 1 = next in line: one more than the waiting tickets below theirs. */
export async function waitlistPositionOf(db: Firestore, classId: string, ticket: number): Promise<number> {
  const ahead = await refs(db)
    .attendees(classId)
    .where("status", "==", "waitlisted")
    .where("ticket", "<", ticket)
    .count()
    .get();
  return ahead.data().count + 1;
}

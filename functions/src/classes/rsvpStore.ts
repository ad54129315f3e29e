/**
 * What members, instructors and admins do with a class's roster: RSVP, leave, look up their place,
 * remove someone, check people in. Joining and leaving are transactions on the member's own row
 * only; who then holds a seat, and the class's counts, are the seat engine's (seatStore.ts,
 * ADR 0004).
 */
import { FieldValue, Timestamp, type Firestore } from "firebase-admin/firestore";
import type { MyRsvpResponse, Role, RsvpResponse } from "../model/index.js";
import { currentRoleOf } from "../rbac/index.js";
import { DomainError } from "../shared/errors.js";
import { refs } from "../shared/refs.js";
import { runDomainTransaction } from "../shared/transactions.js";
import { loadClass, type LoadedClass } from "./classStore.js";
import { decideJoin, decideLeave, ensureCanMarkAttendance, ensureCheckInOpen, ensureRsvpOpen } from "./rsvp.js";
import { isStaleWrite, reconcileSeats, refreshSeatCounts, waitlistPositionOf } from "./seatStore.js";

export async function rsvp(db: Firestore, classId: string, uid: string, nowMs: number): Promise<RsvpResponse> {
  const cls = await loadClass(db, classId);
  const rowRef = refs(db).attendee(classId, uid);
  await runDomainTransaction(db, async (tx) => {
    const current = (await tx.get(rowRef)).data()?.status ?? null;
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
  const rowRef = refs(db).attendee(cls.ref.classId, uid);
  for (;;) {
    const row = await rowRef.get();
    const attendee = row.data();
    if (attendee?.status === "confirmed") return { status: "confirmed" };
    if (attendee?.status !== "waitlisted") {
      throw new Error(`RSVP for ${uid} in ${cls.ref.classId} ended as ${attendee?.status ?? "no row"}`);
    }
    if (attendee.toldWaitlisted !== true) {
      try {
        await rowRef.update({ toldWaitlisted: true }, { lastUpdateTime: row.updateTime });
      } catch (error) {
        if (isStaleWrite(error)) continue;
        throw error;
      }
    }
    return {
      status: "waitlisted",
      waitlistPosition: await waitlistPositionOf(db, cls.ref, cls.capacity, uid, attendee.joinedAt),
    };
  }
}

/** Leaving (by the member, or removed by the instructor): frees the seat, and the next in line is seated. */
export async function leave(db: Firestore, classId: string, uid: string, nowMs: number): Promise<{ left: boolean }> {
  const cls = await loadClass(db, classId);
  const rowRef = refs(db).attendee(classId, uid);
  const left = await runDomainTransaction(db, async (tx) => {
    const decision = decideLeave((await tx.get(rowRef)).data()?.status ?? null);
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
  const attendee = (await refs(db).attendee(classId, uid).get()).data();
  if (!attendee) return { status: "none" };
  if (attendee.status !== "waitlisted") return { status: attendee.status };
  return {
    status: attendee.status,
    waitlistPosition: await waitlistPositionOf(db, cls.ref, cls.capacity, uid, attendee.joinedAt),
  };
}

/** Who asks for a roster action: their uid and the role their token claims. */
export interface Actor {
  uid: string;
  role: Role;
}

/**
 * Only an instructor or an admin runs a roster, and an instructor only their own classes. The
 * role is the one held now (the stored role as well as the token's claim), so an instructor
 * demoted a moment ago cannot go on removing members with their old token.
 */
async function loadClassRunBy(db: Firestore, classId: string, actor: Actor): Promise<LoadedClass> {
  const role = await currentRoleOf(db, actor);
  if (role !== "instructor" && role !== "admin") {
    throw new DomainError("permission-denied", "Only instructor or admin accounts can manage a class's roster.");
  }
  const cls = await loadClass(db, classId);
  if (role !== "admin" && cls.instructorId !== actor.uid) {
    throw new DomainError("permission-denied", "Only this class's instructor or an admin can do this.");
  }
  return cls;
}

export async function removeAttendee(db: Firestore, actor: Actor, classId: string, uid: string, nowMs: number) {
  await loadClassRunBy(db, classId, actor);
  return leave(db, classId, uid, nowMs);
}

export async function markAttendance(
  db: Firestore,
  actor: Actor,
  input: { classId: string; uid: string; status: "attended" | "no_show" },
  nowMs: number,
): Promise<void> {
  const cls = await loadClassRunBy(db, input.classId, actor);
  ensureCheckInOpen(cls.timing, nowMs);
  const rowRef = refs(db).attendee(input.classId, input.uid);
  await runDomainTransaction(db, async (tx) => {
    ensureCanMarkAttendance((await tx.get(rowRef)).data()?.status ?? null);
    const now = FieldValue.serverTimestamp();
    tx.update(rowRef, { status: input.status, checkedInAt: input.status === "attended" ? now : null, updatedAt: now });
    // confirmedCount is left alone: the seat was taken either way, whoever sat in it.
    tx.set(refs(db).attendanceRecord(input.uid, input.classId), {
      classId: input.classId,
      classTitle: cls.ref.title,
      classStartsAt: Timestamp.fromMillis(cls.ref.startsAtMs),
      status: input.status,
      markedAt: now,
    });
  });
}

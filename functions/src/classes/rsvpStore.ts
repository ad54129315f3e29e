/**
 * What members, instructors and admins do with a class's roster: RSVP, leave, look up their place,
 * remove someone, check people in. Joining and leaving are requests to the seat engine
 * (seatStore.ts, ADR 0013), which answers each with the member's place once it is committed.
 */
import { FieldValue, Timestamp, type Firestore } from "firebase-admin/firestore";
import type { MyRsvpResponse, Role, RsvpResponse } from "../model/index.js";
import { currentRoleOf } from "../rbac/index.js";
import { DomainError } from "../shared/errors.js";
import { refs } from "../shared/refs.js";
import { runDomainTransaction } from "../shared/transactions.js";
import { loadClass, type LoadedClass } from "./classStore.js";
import type { LineAnswer, LineRequest } from "./line.js";
import { ensureCanMarkAttendance, ensureCheckInOpen } from "./rsvp.js";
import { submitToLine, waitlistPositionOf } from "./seatStore.js";

/** The engine's answer, or the refusal it carries thrown as the DomainError it is. */
async function inLine(db: Firestore, classId: string, request: LineRequest): Promise<LineAnswer> {
  const answer = await submitToLine(db, classId, request);
  if (answer.kind === "refused") throw answer.error;
  return answer;
}

/** RSVPing twice is harmless: an active RSVP keeps its place. */
export async function rsvp(db: Firestore, classId: string, uid: string, nowMs: number): Promise<RsvpResponse> {
  const answer = await inLine(db, classId, { kind: "join", uid, nowMs });
  if (answer.kind === "joined") {
    return answer.status === "confirmed"
      ? { status: "confirmed" }
      : { status: "waitlisted", waitlistPosition: answer.position };
  }
  if (answer.kind !== "kept") throw new Error(`A join was answered ${answer.kind}`);
  if (answer.status === "confirmed") return { status: "confirmed" };
  return { status: "waitlisted", waitlistPosition: await waitlistPositionOf(db, classId, answer.ticket) };
}

/** Leaving (by the member, or removed by the instructor): frees the seat, and the next in line is seated. */
export async function leave(db: Firestore, classId: string, uid: string, nowMs: number): Promise<{ left: boolean }> {
  const answer = await inLine(db, classId, { kind: "leave", uid, nowMs });
  if (answer.kind !== "left") throw new Error(`A leave was answered ${answer.kind}`);
  return { left: answer.left };
}

/**
 * An account being deleted: its place in an upcoming class is given up as a cancellation would
 * (the next in line is seated), and its row is deleted in the same commit.
 */
export async function eraseRsvp(db: Firestore, classId: string, uid: string, nowMs: number): Promise<void> {
  try {
    await inLine(db, classId, { kind: "erase", uid, nowMs });
  } catch (error) {
    // A class deleted since has no line to leave: only the row remains to go.
    if (!(error instanceof DomainError && error.code === "not-found")) throw error;
    await refs(db).attendee(classId, uid).delete();
  }
}

export async function myRsvp(db: Firestore, classId: string, uid: string): Promise<MyRsvpResponse> {
  await loadClass(db, classId);
  const attendee = (await refs(db).attendee(classId, uid).get()).data();
  if (!attendee) return { status: "none" };
  if (attendee.status !== "waitlisted") return { status: attendee.status };
  return { status: attendee.status, waitlistPosition: await waitlistPositionOf(db, classId, attendee.ticket) };
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

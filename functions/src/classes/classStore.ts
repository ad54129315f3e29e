/**
 * Classes in Firestore, as the RSVP use-cases and the triggers need them: loading one, and what
 * follows an instructor's or admin's edit (seats to fill, a roster to tell of a cancellation, the
 * weekly occurrences of a new class) or a promotion (the member to tell). Each reaction is
 * idempotent, because its trigger is delivered at least once and retried after a failure:
 * seats are filled by the seat engine (seatStore.ts), notices and occurrences have
 * deterministic ids and are created only if absent.
 */
import { FieldValue, Timestamp, type Firestore, type WithFieldValue } from "firebase-admin/firestore";
import { classTimeZone, InvalidDocumentError, type FitnessClass } from "../model/index.js";
import { notifyMany } from "../notifications/index.js";
import { DomainError } from "../shared/errors.js";
import { refs } from "../shared/refs.js";
import { createAllAbsent } from "../shared/transactions.js";
import { cancelledNotice, classRefOf, promotedNotice, type ClassRef } from "./notices.js";
import { weeklyOccurrences } from "./recurrence.js";
import { ACTIVE_STATUSES, type ClassTiming } from "./rsvp.js";
import { submitToLine } from "./seatStore.js";

export interface LoadedClass {
  timing: ClassTiming;
  capacity: number;
  ref: ClassRef;
  instructorId: string;
}

export async function loadClass(db: Firestore, classId: string): Promise<LoadedClass> {
  const cls = (await refs(db).class(classId).get()).data();
  if (!cls) throw new DomainError("not-found", "This class does not exist.");
  return {
    timing: { status: cls.status, startsAtMs: cls.startsAt.toMillis() },
    capacity: cls.capacity,
    ref: classRefOf(classId, cls),
    instructorId: cls.instructorId,
  };
}

export interface ClassUpdateOutcome {
  /** Members seated from the waitlist. */
  promoted: number;
  /** Present when this update cancelled the class. */
  cancellation: { roster: number; notified: number } | null;
}

/**
 * After an edit of the class document. A raised capacity, or a seat left free while people wait
 * (a fill the seat engine left for later), seats whoever is next; a cancellation tells everyone
 * on the roster and the waitlist. A second delivery finds nobody left to promote and everybody
 * told.
 */
export async function applyClassUpdate(
  db: Firestore,
  classId: string,
  before: FitnessClass,
  after: FitnessClass,
): Promise<ClassUpdateOutcome> {
  let promoted = 0;
  const { capacity, confirmedCount, waitlistCount } = after;
  if (capacity > before.capacity || (confirmedCount < capacity && waitlistCount > 0)) {
    const answer = await submitToLine(db, classId, { kind: "fill", nowMs: Date.now() });
    if (answer.kind === "filled") promoted = answer.promoted;
  }
  const cancelled = before.status !== "cancelled" && after.status === "cancelled";
  return { promoted, cancellation: cancelled ? await tellRosterOfCancellation(db, classId, after) : null };
}

async function tellRosterOfCancellation(db: Firestore, classId: string, cls: FitnessClass) {
  // Only the ids are needed: select() reads no fields.
  const roster = await refs(db).attendees(classId).where("status", "in", ACTIVE_STATUSES).select().get();
  const notified = await notifyMany(
    db,
    roster.docs.map((d) => d.id),
    cancelledNotice(classRefOf(classId, cls)),
  );
  return { roster: roster.size, notified };
}

/**
 * The next occurrences of a new class with a weekly recurrence, at the same local time in its
 * city; resolves with how many this call created. Their ids derive from the first class, so a
 * second delivery (or a retry after some were written) creates only what is missing.
 */
export async function createOccurrences(db: Firestore, classId: string, cls: FitnessClass): Promise<number> {
  const weeks = cls.recurrence?.weeks;
  if (!weeks) return 0;
  const { recurrence: _recurrence, ...template } = cls;
  const occurrences = weeklyOccurrences(classId, cls.startsAt.toMillis(), weeks, classTimeZone(cls.city));
  return createAllAbsent(
    db,
    occurrences.map((occurrence) => ({
      ref: refs(db).class(occurrence.id),
      data: {
        ...template,
        startsAt: Timestamp.fromMillis(occurrence.startsAtMs),
        recurrence: null,
        seriesId: classId,
        confirmedCount: 0,
        waitlistCount: 0,
        createdAt: FieldValue.serverTimestamp(),
        updatedAt: FieldValue.serverTimestamp(),
      } satisfies WithFieldValue<FitnessClass>,
    })),
  );
}

export type PromotionNoticeOutcome =
  { told: true; delivered: number } | { told: false; reason: "class-missing" | "class-invalid" };

/**
 * "You're in", to a member promoted from the waitlist, on every channel they chose. The notice id
 * is per RSVP (its `ticket`), so a retry tells nobody twice and a member who rejoins and is
 * promoted again is told again.
 */
export async function tellPromoted(
  db: Firestore,
  classId: string,
  uid: string,
  ticket: number,
): Promise<PromotionNoticeOutcome> {
  let cls: FitnessClass | undefined;
  try {
    cls = (await refs(db).class(classId).get()).data();
  } catch (error) {
    // Retrying cannot repair the document: the member is not told, and the log says why.
    if (error instanceof InvalidDocumentError) return { told: false, reason: "class-invalid" };
    throw error;
  }
  if (!cls) return { told: false, reason: "class-missing" };
  const delivered = await notifyMany(db, [uid], promotedNotice(classRefOf(classId, cls), ticket));
  return { told: true, delivered };
}

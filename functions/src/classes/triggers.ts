/**
 * Reactions to instructors' and admins' edits of a class: a capacity increase fills seats from
 * the waitlist, a cancellation tells everyone on the roster and the waitlist, and a new class with
 * a weekly recurrence creates its next occurrences. A member promoted from the waitlist is told
 * on every channel they chose. Each reaction is idempotent (see below), as Firestore delivers
 * events at least once.
 */
import { FieldValue, Timestamp } from "firebase-admin/firestore";
import { onDocumentCreated, onDocumentUpdated } from "firebase-functions/firestore";
import { logger } from "firebase-functions";
import { attendeeSchema, classSchema, documentPatterns, paths } from "../model/index.js";
import { db } from "../shared/firebase.js";
import { createAllAbsent } from "../shared/transactions.js";
import { notifyMany } from "../notifications/inboxStore.js";
import { cancelledNotice, classRefOf, promotedNotice } from "./notices.js";
import { weeklyOccurrences } from "./recurrence.js";
import { reconcileSeats, refreshSeatCounts } from "./rsvpStore.js";

export const onClassUpdated = onDocumentUpdated(documentPatterns.class, async (event) => {
  const before = classSchema.safeParse(event.data?.before.data());
  const after = classSchema.safeParse(event.data?.after.data());
  if (!before.success || !after.success) {
    logger.warn("class update skipped: invalid document", { classId: event.params.classId });
    return;
  }
  const classId = event.params.classId;
  // A raised capacity, or a seat left free by RSVPs that lost every race (see reconcileSeats):
  // seat whoever is next. Reconciling only seats people in line for a free seat now, so a second
  // delivery of the same event finds nobody to promote.
  const { capacity, confirmedCount, waitlistCount } = after.data;
  if (capacity > before.data.capacity || (confirmedCount < capacity && waitlistCount > 0)) {
    const promoted = await reconcileSeats(db(), classId);
    if (promoted > 0) {
      await refreshSeatCounts(db(), classId);
      logger.info("seats filled", { event: "class.seatsFilled", classId, promoted });
    }
  }
  if (before.data.status !== "cancelled" && after.data.status === "cancelled") {
    // Deterministic notice ids make a second delivery a no-op per member.
    const roster = await db()
      .collection(paths.attendees(classId))
      .where("status", "in", ["confirmed", "waitlisted"])
      .get();
    const notice = cancelledNotice(classRefOf(classId, after.data));
    const notified = await notifyMany(
      db(),
      roster.docs.map((d) => d.id),
      notice,
    );
    logger.info("class cancelled", { event: "class.cancelled", classId, roster: roster.size, notified });
  }
});

export const onClassCreated = onDocumentCreated(documentPatterns.class, async (event) => {
  const parsed = classSchema.safeParse(event.data?.data());
  const weeks = parsed.success ? parsed.data.recurrence?.weeks : undefined;
  if (!parsed.success || !weeks) return;
  const { recurrence: _recurrence, ...template } = parsed.data;
  // Occurrence ids derive from the first class, so a second delivery creates nothing.
  await createAllAbsent(
    db(),
    weeklyOccurrences(event.params.classId, parsed.data.startsAt.toMillis(), weeks).map((occurrence) => ({
      ref: db().doc(paths.class(occurrence.id)),
      data: {
        ...template,
        startsAt: Timestamp.fromMillis(occurrence.startsAtMs),
        recurrence: null,
        seriesId: event.params.classId,
        confirmedCount: 0,
        waitlistCount: 0,
        createdAt: FieldValue.serverTimestamp(),
        updatedAt: FieldValue.serverTimestamp(),
      },
    })),
  );
});

/**
 * Outside the promotion's commit, so the member's preferences, quiet hours and devices decide the
 * channels (inboxStore); a promotion that commits always fires this, so nobody goes untold. Only
 * someone who was answered "waitlisted" hears that they got in: a member seated by their own RSVP
 * was simply told "confirmed". The notice id is per place in line, so a retry tells nobody twice.
 */
export const onAttendeePromoted = onDocumentUpdated(documentPatterns.attendee, async (event) => {
  const before = event.data?.before.get("status") as unknown;
  const after = attendeeSchema.safeParse(event.data?.after.data());
  if (before !== "waitlisted" || !after.success || after.data.status !== "confirmed") return;
  if (event.data?.after.get("toldWaitlisted") !== true) return;
  const { classId, uid } = event.params;
  const cls = classSchema.safeParse((await db().doc(paths.class(classId)).get()).data());
  if (!cls.success) {
    logger.warn("promotion notice skipped: invalid class", { classId, uid });
    return;
  }
  const notice = promotedNotice(classRefOf(classId, cls.data), after.data.joinedAt.toMillis());
  const delivered = await notifyMany(db(), [uid], notice);
  logger.info("waitlist promotion notice", { event: "class.promotedNotice", classId, uid, delivered });
});

/**
 * Reactions to instructors' and admins' edits of a class (seats to fill, a cancellation to tell,
 * weekly occurrences to create) and to a promotion from the waitlist (the member to tell), in
 * classStore.ts. Each is retried after a failure and idempotent there, as Firestore delivers
 * events at least once; an event older than MAX_EVENT_AGE_MS is dropped (shared/triggers.ts).
 */
import { onDocumentCreated, onDocumentUpdated } from "firebase-functions/firestore";
import { attendeeSchema, classSchema, patterns } from "../model/index.js";
import { db } from "../shared/firebase.js";
import { dropWhenStale, retried, validEventDocument } from "../shared/triggers.js";
import { applyClassUpdate, createOccurrences, tellPromoted } from "./classStore.js";
import { log } from "./logs.js";
import { isPromotionToTell } from "./rsvp.js";

export const onClassUpdated = onDocumentUpdated(
  retried(patterns.class),
  dropWhenStale("onClassUpdated", async (event) => {
    const before = validEventDocument("onClassUpdated", classSchema, event.data?.before);
    const after = validEventDocument("onClassUpdated", classSchema, event.data?.after);
    if (!before || !after) return;
    const { classId } = event.params;
    const outcome = await applyClassUpdate(db(), classId, before, after);
    if (outcome.promoted > 0) log.seatsFilled(classId, outcome.promoted);
    if (outcome.cancellation) log.classCancelled(classId, outcome.cancellation.roster, outcome.cancellation.notified);
  }),
);

export const onClassCreated = onDocumentCreated(
  retried(patterns.class),
  dropWhenStale("onClassCreated", async (event) => {
    const cls = validEventDocument("onClassCreated", classSchema, event.data);
    if (!cls?.recurrence?.weeks) return;
    const { classId } = event.params;
    const created = await createOccurrences(db(), classId, cls);
    log.occurrencesCreated(classId, cls.recurrence.weeks, created);
  }),
);

/**
 * Outside the promotion's commit, so the member's preferences, quiet hours and devices decide the
 * channels (notifications); a promotion that commits always fires this, so nobody goes untold.
 */
export const onAttendeePromoted = onDocumentUpdated(
  retried(patterns.attendee),
  dropWhenStale("onAttendeePromoted", async (event) => {
    const before = validEventDocument("onAttendeePromoted", attendeeSchema, event.data?.before);
    const after = validEventDocument("onAttendeePromoted", attendeeSchema, event.data?.after);
    if (!before || !after || !isPromotionToTell(before, after)) return;
    const { classId, uid } = event.params;
    const outcome = await tellPromoted(db(), classId, uid, after.ticket);
    if (outcome.told) log.promotedNotice(classId, uid, outcome.delivered);
    else log.promotedNoticeSkipped(classId, uid, outcome.reason);
  }),
);

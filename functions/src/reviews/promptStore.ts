/**
 * Review prompts: once a class has ended, everyone checked in to it is asked to rate it, on the
 * channels they chose. The schedule may fire twice or late; the notice id is per class and the
 * class records that its prompt went out (`remindersSent`, like reminders), so each attendee is
 * asked once. A class is looked for until PROMPT_LOOKBACK_MS after it started, so a missed run
 * only delays the prompt.
 */
import { FieldValue, Timestamp, type Firestore } from "firebase-admin/firestore";
import { classEndsAtMs, InvalidDocumentError } from "../model/index.js";
import { notifyMany } from "../notifications/index.js";
import { refs } from "../shared/refs.js";
import { REVIEW_PROMPT_KEY, reviewPromptNotice } from "./notices.js";

const PROMPT_LOOKBACK_MS = 2 * 24 * 60 * 60_000;

export interface PromptsOutcome {
  /** In-app prompts created. */
  sent: number;
  /** Classes whose attendees were asked. */
  classes: number;
  /** Class documents that do not match their schema: skipped, as a retry cannot fix them. */
  invalid: InvalidDocumentError[];
}

export async function sendDueReviewPrompts(db: Firestore, nowMs: number): Promise<PromptsOutcome> {
  const recent = await refs(db)
    .classes()
    .where("status", "==", "scheduled")
    .where("startsAt", ">", Timestamp.fromMillis(nowMs - PROMPT_LOOKBACK_MS))
    .where("startsAt", "<=", Timestamp.fromMillis(nowMs))
    .get();
  const outcome: PromptsOutcome = { sent: 0, classes: 0, invalid: [] };
  for (const doc of recent.docs) {
    let cls;
    try {
      cls = doc.data();
    } catch (error) {
      if (!(error instanceof InvalidDocumentError)) throw error;
      outcome.invalid.push(error);
      continue;
    }
    const ended = classEndsAtMs({ startsAtMs: cls.startsAt.toMillis(), durationMinutes: cls.durationMinutes }) <= nowMs;
    if (!ended || (cls.remindersSent ?? []).includes(REVIEW_PROMPT_KEY)) continue;
    // Only the ids are needed: select() reads no fields.
    const attended = await refs(db).attendees(doc.id).where("status", "==", "attended").select().get();
    outcome.sent += await notifyMany(
      db,
      attended.docs.map((d) => d.id),
      reviewPromptNotice({ classId: doc.id, title: cls.title }),
    );
    outcome.classes += 1;
    await doc.ref.update({ remindersSent: FieldValue.arrayUnion(REVIEW_PROMPT_KEY) });
  }
  return outcome;
}

/**
 * Class reminders, 24 hours and 1 hour before, for confirmed attendees. The schedule may fire
 * twice or late; notice ids are deterministic and the class records which reminders went out, so
 * each member gets each reminder once. Times in the text are the class city's.
 */
import { FieldValue, Timestamp, type Firestore } from "firebase-admin/firestore";
import { InvalidDocumentError } from "../model/index.js";
import { notifyMany } from "../notifications/index.js";
import { refs } from "../shared/refs.js";
import { REMINDER_WINDOWS, classRefOf, dueReminder, reminderNotice } from "./notices.js";

export interface RemindersOutcome {
  /** In-app reminders created. */
  sent: number;
  /** Classes that had a reminder due. */
  classes: number;
  /** Class documents that do not match their schema: skipped, as a retry cannot fix them. */
  invalid: InvalidDocumentError[];
}

export async function sendDueReminders(db: Firestore, nowMs: number): Promise<RemindersOutcome> {
  const horizon = Math.max(...REMINDER_WINDOWS.map((w) => w.beforeMs));
  const upcoming = await refs(db)
    .classes()
    .where("status", "==", "scheduled")
    .where("startsAt", ">", Timestamp.fromMillis(nowMs))
    .where("startsAt", "<=", Timestamp.fromMillis(nowMs + horizon))
    .get();
  const outcome: RemindersOutcome = { sent: 0, classes: 0, invalid: [] };
  for (const doc of upcoming.docs) {
    let cls;
    try {
      cls = doc.data();
    } catch (error) {
      if (!(error instanceof InvalidDocumentError)) throw error;
      outcome.invalid.push(error);
      continue;
    }
    const key = dueReminder(cls.startsAt.toMillis(), nowMs, cls.remindersSent ?? []);
    if (!key) continue;
    // Only the ids are needed: select() reads no fields.
    const confirmed = await refs(db).attendees(doc.id).where("status", "==", "confirmed").select().get();
    outcome.sent += await notifyMany(
      db,
      confirmed.docs.map((d) => d.id),
      reminderNotice(classRefOf(doc.id, cls), key, nowMs),
    );
    outcome.classes += 1;
    await doc.ref.update({ remindersSent: FieldValue.arrayUnion(key) });
  }
  return outcome;
}

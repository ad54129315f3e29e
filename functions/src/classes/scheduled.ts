/**
 * Class reminders, 24 hours and 1 hour before, for confirmed attendees. The schedule may fire
 * twice or late; notice ids are deterministic and the class records which reminders went out, so
 * each member gets each reminder once.
 */
import { FieldValue, Timestamp } from "firebase-admin/firestore";
import { onSchedule } from "firebase-functions/scheduler";
import { logger } from "firebase-functions";
import { classSchema, collections, paths } from "../model/index.js";
import { db } from "../shared/firebase.js";
import { notifyMany } from "../notifications/inboxStore.js";
import { REMINDER_WINDOWS, classRefOf, dueReminder, reminderNotice } from "./notices.js";

export async function sendDueReminders(nowMs: number): Promise<number> {
  const horizon = Math.max(...REMINDER_WINDOWS.map((w) => w.beforeMs));
  const upcoming = await db()
    .collection(collections.classes)
    .where("status", "==", "scheduled")
    .where("startsAt", ">", Timestamp.fromMillis(nowMs))
    .where("startsAt", "<=", Timestamp.fromMillis(nowMs + horizon))
    .get();
  let sent = 0;
  for (const doc of upcoming.docs) {
    const cls = classSchema.safeParse(doc.data());
    if (!cls.success) continue;
    const key = dueReminder(cls.data.startsAt.toMillis(), nowMs, cls.data.remindersSent ?? []);
    if (!key) continue;
    const confirmed = await db().collection(paths.attendees(doc.id)).where("status", "==", "confirmed").get();
    const notice = reminderNotice(classRefOf(doc.id, cls.data), key);
    sent += await notifyMany(
      db(),
      confirmed.docs.map((d) => d.id),
      notice,
    );
    await doc.ref.update({ remindersSent: FieldValue.arrayUnion(key) });
  }
  return sent;
}

export const sendClassReminders = onSchedule("every 15 minutes", async () => {
  const sent = await sendDueReminders(Date.now());
  logger.info("class reminders", { event: "class.remindersSent", sent });
});

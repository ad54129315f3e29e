/** The classes feature's scheduled job: reminders (reminderStore.ts). */
import { onSchedule } from "firebase-functions/scheduler";
import { db } from "../shared/firebase.js";
import { log as edgeLog } from "../shared/logs.js";
import { log } from "./logs.js";
import { sendDueReminders } from "./reminderStore.js";

export const sendClassReminders = onSchedule("every 15 minutes", async () => {
  const outcome = await sendDueReminders(db(), Date.now());
  for (const invalid of outcome.invalid)
    edgeLog.invalidDocumentSkipped("sendClassReminders", invalid.path, invalid.issues);
  log.remindersSent(outcome.sent, outcome.classes);
});

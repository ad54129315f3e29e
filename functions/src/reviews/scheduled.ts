/** The reviews feature's scheduled job: asking attendees to rate a class that ended (promptStore.ts). */
import { onSchedule } from "firebase-functions/scheduler";
import { db } from "../shared/firebase.js";
import { log as edgeLog } from "../shared/logs.js";
import { log } from "./logs.js";
import { sendDueReviewPrompts } from "./promptStore.js";

export const sendReviewPrompts = onSchedule("every 15 minutes", async () => {
  const outcome = await sendDueReviewPrompts(db(), Date.now());
  for (const invalid of outcome.invalid)
    edgeLog.invalidDocumentSkipped("sendReviewPrompts", invalid.path, invalid.issues);
  log.promptsSent(outcome.sent, outcome.classes);
});

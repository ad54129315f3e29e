/**
 * The daily queue refresh: scores drift as members act, attend classes and match, and triggers
 * only follow changes to the member who changed. Each queue is rebuilt from scratch, so a late or
 * doubled run does no harm.
 */
import { onSchedule } from "firebase-functions/scheduler";
import { db } from "../shared/firebase.js";
import { log } from "./logs.js";
import { refreshAllQueues } from "./queueRebuildStore.js";

export const refreshCandidateQueues = onSchedule({ schedule: "every day 04:00", timeoutSeconds: 540 }, async () => {
  log.allQueuesRefreshed(await refreshAllQueues(db()));
});

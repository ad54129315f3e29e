/**
 * The daily queue refresh: scores drift as members act, attend classes and match, and triggers
 * only follow changes to the member who changed. Each queue is rebuilt from scratch, so a late or
 * doubled run does no harm.
 */
import { onSchedule } from "firebase-functions/scheduler";
import { logger } from "firebase-functions";
import { db } from "../shared/firebase.js";
import { refreshAllQueues } from "./candidateStore.js";

export const refreshCandidateQueues = onSchedule({ schedule: "every day 04:00", timeoutSeconds: 540 }, async () => {
  const refreshed = await refreshAllQueues(db());
  logger.info("candidate queues refreshed", { event: "matching.queuesRefreshed", refreshed });
});

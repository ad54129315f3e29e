/**
 * The privacy feature's scheduled jobs: deleting what is past its retention period (retention.ts),
 * and running account deletions whose grace period has ended (deletionStore.ts).
 */
import { onSchedule } from "firebase-functions/scheduler";
import { auth, db } from "../shared/firebase.js";
import { processDueAccountDeletions } from "./deletionStore.js";
import { log } from "./logs.js";
import { applyRetention } from "./retentionStore.js";

export const applyRetentionPolicies = onSchedule({ schedule: "every day 03:45", timeoutSeconds: 540 }, async () => {
  log.retentionApplied(await applyRetention(db(), Date.now()));
});

/** Every 15 minutes: a deletion is due within a quarter of an hour of its date, and an interrupted one resumes. */
export const processAccountDeletions = onSchedule({ schedule: "every 15 minutes", timeoutSeconds: 540 }, async () => {
  log.deletionsProcessed(await processDueAccountDeletions(db(), auth(), Date.now()));
});

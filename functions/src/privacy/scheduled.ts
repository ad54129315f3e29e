/** The privacy feature's scheduled job: deleting what is past its retention period (retention.ts). */
import { onSchedule } from "firebase-functions/scheduler";
import { db } from "../shared/firebase.js";
import { log } from "./logs.js";
import { applyRetention } from "./retentionStore.js";

export const applyRetentionPolicies = onSchedule({ schedule: "every day 03:45", timeoutSeconds: 540 }, async () => {
  log.retentionApplied(await applyRetention(db(), Date.now()));
});

import { onSchedule } from "firebase-functions/scheduler";
import { SUSPENSION_SWEEP_MINUTES } from "../model/index.js";
import { db } from "../shared/firebase.js";
import { log } from "./logs.js";
import { liftExpiredSuspensions as lift } from "./moderationStore.js";

/**
 * Lifts suspensions that have run out. Rules and callables already stop at `until`; this brings
 * the member back into Discover (users/{uid}.disabled) and records it in the audit log.
 */
export const liftExpiredSuspensions = onSchedule(`every ${SUSPENSION_SWEEP_MINUTES} minutes`, async () => {
  log.suspensionsLifted(await lift(db()));
});

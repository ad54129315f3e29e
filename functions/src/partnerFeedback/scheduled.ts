/** The partner feedback feature's scheduled job: applying answers whose window closed unanswered. */
import { onSchedule } from "firebase-functions/scheduler";
import { db } from "../shared/firebase.js";
import { applyClosedFeedback } from "./feedbackStore.js";
import { log } from "./logs.js";

export const applyClosedPartnerFeedback = onSchedule("every 60 minutes", async () => {
  const { applied } = await applyClosedFeedback(db(), Date.now());
  log.closedApplied(applied);
});

/** Named log events of the reviews feature (see shared/logs.ts). */
import { logger } from "firebase-functions";

export const log = {
  reviewed: (classId: string, uid: string, status: string, flags: readonly string[]) =>
    logger.info("class reviewed", { event: "review.submitted", classId, uid, status, flags }),
  replied: (classId: string, uid: string, actorUid: string) =>
    logger.info("review answered", { event: "review.replied", classId, uid, actorUid }),
  reported: (classId: string, uid: string, reporterUid: string, reason: string) =>
    logger.info("review reported", { event: "review.reported", classId, uid, reporterUid, reason }),
  moderated: (classId: string, uid: string, action: string, actorUid: string) =>
    logger.info("review moderated", { event: "review.moderated", classId, uid, action, actorUid }),
  promptsSent: (sent: number, classes: number) =>
    logger.info("review prompts sent", { event: "review.promptsSent", sent, classes }),
  summariesRefreshed: (classId: string, uid: string, subjects: number) =>
    logger.info("rating summaries refreshed", { event: "review.summariesRefreshed", classId, uid, subjects }),
};

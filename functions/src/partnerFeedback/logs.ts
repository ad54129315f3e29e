/** Named log events of the partner feedback feature (see shared/logs.ts). Answers are never logged. */
import { logger } from "firebase-functions";

export const log = {
  given: (classId: string, authorUid: string, subjectUid: string, recorded: boolean) =>
    logger.info("partner feedback given", { event: "partnerFeedback.given", classId, authorUid, subjectUid, recorded }),
  closedApplied: (applied: number) =>
    logger.info("closed partner feedback applied", { event: "partnerFeedback.closedApplied", applied }),
};

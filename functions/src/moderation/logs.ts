/** Named log events of the moderation feature (see shared/logs.ts). */
import { logger } from "firebase-functions";

export const log = {
  moderated: (action: string, targetUid: string, actorUid: string) =>
    logger.info("member moderated", { event: "moderation.member", action, targetUid, actorUid }),
  reportClosed: (reportId: string, outcome: string, actorUid: string) =>
    logger.info("report closed", { event: "moderation.report", reportId, outcome, actorUid }),
  suspensionsLifted: (lifted: number) =>
    logger.info("expired suspensions lifted", { event: "moderation.lifted", lifted }),
};

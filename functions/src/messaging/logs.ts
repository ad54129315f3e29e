/** Named log events of the messaging feature (see shared/logs.ts). */
import { logger } from "firebase-functions";

export const log = {
  messageSkipped: (conversationId: string, messageId: string, reason: string) =>
    logger.warn("message skipped", { event: "message.skipped", conversationId, messageId, reason }),
  classChatMember: (classId: string, uid: string, change: string) =>
    logger.info("class chat member", { event: "classChat.member", classId, uid, change }),
  classChatClosed: (classId: string) => logger.info("class chat closed", { event: "classChat.closed", classId }),
};

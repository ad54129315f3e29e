/** Named log events of the social feature (see shared/logs.ts). */
import { logger } from "firebase-functions";
import type { ConnectionAction } from "../model/index.js";

export const log = {
  connectionChanged: (uid: string, otherUid: string, action: ConnectionAction, changed: boolean) =>
    logger.info("connection changed", { event: "social.connectionChanged", uid, otherUid, action, changed }),
  connectionSevered: (uid: string, otherUid: string, cause: "block", severed: boolean) =>
    logger.info("connection severed", { event: "social.connectionSevered", uid, otherUid, cause, severed }),
  activityPublished: (uid: string, activityId: string, readers: number) =>
    logger.info("activity published", { event: "social.activityPublished", uid, activityId, readers }),
  activityWithdrawn: (uid: string, classId: string, copies: number) =>
    logger.info("activity withdrawn", { event: "social.activityWithdrawn", uid, classId, copies }),
  kudosGiven: (uid: string, activityId: string, given: boolean, changed: boolean) =>
    logger.info("kudos given", { event: "social.kudosGiven", uid, activityId, given, changed }),
  commentAdded: (uid: string, activityId: string, commentId: string, created: boolean) =>
    logger.info("comment added", { event: "social.commentAdded", uid, activityId, commentId, created }),
  commentDeleted: (uid: string, activityId: string, commentId: string, deleted: boolean) =>
    logger.info("comment deleted", { event: "social.commentDeleted", uid, activityId, commentId, deleted }),
  reactionsRetracted: (uid: string, otherUid: string, retracted: number) =>
    logger.info("reactions retracted", { event: "social.reactionsRetracted", uid, otherUid, retracted }),
};

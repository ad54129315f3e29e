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
};

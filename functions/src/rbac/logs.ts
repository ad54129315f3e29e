/** Named log events of the roles feature (see shared/logs.ts). */
import { logger } from "firebase-functions";

export const log = {
  roleChanged: (targetUid: string, from: string | null, to: string, actor: string) =>
    logger.info("role changed", { event: "role.changed", targetUid, from, to, actor }),
};

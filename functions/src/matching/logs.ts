/** Named log events of the matching feature (see shared/logs.ts). */
import { logger } from "firebase-functions";
import type { MatchAction } from "../model/index.js";
import type { MatchOutcome } from "./matchStore.js";
import type { RefreshResult } from "./queueRebuildStore.js";

/** What made a member's queues stale. */
export type RefreshCause = "profile" | "location" | "preferences";

export const log = {
  matchActionApplied: (uid: string, targetUid: string, action: MatchAction, outcome: MatchOutcome) =>
    logger.info("match action", { event: "matching.action", uid, targetUid, action, outcome }),
  memberBlocked: (uid: string, otherUid: string, dissolved: boolean) =>
    logger.info("member blocked", { event: "matching.blocked", uid, otherUid, dissolved }),
  queuesRefreshed: (uid: string, cause: RefreshCause, result: RefreshResult) =>
    logger.info("queues refreshed", { event: "matching.refreshed", uid, cause, ...result }),
  queuesAlreadyFresh: (uid: string, cause: RefreshCause) =>
    logger.debug("queues already rebuilt after this change", { event: "matching.alreadyFresh", uid, cause }),
  allQueuesRefreshed: (refreshed: number) =>
    logger.info("candidate queues refreshed", { event: "matching.queuesRefreshed", refreshed }),
};

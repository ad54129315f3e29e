/** Named log events of the privacy feature (see shared/logs.ts). */
import { logger } from "firebase-functions";

export const log = {
  retentionApplied: (deleted: Record<string, number>) =>
    logger.info("retention applied", { event: "privacy.retentionApplied", deleted }),
  exportRequested: (uid: string, exportId: string) =>
    logger.info("data export requested", { event: "privacy.exportRequested", uid, exportId }),
  exportBuilt: (exportId: string, outcome: string) =>
    logger.info("data export built", { event: "privacy.exportBuilt", exportId, outcome }),
  exportFailed: (exportId: string, error: unknown) =>
    logger.error("data export failed", { event: "privacy.exportFailed", exportId, error: String(error) }),
  deletionRequested: (uid: string, deleteAfterMs: number) =>
    logger.info("account deletion requested", { event: "privacy.deletionRequested", uid, deleteAfterMs }),
  deletionCancelled: (uid: string) =>
    logger.info("account deletion cancelled", { event: "privacy.deletionCancelled", uid }),
  accountDeleted: (uid: string, byUid: string) =>
    logger.info("account deleted by an admin", { event: "privacy.accountDeleted", uid, byUid }),
  deletionsProcessed: (outcomes: Record<string, number>) =>
    logger.info("account deletions processed", { event: "privacy.deletionsProcessed", outcomes }),
};

/** Named log events of the privacy feature (see shared/logs.ts). */
import { logger } from "firebase-functions";

export const log = {
  retentionApplied: (deleted: Record<string, number>) =>
    logger.info("retention applied", { event: "privacy.retentionApplied", deleted }),
};

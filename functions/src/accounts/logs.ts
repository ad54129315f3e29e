/** Named log events of the accounts feature (see shared/logs.ts). */
import { logger } from "firebase-functions";

export const log = {
  accountProvisioned: (uid: string, created: boolean) =>
    logger.info("account provisioned", { event: "account.provisioned", uid, created }),
};

/**
 * Structured logs: one named function per event, so every log line of a feature can be found by
 * name and has the same fields each time (Cloud Logging indexes the JSON payload).
 */
import { logger } from "firebase-functions";

export const log = {
  accountProvisioned: (uid: string, created: boolean) =>
    logger.info("account provisioned", { event: "account.provisioned", uid, created }),
  roleChanged: (targetUid: string, from: string | null, to: string, actor: string) =>
    logger.info("role changed", { event: "role.changed", targetUid, from, to, actor }),
  callableRejected: (name: string, code: string, message: string) =>
    logger.warn("callable rejected", { event: "callable.rejected", callable: name, code, message }),
  callableFailed: (name: string, error: unknown) =>
    logger.error("callable failed", {
      event: "callable.failed",
      callable: name,
      error: error instanceof Error ? error.stack : String(error),
    }),
};

/**
 * Structured logs of the shared edges (callables, triggers): one named function per event, so every
 * log line can be found by name and has the same fields each time (Cloud Logging indexes the JSON
 * payload). Each feature has its own `logs.ts` in the same form; nothing else calls `logger`.
 */
import { logger } from "firebase-functions";

export const errorText = (error: unknown): string =>
  error instanceof Error ? (error.stack ?? error.message) : String(error);

export const log = {
  callableRejected: (name: string, code: string, message: string) =>
    logger.warn("callable rejected", { event: "callable.rejected", callable: name, code, message }),
  callableFailed: (name: string, error: unknown) =>
    logger.error("callable failed", { event: "callable.failed", callable: name, error: errorText(error) }),
  staleEventDropped: (trigger: string, eventId: string, ageMs: number) =>
    logger.error("stale event dropped", { event: "trigger.staleEventDropped", trigger, eventId, ageMs }),
  invalidDocumentSkipped: (trigger: string, path: string, issues: string) =>
    logger.warn("invalid document skipped", { event: "trigger.invalidDocumentSkipped", trigger, path, issues }),
};

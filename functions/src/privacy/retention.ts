/**
 * How long Numina keeps what it no longer needs, as data: each policy is what, how long, and why.
 * Pure. retentionStore.ts enforces them daily; docs/privacy.md lists them beside the retention
 * that other features enforce themselves (the notification clean-up, TTL policies).
 */
import type { MailDelivery } from "../model/index.js";

export const RETENTION_POLICIES = {
  deliveredMail: {
    what: "Outbox emails that were delivered or given up on",
    days: 30,
    why: "An address and a message body are needed until the email is sent; a month more answers support questions about it",
  },
  closedReports: {
    what: "Reports a moderator actioned or dismissed",
    days: 365,
    why: "A year of history shows a pattern of abuse across reports; older closed reports no longer do",
  },
  auditLogs: {
    what: "Audit log entries of privileged actions",
    days: 6 * 365,
    why: "Evidence of who did what to an account, for the six years in which a claim about it can be brought (UK limitation period)",
  },
  dataExports: {
    what: "Data exports and their archives",
    days: 7,
    why: "A member has a week to download their archive; a copy of everything about them should not sit longer than that",
  },
  messageReceipts: {
    what: "Receipts of applied messages",
    days: 30,
    why: "They only stop a redelivered event from counting twice, and events are not redelivered after a few days",
  },
} as const;
export type RetentionPolicy = keyof typeof RETENTION_POLICIES;

const DAY_MS = 24 * 60 * 60_000;

/** Anything older than this is past the policy's period. */
export const retentionCutoffMs = (policy: RetentionPolicy, nowMs: number) =>
  nowMs - RETENTION_POLICIES[policy].days * DAY_MS;

/** An email is done with once sent or abandoned; pending and retrying ones stay, however old. */
export const mailIsFinished = (delivery: Pick<MailDelivery, "state">) =>
  delivery.state === "SUCCESS" || delivery.state === "ERROR";

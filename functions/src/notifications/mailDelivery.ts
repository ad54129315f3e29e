/**
 * The outbox state machine, as pure decisions (mailStore.ts applies them in transactions):
 *
 *   PENDING ──claim──► PROCESSING (lease) ──sent──► SUCCESS
 *   RETRY, once due ─claim─┘  │ failed, attempts left ──► RETRY (nextAttemptAt)
 *                             │ failed, no attempts left ──► ERROR
 *                             └ lease expired ──► ERROR
 *
 * The first attempt runs in the trigger on creation; retries run in the scheduled sweep. Each
 * email therefore wakes one trigger, not one per state change.
 *
 * An expired lease becomes ERROR, never a resend: the SMTP server may have accepted the message
 * before the attempt died, and a second copy is worse than a recorded failure.
 */
import type { MailDelivery } from "../model/index.js";

export const MAIL_MAX_ATTEMPTS = 5;
/** Longer than nodemailer's own connection and greeting timeouts, so a live attempt never loses its lease. */
export const MAIL_LEASE_MS = 120_000;
const FIRST_RETRY_MS = 60_000;
const MAX_RETRY_MS = 60 * 60_000;

/** Wait before attempt `attempts + 1`: 1, 2, 4, 8 minutes…, at most an hour. */
export function retryDelayMs(attempts: number): number {
  return Math.min(MAX_RETRY_MS, FIRST_RETRY_MS * 2 ** Math.max(0, attempts - 1));
}

export function pendingDelivery(): MailDelivery {
  return {
    state: "PENDING",
    attempts: 0,
    startTime: null,
    endTime: null,
    leaseExpireTime: null,
    nextAttemptAt: null,
    error: null,
    info: null,
  };
}

export type ClaimDecision = "claim" | "expire-lease" | "leave";

/** What a delivery worker does on seeing the document at `nowMs`. */
export function claimDecision(
  delivery: Pick<MailDelivery, "state" | "leaseExpireTime" | "nextAttemptAt">,
  nowMs: number,
): ClaimDecision {
  if (delivery.state === "PENDING") return "claim";
  if (delivery.state === "RETRY" && delivery.nextAttemptAt && delivery.nextAttemptAt.toMillis() <= nowMs)
    return "claim";
  if (delivery.state === "PROCESSING" && delivery.leaseExpireTime && delivery.leaseExpireTime.toMillis() <= nowMs) {
    return "expire-lease";
  }
  return "leave";
}

/** After a failed attempt (the `attempts`-th): retry later, or give up. */
export function afterFailure(
  attempts: number,
  nowMs: number,
): { state: "RETRY"; nextAttemptAtMs: number } | { state: "ERROR" } {
  return attempts >= MAIL_MAX_ATTEMPTS
    ? { state: "ERROR" }
    : { state: "RETRY", nextAttemptAtMs: nowMs + retryDelayMs(attempts) };
}

export interface OutgoingMail {
  from: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  headers: Record<string, string>;
}

/**
 * The message handed to SMTP: the outbox content with the signed unsubscribe link filled in and
 * announced in List-Unsubscribe (and List-Unsubscribe-Post, for one-click unsubscribe in mail apps).
 */
export function composeMail(
  mail: { to: string; message: { subject: string; text: string; html: string }; headers: Record<string, string> },
  from: string,
  unsubscribeUrl: string | null,
  slot: string,
): OutgoingMail {
  const fill = (s: string) => (unsubscribeUrl ? s.split(slot).join(unsubscribeUrl) : s);
  return {
    from,
    to: mail.to,
    subject: mail.message.subject,
    text: fill(mail.message.text),
    html: fill(mail.message.html.split(slot).join(unsubscribeUrl ? escapeAttribute(unsubscribeUrl) : "")),
    headers: {
      ...mail.headers,
      ...(unsubscribeUrl
        ? { "List-Unsubscribe": `<${unsubscribeUrl}>`, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" }
        : {}),
    },
  };
}

const escapeAttribute = (s: string) => s.replace(/&/g, "&amp;").replace(/"/g, "&quot;");

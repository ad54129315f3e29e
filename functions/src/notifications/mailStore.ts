/**
 * The email outbox (`mail/{id}`, valid documents of the "Trigger Email" extension) and its
 * delivery over SMTP. The transitions are decided in mailDelivery.ts; here they are applied, each
 * claim in a transaction, so two workers on one document (a retried trigger, the sweep) send it
 * once.
 */
import { FieldValue, Timestamp, type Firestore, type WithFieldValue } from "firebase-admin/firestore";
import type { Mail, MailKind, NotificationType } from "../model/index.js";
import { refs } from "../shared/refs.js";
import { GRPC, grpcCode } from "../shared/transactions.js";
import {
  MAIL_LEASE_MS,
  afterFailure,
  claimDecision,
  composeMail,
  pendingDelivery,
  type OutgoingMail,
} from "./mailDelivery.js";
import { UNSUBSCRIBE_URL_SLOT, type EmailContent } from "./templates.js";
import { dataOrAbsent } from "../shared/firestore.js";
import { unsubscribeUrl } from "./unsubscribe.js";

/** What nodemailer's transporter offers, and all the delivery needs. */
export interface MailTransport {
  sendMail(mail: OutgoingMail): Promise<{ messageId?: string; accepted?: unknown[]; rejected?: unknown[] }>;
}

export interface NewMail {
  to: string;
  content: EmailContent;
  kind: MailKind;
  uid: string | null;
  unsubscribe: { uid: string; topic: NotificationType } | null;
  /** The other members the email names; [] for an email about the account alone. */
  aboutUids: string[];
}

export function newMailDocument(input: NewMail) {
  return {
    to: input.to,
    message: input.content,
    headers: {},
    kind: input.kind,
    uid: input.uid,
    unsubscribe: input.unsubscribe,
    aboutUids: input.aboutUids,
    delivery: pendingDelivery(),
    createdAt: FieldValue.serverTimestamp(),
  } satisfies WithFieldValue<Mail>;
}

/** Queues one email under a deterministic id; false if that email was already queued. */
export async function enqueueMail(db: Firestore, id: string, mail: NewMail): Promise<boolean> {
  try {
    await refs(db).mail(id).create(newMailDocument(mail));
    return true;
  } catch (error) {
    if (grpcCode(error) === GRPC.ALREADY_EXISTS) return false;
    throw error;
  }
}

export interface MailConfig {
  transport: MailTransport;
  from: string;
  /** Base URL and secret of the unsubscribe endpoint. */
  unsubscribe: { endpoint: string; secret: string };
  now?: () => number;
}

export type DeliveryOutcome = "sent" | "failed" | "skipped" | "lease-expired";

const addresses = (list: unknown[] | undefined) => (list ?? []).map((a) => String(a));

/**
 * The transaction every worker runs first: claims a PENDING email (PROCESSING, with a lease), or
 * ends an attempt whose lease ran out, or leaves the document alone.
 */
function claimMail(db: Firestore, id: string, nowMs: number): Promise<Mail | "skipped" | "lease-expired"> {
  const ref = refs(db).mail(id);
  return db.runTransaction(async (tx) => {
    const mail = dataOrAbsent(await tx.get(ref));
    if (!mail) return "skipped";
    const decision = claimDecision(mail.delivery, nowMs);
    if (decision === "leave") return "skipped";
    if (decision === "expire-lease") {
      tx.update(ref, {
        "delivery.state": "ERROR",
        "delivery.error": "The sending attempt did not finish in time; not resent, to avoid a duplicate.",
        "delivery.endTime": Timestamp.fromMillis(nowMs),
        "delivery.leaseExpireTime": null,
      });
      return "lease-expired";
    }
    const attempts = mail.delivery.attempts + 1;
    tx.update(ref, {
      "delivery.state": "PROCESSING",
      "delivery.attempts": attempts,
      "delivery.startTime": Timestamp.fromMillis(nowMs),
      "delivery.leaseExpireTime": Timestamp.fromMillis(nowMs + MAIL_LEASE_MS),
      "delivery.nextAttemptAt": null,
    });
    return { ...mail, delivery: { ...mail.delivery, attempts } };
  });
}

/** Sends `mail/{id}` if it is PENDING, recording every step on the document. */
export async function deliverMail(db: Firestore, id: string, config: MailConfig): Promise<DeliveryOutcome> {
  const now = config.now ?? Date.now;
  const ref = refs(db).mail(id);
  const claimed = await claimMail(db, id, now());
  if (claimed === "skipped" || claimed === "lease-expired") return claimed;

  const link = claimed.unsubscribe
    ? unsubscribeUrl(
        config.unsubscribe.endpoint,
        config.unsubscribe.secret,
        claimed.unsubscribe.uid,
        claimed.unsubscribe.topic,
      )
    : null;
  let info: Awaited<ReturnType<MailTransport["sendMail"]>>;
  try {
    info = await config.transport.sendMail(composeMail(claimed, config.from, link, UNSUBSCRIBE_URL_SLOT));
  } catch (error) {
    const nowMs = now();
    const next = afterFailure(claimed.delivery.attempts, nowMs);
    await ref.update({
      "delivery.state": next.state,
      "delivery.endTime": Timestamp.fromMillis(nowMs),
      "delivery.leaseExpireTime": null,
      "delivery.nextAttemptAt": next.state === "RETRY" ? Timestamp.fromMillis(next.nextAttemptAtMs) : null,
      "delivery.error": error instanceof Error ? error.message : String(error),
    });
    return "failed";
  }
  // Outside the try: if recording the success fails, the email stays PROCESSING and its lease
  // runs out into ERROR. Recording it as a failed attempt would have it sent again.
  await ref.update({
    "delivery.state": "SUCCESS",
    "delivery.endTime": Timestamp.fromMillis(now()),
    "delivery.leaseExpireTime": null,
    "delivery.error": null,
    "delivery.info": {
      messageId: info.messageId ?? null,
      accepted: addresses(info.accepted),
      rejected: addresses(info.rejected),
    },
  });
  return "sent";
}

/**
 * Retries the emails whose backoff is over and ends attempts whose lease ran out. Resolves with
 * how many of each.
 */
export async function sweepOutbox(
  db: Firestore,
  nowMs: number,
  config: MailConfig,
): Promise<{ retried: number; sent: number; expired: number }> {
  const now = Timestamp.fromMillis(nowMs);
  const due = await refs(db)
    .outbox()
    .where("delivery.state", "==", "RETRY")
    .where("delivery.nextAttemptAt", "<=", now)
    .limit(100)
    .get();
  let sent = 0;
  for (const doc of due.docs) {
    if ((await deliverMail(db, doc.id, { ...config, now: () => nowMs })) === "sent") sent += 1;
  }
  const stuck = await refs(db)
    .outbox()
    .where("delivery.state", "==", "PROCESSING")
    .where("delivery.leaseExpireTime", "<=", now)
    .limit(100)
    .get();
  let expired = 0;
  for (const doc of stuck.docs) {
    if ((await claimMail(db, doc.id, nowMs)) === "lease-expired") expired += 1;
  }
  return { retried: due.size, sent, expired };
}

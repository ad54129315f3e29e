/**
 * Email delivery, the welcome email and the cap on devices. All retry (shared/triggers.ts) and are
 * idempotent.
 *
 * deliverQueuedMail never sends an email twice, however often its event is delivered: every
 * attempt first claims the email in a transaction (PENDING, or a RETRY whose backoff is over, to
 * PROCESSING with a lease), and nothing claims a PROCESSING email. A redelivery after a run that
 * died before, during or after the send finds the email claimed and leaves it; once the lease
 * runs out it becomes ERROR, never a resend (mailDelivery.ts). Retrying matters for the other
 * case: a run that failed before its claim committed leaves the email PENDING, which only this
 * trigger picks up (the sweep handles RETRY and expired leases).
 *
 * capMemberDevices retries because a run that failed (contention, a Firestore blip) would leave
 * the member above the cap until they next register a device; it is idempotent because it works
 * out the whole set to drop from what is stored, so a second run finds nothing beyond the cap.
 */
import { onDocumentCreated } from "firebase-functions/firestore";
import { patterns, privateSettingsSchema } from "../model/index.js";
import { auth, db } from "../shared/firebase.js";
import { dropWhenStale, retried, validEventDocument } from "../shared/triggers.js";
import { queueWelcomeEmail } from "./accountMailStore.js";
import { appOrigin, mailConfig, smtpUrl, unsubscribeSecret } from "./configStore.js";
import { log } from "./logs.js";
import { deliverMail } from "./mailStore.js";
import { capDevices } from "./pushStore.js";

export const deliverQueuedMail = onDocumentCreated(
  retried(patterns.mail, { secrets: [smtpUrl, unsubscribeSecret] }),
  dropWhenStale("deliverQueuedMail", async (event) => {
    const mailId = event.params.mailId;
    log.mailDelivery(mailId, await deliverMail(db(), mailId, mailConfig()));
  }),
);

export const sendWelcomeEmail = onDocumentCreated(
  retried(patterns.privateSettings),
  dropWhenStale("sendWelcomeEmail", async (event) => {
    const settings = validEventDocument("sendWelcomeEmail", privateSettingsSchema, event.data);
    if (!settings) return;
    const uid = event.params.uid;
    const outcome = await queueWelcomeEmail({ db: db(), auth: auth(), appUrl: appOrigin() }, uid, settings.email);
    log.welcomeEmail(uid, outcome);
  }),
);

/** A member's devices are capped: registering one more drops their oldest (model/limits.ts). */
export const capMemberDevices = onDocumentCreated(
  retried(patterns.device),
  dropWhenStale("capMemberDevices", async (event) => {
    const uid = event.params.uid;
    const dropped = await capDevices(db(), uid);
    if (dropped > 0) log.devicesCapped(uid, dropped);
  }),
);

/**
 * Email delivery and the welcome email. Delivery follows the outbox state machine (mailStore.ts):
 * every write to `mail/{id}` wakes this trigger, and only a PENDING email is claimed and sent, so
 * the trigger's own updates and any redelivered event change nothing.
 */
import { onDocumentCreated, onDocumentWritten } from "firebase-functions/firestore";
import { logger } from "firebase-functions";
import { createTransport } from "nodemailer";
import { notificationPatterns, paths } from "../model/index.js";
import { db } from "../shared/firebase.js";
import { appOrigin, mailFrom, smtpUrl, unsubscribeEndpoint, unsubscribeSecret } from "./configStore.js";
import { deliverMail, enqueueMail, type MailTransport } from "./mailStore.js";
import { welcomeEmail } from "./templates.js";

let transport: { url: string; transport: MailTransport } | null = null;
/** One pooled SMTP connection per instance, rebuilt only if the URL changes. */
function transportFor(url: string): MailTransport {
  if (transport?.url !== url) transport = { url, transport: createTransport(url) };
  return transport.transport;
}

export const deliverQueuedMail = onDocumentWritten(
  { document: notificationPatterns.mail, secrets: [smtpUrl, unsubscribeSecret] },
  async (event) => {
    if (event.data?.after.get("delivery.state") !== "PENDING") return;
    const mailId = event.params.mailId;
    const outcome = await deliverMail(db(), mailId, {
      transport: transportFor(smtpUrl.value()),
      from: mailFrom.value(),
      unsubscribe: { endpoint: unsubscribeEndpoint.value(), secret: unsubscribeSecret.value() },
    });
    logger.info("mail delivery", { event: "mail.delivery", mailId, outcome });
  },
);

/** The welcome email, once per account: its id is the member's, and it is created only if absent. */
export const sendWelcomeEmail = onDocumentCreated(notificationPatterns.privateSettings, async (event) => {
  const uid = event.params.uid;
  const email = event.data?.get("email") as unknown;
  if (typeof email !== "string" || !email.includes("@")) return;
  const profile = await db().doc(paths.user(uid)).get();
  const name = (profile.get("displayName") as string | undefined) ?? "there";
  await enqueueMail(db(), `welcome-${uid}`, {
    to: email,
    content: welcomeEmail({ name, appUrl: appOrigin() }),
    template: "welcome",
    uid,
    unsubscribe: null,
  });
});

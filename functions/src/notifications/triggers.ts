/**
 * Email delivery and the welcome email. Delivery follows the outbox state machine
 * (mailDelivery.ts): a new email is claimed and sent here, once; a redelivered event finds it
 * claimed and does nothing. Retries are the scheduled sweep's (scheduled.ts).
 */
import { onDocumentCreated } from "firebase-functions/firestore";
import { logger } from "firebase-functions";
import { notificationPatterns, paths } from "../model/index.js";
import { db } from "../shared/firebase.js";
import { appOrigin, mailConfig, smtpUrl, unsubscribeSecret } from "./configStore.js";
import { deliverMail, enqueueMail } from "./mailStore.js";
import { welcomeEmail } from "./templates.js";

export const deliverQueuedMail = onDocumentCreated(
  { document: notificationPatterns.mail, secrets: [smtpUrl, unsubscribeSecret] },
  async (event) => {
    const mailId = event.params.mailId;
    const outcome = await deliverMail(db(), mailId, mailConfig());
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

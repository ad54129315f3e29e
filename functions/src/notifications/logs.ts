/** Named log events of the notifications feature (see shared/logs.ts). */
import { logger } from "firebase-functions";

export const log = {
  mailDelivery: (mailId: string, outcome: string) =>
    logger.info("mail delivery", { event: "mail.delivery", mailId, outcome }),
  mailSwept: (swept: { retried: number; sent: number; expired: number }) =>
    logger.info("mail outbox swept", { event: "mail.swept", ...swept }),
  welcomeEmail: (uid: string, outcome: string) => logger.info("welcome email", { event: "mail.welcome", uid, outcome }),
  pushLogged: (tokens: number, title: string) =>
    logger.info("push (emulator, not sent)", { event: "notifications.pushLogged", tokens, title }),
  heldPushesSent: (sent: number) => logger.info("held pushes sent", { event: "notifications.heldPushesSent", sent }),
  cleanedUp: (deleted: { notices: number; deliveries: number }) =>
    logger.info("old notifications deleted", { event: "notifications.cleanedUp", ...deleted }),
  devicesCapped: (uid: string, dropped: number) =>
    logger.info("oldest devices dropped", { event: "notifications.devicesCapped", uid, dropped }),
  digestsQueued: (queued: number) =>
    logger.info("weekly digests queued", { event: "notifications.digestsQueued", queued }),
};

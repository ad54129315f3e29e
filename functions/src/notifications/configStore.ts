/**
 * Where the delivery channels get their configuration and their senders. Parameters come from
 * `params` (firebase-functions 7 has no functions.config()): in the emulator from
 * functions/.env.local and functions/.secret.local, in production from .env.<project> and Secret
 * Manager. See docs/adr/0005-notifications.md.
 */
import { getMessaging } from "firebase-admin/messaging";
import { defineSecret, defineString } from "firebase-functions/params";
import { createTransport } from "nodemailer";
import { FUNCTIONS_REGION } from "../model/index.js";
import { adminApp } from "../shared/firebase.js";
import { log } from "./logs.js";
import type { MailConfig, MailTransport } from "./mailStore.js";
import type { PushMessage, PushResult, PushSender } from "./push.js";

/** smtp(s)://user:pass@host:port; a secret because it carries the SMTP password. */
export const smtpUrl = defineSecret("SMTP_URL");
/** Signs one-click unsubscribe links. */
export const unsubscribeSecret = defineSecret("UNSUBSCRIBE_SECRET");
export const mailFrom = defineString("MAIL_FROM", { default: "Numina <no-reply@numina.app>" });
/** The web client's origin, for links in emails and pushes. */
export const appUrl = defineString("APP_URL", { default: "http://127.0.0.1:5173" });
/** The `unsubscribe` HTTPS function's URL. */
export const unsubscribeEndpoint = defineString("UNSUBSCRIBE_URL", {
  default: `http://127.0.0.1:5001/demo-numina/${FUNCTIONS_REGION}/unsubscribe`,
});

/**
 * Parameter defaults are applied when functions are deployed or emulated; code run outside them
 * (the set-role CLI, in-process tests) reads an empty value, and gets the local web client.
 */
export const appOrigin = () => appUrl.value() || "http://127.0.0.1:5173";

/** firebase-admin's sender: its MulticastMessage and BatchResponse are supersets of ours. */
export function fcmPushSender(): PushSender {
  return {
    sendEachForMulticast: (message: PushMessage) => getMessaging(adminApp()).sendEachForMulticast(message),
  };
}

/**
 * FCM has no emulator, and a demo project cannot reach it: in the emulator a push is logged and
 * reported as delivered, so everything around it (ledger, clean-up) runs as in production.
 */
export function loggingPushSender(): PushSender {
  return {
    sendEachForMulticast: (message: PushMessage): Promise<PushResult> => {
      log.pushLogged(message.tokens.length, message.notification.title);
      return Promise.resolve({
        responses: message.tokens.map(() => ({ success: true })),
        successCount: message.tokens.length,
        failureCount: 0,
      });
    },
  };
}

export const defaultPushSender = (): PushSender =>
  process.env["FUNCTIONS_EMULATOR"] === "true" ? loggingPushSender() : fcmPushSender();

let transport: { url: string; transport: MailTransport } | null = null;
/** One SMTP transport per instance, rebuilt only if the URL changes. */
function transportFor(url: string): MailTransport {
  if (transport?.url !== url) transport = { url, transport: createTransport(url) };
  return transport.transport;
}

/** What a mail worker needs; only functions that declare the smtpUrl and unsubscribeSecret secrets can call this. */
export const mailConfig = (): MailConfig => ({
  transport: transportFor(smtpUrl.value()),
  from: mailFrom.value(),
  unsubscribe: { endpoint: unsubscribeEndpoint.value(), secret: unsubscribeSecret.value() },
});

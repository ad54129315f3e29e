/**
 * Account emails sent through Numina's own templates (links from the Admin SDK's action-link
 * generators), and the one-click unsubscribe endpoint that email links point to.
 */
import { onRequest } from "firebase-functions/https";
import { z } from "zod";
import { requestPasswordResetRequestSchema } from "../model/index.js";
import { definePublicCallable, defineCallable } from "../shared/callable.js";
import { auth, db } from "../shared/firebase.js";
import { queuePasswordResetEmail, queueVerificationEmail, type AccountMailDeps } from "./accountMailStore.js";
import { appOrigin, unsubscribeSecret } from "./configStore.js";
import { unsubscribeEmail } from "./preferencesStore.js";
import { unsubscribedPage } from "./templates.js";
import { verifyUnsubscribe } from "./unsubscribe.js";

const accountMail = (): AccountMailDeps => ({ db: db(), auth: auth(), appUrl: appOrigin() });

export const sendVerificationEmail = defineCallable(
  "sendVerificationEmail",
  z.object({}).strict(),
  async (_input, caller) => ({ queued: await queueVerificationEmail(accountMail(), caller.uid) }),
);

/**
 * Answers the same whether or not the address has an account, so nobody can probe for members;
 * limited per address and per caller IP (accountMailStore.ts).
 */
export const requestPasswordReset = definePublicCallable(
  "requestPasswordReset",
  requestPasswordResetRequestSchema,
  async ({ email }, visitor) => {
    await queuePasswordResetEmail(accountMail(), email, visitor.ip);
    return { ok: true };
  },
);

/**
 * GET (a click in the email) and POST (List-Unsubscribe-Post, a mail app's one-click button) both
 * turn the topic's email off and answer with a confirmation page.
 */
export const unsubscribe = onRequest({ secrets: [unsubscribeSecret] }, async (req, res) => {
  const params = { ...(req.query as Record<string, unknown>), ...((req.body ?? {}) as Record<string, unknown>) };
  const link = verifyUnsubscribe(unsubscribeSecret.value(), params);
  if (!link || (req.method !== "GET" && req.method !== "POST")) {
    res.status(400).type("html").send(unsubscribedPage(null, appOrigin()));
    return;
  }
  await unsubscribeEmail(db(), link.uid, link.topic);
  res.status(200).type("html").send(unsubscribedPage(link.topic, appOrigin()));
});

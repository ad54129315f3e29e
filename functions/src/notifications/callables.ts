/**
 * Account emails sent through Numina's own templates (links from the Admin SDK's action-link
 * generators), and the one-click unsubscribe endpoint that email links point to.
 */
import { onRequest } from "firebase-functions/https";
import { z } from "zod";
import { requestPasswordResetRequestSchema } from "../model/index.js";
import { definePublicCallable, defineCallable } from "../shared/callable.js";
import { DomainError } from "../shared/errors.js";
import { auth, db } from "../shared/firebase.js";
import { appOrigin, unsubscribeSecret } from "./configStore.js";
import { enqueueMail } from "./mailStore.js";
import { unsubscribeEmail } from "./preferencesStore.js";
import { passwordResetEmail, unsubscribedPage, verifyEmail } from "./templates.js";
import { verifyUnsubscribe } from "./unsubscribe.js";

/** One account email of a kind per member per minute: a double click queues one. */
const minuteOf = (ms: number) => Math.floor(ms / 60_000);

export const sendVerificationEmail = defineCallable(
  "sendVerificationEmail",
  z.object({}).strict(),
  async (_input, caller) => {
    const user = await auth().getUser(caller.uid);
    if (!user.email) throw new DomainError("failed-precondition", "This account has no email address.");
    if (user.emailVerified) throw new DomainError("failed-precondition", "Your email address is already verified.");
    const verifyUrl = await auth().generateEmailVerificationLink(user.email, { url: appOrigin() });
    const queued = await enqueueMail(db(), `verify_email-${caller.uid}-${minuteOf(Date.now())}`, {
      to: user.email,
      content: verifyEmail({ verifyUrl }),
      template: "verify_email",
      uid: caller.uid,
      unsubscribe: null,
    });
    return { queued };
  },
);

/** Answers the same whether or not the address has an account, so nobody can probe for members. */
export const requestPasswordReset = definePublicCallable(
  "requestPasswordReset",
  requestPasswordResetRequestSchema,
  async ({ email }) => {
    const user = await auth()
      .getUserByEmail(email)
      .catch(() => null);
    if (user?.email) {
      const resetUrl = await auth().generatePasswordResetLink(user.email, { url: appOrigin() });
      await enqueueMail(db(), `password_reset-${user.uid}-${minuteOf(Date.now())}`, {
        to: user.email,
        content: passwordResetEmail({ resetUrl }),
        template: "password_reset",
        uid: user.uid,
        unsubscribe: null,
      });
    }
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

/**
 * Every email Numina sends, in one place: subject, plain text and HTML. Pure functions of their
 * inputs (links are made by the caller), so wording is edited here and checked by unit tests.
 */
import type { NoticeDraft, NotificationType } from "../model/index.js";

/** Where the sender puts the signed unsubscribe link (see mailSchema.unsubscribe). */
export const UNSUBSCRIBE_URL_SLOT = "{{unsubscribeUrl}}";

export interface EmailContent {
  subject: string;
  text: string;
  html: string;
}

const escapeHtml = (s: string) =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");

interface Layout {
  subject: string;
  heading: string;
  paragraphs: string[];
  action?: { label: string; url: string };
  /** Shown small at the bottom, e.g. why the member gets this and how to stop it. */
  footer?: { text: string; unsubscribeUrl?: string };
}

function render(layout: Layout): EmailContent {
  const text = [
    layout.heading,
    "",
    ...layout.paragraphs.flatMap((p) => [p, ""]),
    ...(layout.action ? [`${layout.action.label}: ${layout.action.url}`, ""] : []),
    "— Numina",
    ...(layout.footer
      ? [
          "",
          layout.footer.text,
          ...(layout.footer.unsubscribeUrl ? [`Unsubscribe: ${layout.footer.unsubscribeUrl}`] : []),
        ]
      : []),
  ].join("\n");
  const html = `<!doctype html>
<html><body style="font-family:system-ui,sans-serif;color:#1f2937;max-width:560px;margin:0 auto;padding:24px">
<h1 style="font-size:20px">${escapeHtml(layout.heading)}</h1>
${layout.paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join("\n")}
${
  layout.action
    ? `<p><a href="${escapeHtml(layout.action.url)}" style="background:#0f766e;color:#fff;padding:10px 16px;border-radius:6px;text-decoration:none">${escapeHtml(layout.action.label)}</a></p>`
    : ""
}
<p>— Numina</p>
${
  layout.footer
    ? `<p style="font-size:12px;color:#6b7280">${escapeHtml(layout.footer.text)}${
        layout.footer.unsubscribeUrl ? ` <a href="${escapeHtml(layout.footer.unsubscribeUrl)}">Unsubscribe</a>` : ""
      }</p>`
    : ""
}
</body></html>`;
  return { subject: layout.subject, text, html };
}

export function welcomeEmail(input: { name: string; appUrl: string }): EmailContent {
  return render({
    subject: "Welcome to Numina",
    heading: `Welcome, ${input.name}!`,
    paragraphs: [
      "Numina finds training partners near you and the classes they go to.",
      "Tell us what you train and when you are free, and we will do the rest.",
    ],
    action: { label: "Open Numina", url: input.appUrl },
  });
}

export function verifyEmail(input: { verifyUrl: string }): EmailContent {
  return render({
    subject: "Confirm your email for Numina",
    heading: "Confirm your email address",
    paragraphs: [
      "Tap the button to confirm that this address is yours. If you did not ask for this, ignore this email.",
    ],
    action: { label: "Confirm my email", url: input.verifyUrl },
  });
}

export function passwordResetEmail(input: { resetUrl: string }): EmailContent {
  return render({
    subject: "Reset your Numina password",
    heading: "Reset your password",
    paragraphs: [
      "Someone (hopefully you) asked to reset the password of your Numina account.",
      "If it was not you, ignore this email: your password stays as it is.",
    ],
    action: { label: "Choose a new password", url: input.resetUrl },
  });
}

/** Why a member gets each kind of notice by email, shown next to the unsubscribe link. */
const EMAIL_REASON: Readonly<Record<NotificationType, string>> = {
  match: "You get this because new-match emails are on.",
  super_like: "You get this because super-like emails are on.",
  message: "You get this because message emails are on.",
  waitlist_promoted: "You get this because waitlist emails are on.",
  class_reminder: "You get this because class reminder emails are on.",
  class_cancelled: "You get this because class cancellation emails are on.",
  role_changed: "You get this because account emails are on.",
  review_prompt: "You get this because rating reminder emails are on.",
  privacy: "You get this because you asked for your data or to delete your account.",
  connection: "You get this because emails about followers and friend requests are on.",
  kudos: "You get this because kudos emails are on.",
  comment: "You get this because emails about comments on your activity are on.",
};

const ACTION_LABEL: Readonly<Record<NotificationType, string>> = {
  match: "Say hello",
  super_like: "See who",
  message: "Open the conversation",
  waitlist_promoted: "See the class",
  class_reminder: "See the class",
  class_cancelled: "Find another class",
  role_changed: "Open Numina",
  review_prompt: "Rate the class",
  privacy: "Open your data settings",
  connection: "See who",
  kudos: "See your activity",
  comment: "Read the comments",
};

/** A notice (match, waitlist promotion, class reminder, cancellation, …) as an email. */
export function noticeEmail(input: { notice: NoticeDraft; link: string; unsubscribeUrl?: string }): EmailContent {
  const { notice } = input;
  return render({
    subject: notice.title,
    heading: notice.title,
    paragraphs: [notice.body],
    action: { label: ACTION_LABEL[notice.type], url: input.link },
    footer: { text: EMAIL_REASON[notice.type], unsubscribeUrl: input.unsubscribeUrl ?? UNSUBSCRIBE_URL_SLOT },
  });
}

export interface DigestLine {
  title: string;
  body: string;
  count: number;
}

export function weeklyDigestEmail(input: {
  lines: readonly DigestLine[];
  appUrl: string;
  unsubscribeUrl?: string;
}): EmailContent {
  const total = input.lines.reduce((sum, line) => sum + line.count, 0);
  return render({
    subject: total === 1 ? "You have 1 unread message on Numina" : `You have ${total} unread messages on Numina`,
    heading: "Your week on Numina",
    paragraphs: input.lines.map((line) => `${line.title} (${line.count}): ${line.body}`),
    action: { label: "Read them", url: input.appUrl },
    footer: {
      text: "You get this weekly summary because message emails are on.",
      unsubscribeUrl: input.unsubscribeUrl ?? UNSUBSCRIBE_URL_SLOT,
    },
  });
}

const TOPIC_LABEL: Readonly<Record<NotificationType, string>> = {
  match: "new matches",
  super_like: "super likes",
  message: "unread messages",
  waitlist_promoted: "waitlist seats",
  class_reminder: "class reminders",
  class_cancelled: "class cancellations",
  role_changed: "account changes",
  review_prompt: "rating reminders",
  privacy: "data and account notices",
  connection: "followers and friend requests",
  kudos: "kudos",
  comment: "comments on your activity",
};

/** The page the unsubscribe link opens: confirmation, or a note that the link is not valid. */
export function unsubscribedPage(topic: NotificationType | null, appUrl: string): string {
  const body = topic
    ? `<h1>You are unsubscribed</h1><p>You will no longer get emails about ${escapeHtml(TOPIC_LABEL[topic])}. You can turn them back on in your notification settings.</p>`
    : "<h1>This link does not work</h1><p>It may be incomplete. You can change which emails you get in your notification settings.</p>";
  return `<!doctype html><html><head><meta charset="utf-8"><title>Numina email settings</title></head>
<body style="font-family:system-ui,sans-serif;max-width:560px;margin:40px auto;padding:0 16px">${body}
<p><a href="${escapeHtml(new URL("/settings/notifications", appUrl).toString())}">Notification settings</a></p></body></html>`;
}

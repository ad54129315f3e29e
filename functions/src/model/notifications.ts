/** `users/{uid}/notifications/{id}`: the in-app notification centre, written only by functions. */
import { z } from "zod";
import { timestampSchema } from "./primitives.js";

export const NOTIFICATION_TYPES = [
  "match",
  "super_like",
  "message",
  "waitlist_promoted",
  "class_reminder",
  "class_cancelled",
  "role_changed",
  "review_prompt",
  /** Your data: an export ready to download, an account deletion scheduled. */
  "privacy",
  /** Someone followed you, asked to, or sent or accepted a friend request. */
  "connection",
  /** Kudos on your activity, collapsed into one line per activity. */
  "kudos",
  /** Comments on your activity, collapsed into one line per activity. */
  "comment",
] as const;
export type NotificationType = (typeof NOTIFICATION_TYPES)[number];

export const notificationSchema = z.object({
  type: z.enum(NOTIFICATION_TYPES),
  title: z.string().max(200),
  body: z.string().max(1000),
  createdAt: timestampSchema,
  read: z.boolean(),
  /** Ids to deep-link to, e.g. { classId }. */
  data: z.record(z.string(), z.string()),
  /** How many events a collapsing notice stands for (a burst of messages); absent means one. */
  count: z.number().int().min(1).optional(),
  /** The other members the notice names, so deleting one of their accounts deletes it too. */
  aboutUids: z.array(z.string()),
});
export type Notification = z.infer<typeof notificationSchema>;

/**
 * A notice a feature wants delivered, before it is stored. Features build drafts (pure code) and
 * hand them to notifications/inboxStore.ts, which owns storage and every delivery channel.
 */
export interface NoticeDraft {
  /** Deterministic, so a retried trigger or a second scheduler run never notifies twice. */
  id: string;
  type: NotificationType;
  title: string;
  body: string;
  data: Record<string, string>;
  /**
   * The other members the text names or points to (a match, a sender). Stored on the notice, its
   * delivery record and its email, so deleting one of those accounts deletes them too.
   */
  aboutUids: string[];
}

// ---- Delivery channels: preferences, devices, the mail outbox

export const NOTIFICATION_CHANNELS = ["inApp", "push", "email"] as const;
export type NotificationChannel = (typeof NOTIFICATION_CHANNELS)[number];

export const channelSwitchesSchema = z.object({ inApp: z.boolean(), push: z.boolean(), email: z.boolean() });
export type ChannelSwitches = z.infer<typeof channelSwitchesSchema>;

/**
 * What a member gets when they have never said otherwise. Everything shows in the app. Push is on
 * for what is worth a buzz; a role change is news, not an alarm. Email is kept for what matters
 * away from the app (a match, a seat, a cancelled class, a changed role); reminders and messages
 * stay off email. For messages, email means the weekly digest of unread messages, never one email
 * per message; it is opt-in, because the UK and EU rules on electronic marketing (PECR, the
 * ePrivacy rules in Germany and Portugal) ask for consent before a newsletter-like email.
 */
export const DEFAULT_CHANNELS: Readonly<Record<NotificationType, ChannelSwitches>> = {
  match: { inApp: true, push: true, email: true },
  super_like: { inApp: true, push: true, email: false },
  message: { inApp: true, push: true, email: false },
  waitlist_promoted: { inApp: true, push: true, email: true },
  class_reminder: { inApp: true, push: true, email: false },
  class_cancelled: { inApp: true, push: true, email: true },
  role_changed: { inApp: true, push: false, email: true },
  // Asked once, after a class: worth a buzz, not an email.
  review_prompt: { inApp: true, push: true, email: false },
  // Asked for by the member, and about their whole account: the email is the record they keep.
  privacy: { inApp: true, push: false, email: true },
  // A person reaching out is worth a buzz; a follower is not worth an email.
  connection: { inApp: true, push: true, email: false },
  // Cheering and replies: the point is to be seen, and a burst shows as one line.
  kudos: { inApp: true, push: true, email: false },
  comment: { inApp: true, push: true, email: false },
};

/** Minutes after local midnight, 0–1439. */
const minuteOfDaySchema = z.number().int().min(0).max(1439);

/**
 * Quiet hours in the member's own time zone (`private/settings.timeZone`). `start` may be later
 * than `end` (22:00–07:00 spans midnight); equal means no quiet time at all.
 */
export const quietHoursSchema = z.object({ start: minuteOfDaySchema, end: minuteOfDaySchema });
export type QuietHours = z.infer<typeof quietHoursSchema>;

/**
 * `users/{uid}/private/notificationPreferences`, written by the owner. Absent, or a type missing
 * from `channels`, means DEFAULT_CHANNELS.
 */
export const notificationPreferencesSchema = z.object({
  channels: z.partialRecord(z.enum(NOTIFICATION_TYPES), channelSwitchesSchema),
  quietHours: quietHoursSchema.nullable(),
  updatedAt: timestampSchema,
});
export type NotificationPreferences = z.infer<typeof notificationPreferencesSchema>;

/** What an email unsubscribe link turns off: the email switch of one notice type. */
export const EMAIL_TOPICS = NOTIFICATION_TYPES;
export type EmailTopic = NotificationType;

/** Push, as recorded per notice and member. `pending` is written before FCM is called. */
export const PUSH_STATES = ["pending", "sent", "failed", "waiting", "off", "no-device", "quiet-hours"] as const;
export type PushState = (typeof PUSH_STATES)[number];

/**
 * `users/{uid}/notificationDeliveries/{noticeId}`: functions only. Created once per notice and
 * member, in the same commit as the in-app notice and the outbox email: it is the claim that makes
 * a retried fan-out skip this member on every channel.
 */
export const notificationDeliverySchema = z.object({
  type: z.enum(NOTIFICATION_TYPES),
  inApp: z.boolean(),
  push: z.enum(PUSH_STATES),
  /** While `waiting`: when quiet hours end. */
  pushAt: timestampSchema.nullable(),
  /** The notice itself, kept while a push waits (the in-app copy may be switched off or deleted). */
  notice: z.object({ title: z.string(), body: z.string(), data: z.record(z.string(), z.string()) }).nullable(),
  mailId: z.string().nullable(),
  /** The notice's aboutUids. */
  aboutUids: z.array(z.string()),
  createdAt: timestampSchema,
});
export type NotificationDelivery = z.infer<typeof notificationDeliverySchema>;

export const DEVICE_PLATFORMS = ["web", "android", "ios"] as const;
/** `users/{uid}/devices/{deviceId}`: an FCM registration token, written by the owner. */
export const deviceSchema = z.object({
  /**
   * The owner, as in the path: lets one collection-group query find the devices of many members
   * (a 500-member class chat's push), where one query per member would take 500.
   */
  uid: z.string().min(1).max(128),
  token: z.string().min(1).max(4096),
  platform: z.enum(DEVICE_PLATFORMS),
  updatedAt: timestampSchema,
});
export type Device = z.infer<typeof deviceSchema>;

/** `mail/{id}.delivery.state`, as the "Trigger Email" extension names them. */
export const MAIL_STATES = ["PENDING", "PROCESSING", "RETRY", "SUCCESS", "ERROR"] as const;
export type MailState = (typeof MAIL_STATES)[number];

export const mailDeliverySchema = z.object({
  state: z.enum(MAIL_STATES),
  attempts: z.number().int().min(0),
  startTime: timestampSchema.nullable(),
  endTime: timestampSchema.nullable(),
  /** While PROCESSING: after this, the attempt is presumed dead (and is never resent). */
  leaseExpireTime: timestampSchema.nullable(),
  /** While RETRY: when the next attempt is due (Numina's own: the extension does not back off). */
  nextAttemptAt: timestampSchema.nullable(),
  error: z.string().nullable(),
  info: z
    .object({ messageId: z.string().nullable(), accepted: z.array(z.string()), rejected: z.array(z.string()) })
    .nullable(),
});
export type MailDelivery = z.infer<typeof mailDeliverySchema>;

/**
 * What an outbox email is: an account email, the weekly digest, or a notice of one of the
 * notification types.
 */
export const MAIL_KINDS = [
  "welcome",
  "verify_email",
  "password_reset",
  "weekly_digest",
  ...NOTIFICATION_TYPES,
] as const;
export type MailKind = (typeof MAIL_KINDS)[number];

/**
 * `mail/{id}`: the email outbox, functions only. A valid document of the Firebase "Trigger Email"
 * extension (firestore-send-email): `to`, `message`, `headers` and `delivery` are the extension's
 * fields, with its meaning; `kind`, `uid`, `unsubscribe`, `createdAt` and `delivery.nextAttemptAt`
 * are Numina's own, which the extension ignores. Numina renders every email itself into `message`,
 * so the extension's `template: { name, data }` is never set: it would make the extension render
 * a template from its own templates collection instead.
 */
export const mailSchema = z.object({
  to: z.string().email(),
  message: z.object({ subject: z.string().min(1).max(300), text: z.string(), html: z.string() }),
  headers: z.record(z.string(), z.string()),
  /** What the email is about, for support and tests (not the extension's `template`). */
  kind: z.enum(MAIL_KINDS),
  uid: z.string().nullable(),
  /**
   * Set on emails a member can unsubscribe from. The sender signs the link and fills it in (the
   * text and HTML carry UNSUBSCRIBE_URL_SLOT, and List-Unsubscribe is added), so only the mail
   * function holds the signing secret.
   */
  unsubscribe: z.object({ uid: z.string(), topic: z.enum(NOTIFICATION_TYPES) }).nullable(),
  /** The other members the email names (see NoticeDraft.aboutUids). */
  aboutUids: z.array(z.string()),
  delivery: mailDeliverySchema,
  createdAt: timestampSchema,
});
export type Mail = z.infer<typeof mailSchema>;

/** `requestPasswordReset` callable (signed out): always answers the same, whether or not the account exists. */
export const requestPasswordResetRequestSchema = z.object({ email: z.string().trim().email().max(320) });
export type RequestPasswordResetRequest = z.infer<typeof requestPasswordResetRequestSchema>;

/** Where a notice leads in the web client, from its data (class, match or conversation). */
export function noticeLinkPath(data: Readonly<Record<string, string>>): string {
  if (data["conversationId"]) return `/messages/${encodeURIComponent(data["conversationId"])}`;
  if (data["pairId"]) return `/matches/${encodeURIComponent(data["pairId"])}`;
  if (data["activityId"]) return `/activities/${encodeURIComponent(data["activityId"])}`;
  if (data["classId"]) return `/classes/${encodeURIComponent(data["classId"])}`;
  if (data["personUid"]) return `/people/${encodeURIComponent(data["personUid"])}`;
  if (data["exportId"] || data["deletion"]) return "/settings/privacy";
  return "/notifications";
}

/**
 * Which channels a notice goes out on for one member: their switches per type (or the documented
 * defaults), their quiet hours in their own time zone, and whether they can be reached at all.
 * Pure: the caller loads the documents and passes the clock.
 */
import {
  addCalendarDays,
  DEFAULT_CHANNELS,
  instantAt,
  localDateAt,
  minuteOfLocalDay,
  notificationPreferencesSchema,
  type ChannelSwitches,
  type NotificationPreferences,
  type NotificationType,
  type QuietHours,
} from "../model/index.js";

/**
 * What push does during quiet hours. `wait`: held and sent when quiet hours end, because the
 * member still needs to know before it is too late (their class was cancelled, a seat is theirs,
 * a new match). `drop`: not pushed at all, because by morning the push would be stale or
 * pointless (a reminder for a class that has started, a chat burst already in the inbox, a role
 * change). In-app and email are never held: they do not wake anyone.
 */
export const QUIET_HOURS_PUSH: Readonly<Record<NotificationType, "wait" | "drop">> = {
  match: "wait",
  super_like: "wait",
  message: "drop",
  waitlist_promoted: "wait",
  class_reminder: "drop",
  class_cancelled: "wait",
  role_changed: "drop",
  // A rating prompt keeps for days: it can wait for the morning.
  review_prompt: "wait",
  privacy: "wait",
  // Someone asking to connect can wait for the morning.
  connection: "wait",
  // Cheers are nice in the morning, not worth holding: the notice is in the app.
  kudos: "drop",
  comment: "drop",
};

export type PreferencesOrDefaults = Pick<NotificationPreferences, "channels" | "quietHours">;

export const DEFAULT_PREFERENCES: PreferencesOrDefaults = { channels: {}, quietHours: null };

/**
 * A member's stored preferences, or the defaults when there are none. A document that does not
 * parse (it is client-written) counts as absent rather than blocking their notices.
 */
export function preferencesOrDefaults(stored: unknown): PreferencesOrDefaults {
  if (stored === undefined) return DEFAULT_PREFERENCES;
  const parsed = notificationPreferencesSchema.safeParse(stored);
  return parsed.success ? parsed.data : DEFAULT_PREFERENCES;
}

export function channelsFor(prefs: PreferencesOrDefaults, type: NotificationType): ChannelSwitches {
  return prefs.channels[type] ?? DEFAULT_CHANNELS[type];
}

/** Minutes since local midnight at `nowMs` in `timeZone` (UTC if the zone is unknown). */
export function localMinuteOfDay(nowMs: number, timeZone: string): number {
  return minuteOfLocalDay(nowMs, timeZone);
}

/** Minutes from now until quiet hours end, or 0 when it is not quiet now. */
export function minutesOfQuietLeft(nowMs: number, timeZone: string, quiet: QuietHours | null): number {
  if (!quiet || quiet.start === quiet.end) return 0;
  const now = localMinuteOfDay(nowMs, timeZone);
  const inside =
    quiet.start < quiet.end ? now >= quiet.start && now < quiet.end : now >= quiet.start || now < quiet.end;
  if (!inside) return 0;
  return (quiet.end - now + 1440) % 1440;
}

export interface Recipient {
  prefs: PreferencesOrDefaults;
  timeZone: string;
  email: string | null;
  tokenCount: number;
}

export type PushPlan =
  { kind: "send" } | { kind: "wait"; atMs: number } | { kind: "none"; reason: "off" | "no-device" | "quiet-hours" };

export interface DeliveryPlan {
  inApp: boolean;
  push: PushPlan;
  email: boolean;
}

export function planDelivery(type: NotificationType, recipient: Recipient, nowMs: number): DeliveryPlan {
  const channels = channelsFor(recipient.prefs, type);
  return {
    inApp: channels.inApp,
    push: planPush(type, channels, recipient, nowMs),
    email: channels.email && recipient.email !== null,
  };
}

function planPush(type: NotificationType, channels: ChannelSwitches, recipient: Recipient, nowMs: number): PushPlan {
  if (!channels.push) return { kind: "none", reason: "off" };
  if (recipient.tokenCount === 0) return { kind: "none", reason: "no-device" };
  const quiet = recipient.prefs.quietHours;
  if (!quiet || minutesOfQuietLeft(nowMs, recipient.timeZone, quiet) === 0) return { kind: "send" };
  if (QUIET_HOURS_PUSH[type] === "drop") return { kind: "none", reason: "quiet-hours" };
  return { kind: "wait", atMs: quietHoursEndAfter(nowMs, recipient.timeZone, quiet.end) };
}

/**
 * The instant the local clock next shows `endMinute`, on the hour. Counted on the wall clock, not
 * in elapsed minutes: on the night the clocks change, 22:00 to 07:00 is eight or ten hours, and
 * the held push still goes out at 07:00.
 */
export function quietHoursEndAfter(nowMs: number, timeZone: string, endMinute: number): number {
  const today = localDateAt(nowMs, timeZone);
  const endsToday = minuteOfLocalDay(nowMs, timeZone) < endMinute;
  const day = endsToday ? today : addCalendarDays(today, 1);
  return instantAt({ ...day, hour: Math.floor(endMinute / 60), minute: endMinute % 60 }, timeZone);
}

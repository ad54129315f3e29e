/** What members are told about their classes. Pure: content and deterministic ids only. */
import {
  addLocalDays,
  classTimeZone,
  formatDayAndTime,
  isoDate,
  localDateAt,
  type NoticeDraft,
} from "../model/index.js";

export interface ClassRef {
  classId: string;
  title: string;
  startsAtMs: number;
  timeZone: string;
}

/** What notices say about a class, from its document: times are shown in the class's city. */
export function classRefOf(
  classId: string,
  cls: { title: string; city: string; startsAt: { toMillis(): number } },
): ClassRef {
  return {
    classId,
    title: cls.title,
    startsAtMs: cls.startsAt.toMillis(),
    timeZone: classTimeZone(cls.city),
  };
}

/** `ticket` is unique per RSVP, so a member who rejoins and is promoted again is told again. */
export function promotedNotice(cls: ClassRef, ticket: number): NoticeDraft {
  return {
    id: `waitlist_promoted-${cls.classId}-${ticket}`,
    type: "waitlist_promoted",
    title: `You're in: ${cls.title}`,
    body: `A seat opened up and it's yours — ${formatDayAndTime(cls.startsAtMs, cls.timeZone)}.`,
    data: { classId: cls.classId },
    aboutUids: [],
  };
}

export function cancelledNotice(cls: ClassRef): NoticeDraft {
  return {
    id: `class_cancelled-${cls.classId}`,
    type: "class_cancelled",
    title: `Cancelled: ${cls.title}`,
    body: `${cls.title} on ${formatDayAndTime(cls.startsAtMs, cls.timeZone)} has been cancelled.`,
    data: { classId: cls.classId },
    aboutUids: [],
  };
}

export const REMINDER_WINDOWS = [
  { key: "24h", beforeMs: 24 * 60 * 60 * 1000 },
  { key: "1h", beforeMs: 60 * 60 * 1000 },
] as const;
export type ReminderKey = (typeof REMINDER_WINDOWS)[number]["key"];

/**
 * "today" or "tomorrow" by the calendar of the class's city at `nowMs`. The day-before reminder
 * goes out once a class is less than 24 hours away, which is not always tomorrow: a class created
 * in the morning for that evening is reminded of as "today".
 */
function whichDay(cls: ClassRef, nowMs: number): string {
  const day = (ms: number) => isoDate(localDateAt(ms, cls.timeZone));
  const classDay = day(cls.startsAtMs);
  if (classDay === day(nowMs)) return "today";
  if (classDay === day(addLocalDays(nowMs, 1, cls.timeZone))) return "tomorrow";
  return "soon";
}

export function reminderNotice(cls: ClassRef, key: ReminderKey, nowMs: number): NoticeDraft {
  return {
    id: `class_reminder-${key}-${cls.classId}`,
    type: "class_reminder",
    title: `${cls.title} ${key === "1h" ? "in an hour" : whichDay(cls, nowMs)}`,
    body: `See you ${formatDayAndTime(cls.startsAtMs, cls.timeZone)}.`,
    data: { classId: cls.classId },
    aboutUids: [],
  };
}

/**
 * The reminder due for a class at `nowMs`, given which were already sent. Inside the last hour
 * only the one-hour reminder is due: a "tomorrow" notice would be wrong by then.
 */
export function dueReminder(startsAtMs: number, nowMs: number, sent: readonly string[]): ReminderKey | null {
  const left = startsAtMs - nowMs;
  if (left <= 0) return null;
  for (const window of [...REMINDER_WINDOWS].sort((a, b) => a.beforeMs - b.beforeMs)) {
    if (left <= window.beforeMs) return sent.includes(window.key) ? null : window.key;
  }
  return null;
}

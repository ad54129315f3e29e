/** What members are told about their classes. Pure: content and deterministic ids only. */
import { cityById, type NoticeDraft } from "../model/index.js";

function when(startsAtMs: number, timeZone: string): string {
  return new Intl.DateTimeFormat("en-GB", {
    weekday: "short",
    day: "numeric",
    month: "short",
    hour: "2-digit",
    minute: "2-digit",
    timeZone,
  }).format(new Date(startsAtMs));
}

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
    timeZone: cityById(cls.city)?.timeZone ?? "UTC",
  };
}

/** `waitlistSeq` is unique per place in line, so a member who rejoins and is promoted again is told again. */
export function promotedNotice(cls: ClassRef, waitlistSeq: number): NoticeDraft {
  return {
    id: `waitlist_promoted-${cls.classId}-${waitlistSeq}`,
    type: "waitlist_promoted",
    title: `You're in: ${cls.title}`,
    body: `A seat opened up and it's yours — ${when(cls.startsAtMs, cls.timeZone)}.`,
    data: { classId: cls.classId },
  };
}

export function cancelledNotice(cls: ClassRef): NoticeDraft {
  return {
    id: `class_cancelled-${cls.classId}`,
    type: "class_cancelled",
    title: `Cancelled: ${cls.title}`,
    body: `${cls.title} on ${when(cls.startsAtMs, cls.timeZone)} has been cancelled.`,
    data: { classId: cls.classId },
  };
}

export const REMINDER_WINDOWS = [
  { key: "24h", beforeMs: 24 * 60 * 60 * 1000, phrase: "tomorrow" },
  { key: "1h", beforeMs: 60 * 60 * 1000, phrase: "in an hour" },
] as const;
export type ReminderKey = (typeof REMINDER_WINDOWS)[number]["key"];

export function reminderNotice(cls: ClassRef, key: ReminderKey): NoticeDraft {
  const window = REMINDER_WINDOWS.find((w) => w.key === key);
  return {
    id: `class_reminder-${key}-${cls.classId}`,
    type: "class_reminder",
    title: `${cls.title} ${window?.phrase ?? "soon"}`,
    body: `See you ${when(cls.startsAtMs, cls.timeZone)}.`,
    data: { classId: cls.classId },
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

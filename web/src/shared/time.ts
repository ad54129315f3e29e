/**
 * Times on the web, pure. A class happens in its city, so its time is shown in the city's time
 * zone (with the zone named when it differs from the reader's), and an instructor's datetime-local
 * input is read as wall-clock time in the class city. The maths is the model's local-time module
 * (functions/src/model/localTime.ts): a time the clocks skip moves on by the gap, a repeated one
 * means its first pass.
 */
import {
  addLocalDays,
  formatDayAndTime,
  formatInZone,
  formatTimeOfDay,
  instantAt,
  isoDate,
  isoDateTime,
  localDateAt,
  startOfLocalDay,
  wallClockAt,
  zoneAbbreviation,
} from "@numina/model";

export { zoneAbbreviation };

/** "2025-06-01T18:30" (a datetime-local value) as wall-clock time in `timeZone` → epoch ms; null if malformed. */
export function zonedInputToMs(value: string, timeZone: string): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(value);
  if (!match) return null;
  const [, year, month, day, hour, minute] = match.map(Number) as [number, number, number, number, number, number];
  return instantAt({ year, month, day, hour, minute }, timeZone);
}

/** Epoch ms → a datetime-local value showing the wall-clock time in `timeZone`. */
export function msToZonedInput(ms: number, timeZone: string): string {
  return isoDateTime(wallClockAt(ms, timeZone));
}

/** The calendar day ("2025-06-01") of `ms` in `timeZone`: how classes are grouped and filtered. */
export function dayKey(ms: number, timeZone: string): string {
  return isoDate(localDateAt(ms, timeZone));
}

/** The next `count` calendar days in `timeZone`, starting today. */
export function nextDays(nowMs: number, timeZone: string, count: number): { key: string; label: string }[] {
  const today = startOfLocalDay(nowMs, timeZone);
  return Array.from({ length: count }, (_, i) => {
    const ms = addLocalDays(today, i, timeZone);
    return { key: dayKey(ms, timeZone), label: dayLabel(ms, timeZone, nowMs) };
  });
}

/** "Today", "Tomorrow", or "Wednesday 4 June". */
export function dayLabel(ms: number, timeZone: string, nowMs: number): string {
  const key = dayKey(ms, timeZone);
  if (key === dayKey(nowMs, timeZone)) return "Today";
  if (key === dayKey(addLocalDays(nowMs, 1, timeZone), timeZone)) return "Tomorrow";
  return formatInZone(ms, timeZone, "EEEE d MMMM");
}

/** "18:30" */
export function formatTime(ms: number, timeZone: string): string {
  return formatTimeOfDay(ms, timeZone);
}

/** "Wed 4 Jun, 18:30". */
export function formatDateTime(ms: number, timeZone: string): string {
  return formatDayAndTime(ms, timeZone);
}

/** "Wed 4 Jun, 18:30 CEST" on the reader's own clock, for lists that mix classes from several cities. */
export function formatLocalDateTime(ms: number): string {
  const zone = browserTimeZone();
  return `${formatDateTime(ms, zone)} ${zoneAbbreviation(ms, zone)}`;
}

export function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";
}

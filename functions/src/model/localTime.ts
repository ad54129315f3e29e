/**
 * Local time: the one place that turns instants into wall-clock time in a time zone and back.
 * Functions, the web client and the scripts all use it (docs/adr/0008-local-time.md). Pure; the
 * zone maths is @date-fns/tz's TZDate with date-fns, the formatting date-fns' `format`.
 *
 * A class happens in its city, so its times are read in the city's zone (`cityById(id).timeZone`);
 * a member's quiet hours and attendance weeks are read in the member's own zone.
 *
 * Wall-clock times that a daylight-saving change skips or repeats resolve as RFC 5545 (iCalendar)
 * and Temporal's "compatible" do:
 *   - skipped (spring forward, e.g. 01:30 in London on the last Sunday of March): read with the
 *     offset from before the change, so it lands that much later (02:30 BST);
 *   - repeated (fall back, e.g. 01:30 in London on the last Sunday of October): the first of the
 *     two (01:30 BST, not 01:30 GMT).
 * An unknown zone name reads as UTC, so one bad setting cannot break a fan-out or a page.
 */
import { TZDate, tzOffset } from "@date-fns/tz";
// Per-function entry points: the package's index loads all of date-fns, a quarter of a second
// on every cold start.
import { format } from "date-fns/format";
import { startOfDay } from "date-fns/startOfDay";
import { startOfISOWeek } from "date-fns/startOfISOWeek";
import { startOfMonth } from "date-fns/startOfMonth";

export interface LocalDate {
  year: number;
  /** 1–12 */
  month: number;
  day: number;
}

export interface LocalDateTime extends LocalDate {
  hour: number;
  minute: number;
}

export interface WallClock extends LocalDateTime {
  second: number;
  /** ISO weekday: 1 = Monday … 7 = Sunday. */
  isoWeekday: number;
}

const MINUTE_MS = 60 * 1000;
const DAY_MS = 24 * 60 * MINUTE_MS;

const known = new Map<string, boolean>();

/** Whether the runtime knows `timeZone` (an IANA name such as "Europe/Lisbon", or "UTC"). */
export function isTimeZone(timeZone: string): boolean {
  let ok = known.get(timeZone);
  if (ok === undefined) {
    try {
      new Intl.DateTimeFormat("en-US", { timeZone });
      ok = timeZone.length > 0;
    } catch {
      ok = false;
    }
    known.set(timeZone, ok);
  }
  return ok;
}

/** `timeZone`, or "UTC" when the runtime does not know it. */
export const timeZoneOrUtc = (timeZone: string): string => (isTimeZone(timeZone) ? timeZone : "UTC");

const zoned = (instantMs: number, timeZone: string) => new TZDate(instantMs, timeZoneOrUtc(timeZone));

/** The wall clock in `timeZone` at an instant. */
export function wallClockAt(instantMs: number, timeZone: string): WallClock {
  const d = zoned(instantMs, timeZone);
  return {
    year: d.getFullYear(),
    month: d.getMonth() + 1,
    day: d.getDate(),
    hour: d.getHours(),
    minute: d.getMinutes(),
    second: d.getSeconds(),
    isoWeekday: d.getDay() === 0 ? 7 : d.getDay(),
  };
}

/** The calendar date in `timeZone` at an instant (it may differ from the UTC date). */
export function localDateAt(instantMs: number, timeZone: string): LocalDate {
  const { year, month, day } = wallClockAt(instantMs, timeZone);
  return { year, month, day };
}

/** Minutes since local midnight: 18:30 is 1110. During a repeated hour, both passes read the same. */
export function minuteOfLocalDay(instantMs: number, timeZone: string): number {
  const { hour, minute } = wallClockAt(instantMs, timeZone);
  return hour * 60 + minute;
}

const sameWallTime = (a: LocalDateTime, b: LocalDateTime) =>
  a.year === b.year && a.month === b.month && a.day === b.day && a.hour === b.hour && a.minute === b.minute;

/**
 * The instant when the wall clock in `timeZone` shows `wall` (skipped and repeated times resolve
 * as the module comment says). Out-of-range fields roll over as in `Date.UTC` (day 32 of March is
 * 1 April).
 */
export function instantAt(wall: LocalDateTime, timeZone: string): number {
  const zone = timeZoneOrUtc(timeZone);
  // TZDate moves a skipped time forward by the gap, as wanted, but reads a repeated one as the
  // second pass (after the change).
  const at = new TZDate(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, zone).getTime();
  const offsetBefore = tzOffset(zone, new Date(at - DAY_MS));
  const offsetAt = tzOffset(zone, new Date(at));
  if (offsetBefore > offsetAt) {
    // The clocks went back within the last day: the same wall time may have passed once already.
    const firstPass = at - (offsetBefore - offsetAt) * MINUTE_MS;
    const normalised = wallClockAt(at, zone);
    if (sameWallTime(wallClockAt(firstPass, zone), normalised)) return firstPass;
  }
  return at;
}

/** The calendar date `days` after (or before) `date`. */
export function addCalendarDays(date: LocalDate, days: number): LocalDate {
  const d = new Date(Date.UTC(date.year, date.month - 1, date.day + days));
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/**
 * The same wall-clock time `days` local days later (or earlier): 18:30 stays 18:30 across a
 * daylight-saving change, so the instants are 23 or 25 hours a day apart there. Seconds and
 * milliseconds are kept.
 */
export function addLocalDays(instantMs: number, days: number, timeZone: string): number {
  const wall = wallClockAt(instantMs, timeZone);
  const date = addCalendarDays(wall, days);
  const subMinuteMs = wall.second * 1000 + (((instantMs % 1000) + 1000) % 1000);
  return instantAt({ ...date, hour: wall.hour, minute: wall.minute }, timeZone) + subMinuteMs;
}

/** The same wall-clock time `weeks` local weeks later (or earlier). */
export const addLocalWeeks = (instantMs: number, weeks: number, timeZone: string): number =>
  addLocalDays(instantMs, weeks * 7, timeZone);

/** Local midnight at the start of the instant's day. */
export const startOfLocalDay = (instantMs: number, timeZone: string): number =>
  startOfDay(zoned(instantMs, timeZone)).getTime();

/** Local midnight at the start of the instant's ISO week (Monday). */
export const startOfLocalIsoWeek = (instantMs: number, timeZone: string): number =>
  startOfISOWeek(zoned(instantMs, timeZone)).getTime();

/** Local midnight at the start of the instant's month. */
export const startOfLocalMonth = (instantMs: number, timeZone: string): number =>
  startOfMonth(zoned(instantMs, timeZone)).getTime();

/** 0 = Sunday … 6 = Saturday, as `Date#getDay`. */
export const dayOfWeek = (date: LocalDate): number =>
  new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay();

const pad = (n: number) => String(n).padStart(2, "0");

/** "2025-03-30" */
export const isoDate = (date: LocalDate): string => `${date.year}-${pad(date.month)}-${pad(date.day)}`;

/** "2025-03-30T18:30": the form of an HTML datetime-local input. */
export const isoDateTime = (wall: LocalDateTime): string => `${isoDate(wall)}T${pad(wall.hour)}:${pad(wall.minute)}`;

/** An instant in `timeZone` through a date-fns `format` pattern ("EEE d MMM, HH:mm"); English names. */
export const formatInZone = (instantMs: number, timeZone: string, pattern: string): string =>
  format(zoned(instantMs, timeZone), pattern);

/** "Wed 4 Jun, 18:30": how a class's time is written, in notices and on the web. */
export const formatDayAndTime = (instantMs: number, timeZone: string): string =>
  formatInZone(instantMs, timeZone, "EEE d MMM, HH:mm");

/** "18:30" */
export const formatTimeOfDay = (instantMs: number, timeZone: string): string =>
  formatInZone(instantMs, timeZone, "HH:mm");

/** "CEST", "BST", "WET": shown beside a time so nobody mistakes the city's clock for their own. */
export function zoneAbbreviation(instantMs: number, timeZone: string): string {
  const zone = timeZoneOrUtc(timeZone);
  const part = new Intl.DateTimeFormat("en-GB", { timeZone: zone, timeZoneName: "short" })
    .formatToParts(instantMs)
    .find((p) => p.type === "timeZoneName");
  return part?.value ?? zone;
}

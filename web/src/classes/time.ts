/**
 * Class times, pure. A class happens in its city, so its time is shown in the city's time zone
 * (with the zone named when it differs from the reader's), and an instructor's datetime-local
 * input is read as wall-clock time in the class city.
 */

const DAY_MS = 24 * 60 * 60 * 1000;

function partsIn(ms: number, timeZone: string): Record<string, number> {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  }).formatToParts(new Date(ms));
  const out: Record<string, number> = {};
  for (const part of parts) if (part.type !== "literal") out[part.type] = Number(part.value);
  return out;
}

/** How far the zone's wall clock is ahead of UTC at `ms`, in milliseconds. */
function offsetAt(ms: number, timeZone: string): number {
  const p = partsIn(ms, timeZone);
  const wall = Date.UTC(
    p["year"] ?? 1970,
    (p["month"] ?? 1) - 1,
    p["day"] ?? 1,
    p["hour"] ?? 0,
    p["minute"] ?? 0,
    p["second"] ?? 0,
  );
  return wall - Math.floor(ms / 1000) * 1000;
}

/** "2025-06-01T18:30" (a datetime-local value) as wall-clock time in `timeZone` → epoch ms; null if malformed. */
export function zonedInputToMs(value: string, timeZone: string): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(value);
  if (!match) return null;
  const [, y, mo, d, h, mi] = match.map(Number) as [number, number, number, number, number, number];
  const asUtc = Date.UTC(y, mo - 1, d, h, mi);
  // Two passes settle the offset even when the guess falls on the other side of a DST change.
  let ms = asUtc - offsetAt(asUtc, timeZone);
  ms = asUtc - offsetAt(ms, timeZone);
  return ms;
}

/** Epoch ms → a datetime-local value showing the wall-clock time in `timeZone`. */
export function msToZonedInput(ms: number, timeZone: string): string {
  const p = partsIn(ms, timeZone);
  const pad = (n: number | undefined) => String(n ?? 0).padStart(2, "0");
  return `${p["year"]}-${pad(p["month"])}-${pad(p["day"])}T${pad(p["hour"])}:${pad(p["minute"])}`;
}

/** The calendar day ("2025-06-01") of `ms` in `timeZone`: how classes are grouped and filtered. */
export function dayKey(ms: number, timeZone: string): string {
  return msToZonedInput(ms, timeZone).slice(0, 10);
}

/** The next `count` calendar days in `timeZone`, starting today. */
export function nextDays(nowMs: number, timeZone: string, count: number): { key: string; label: string }[] {
  const days: { key: string; label: string }[] = [];
  for (let i = 0; days.length < count && i < count + 2; i += 1) {
    const ms = nowMs + i * DAY_MS;
    const key = dayKey(ms, timeZone);
    if (days.some((d) => d.key === key)) continue;
    days.push({ key, label: dayLabel(ms, timeZone, nowMs) });
  }
  return days;
}

/** "Today", "Tomorrow", or "Wednesday 4 June". */
export function dayLabel(ms: number, timeZone: string, nowMs: number): string {
  const key = dayKey(ms, timeZone);
  if (key === dayKey(nowMs, timeZone)) return "Today";
  if (key === dayKey(nowMs + DAY_MS, timeZone)) return "Tomorrow";
  return new Intl.DateTimeFormat("en-GB", { timeZone, weekday: "long", day: "numeric", month: "long" }).format(ms);
}

export function formatTime(ms: number, timeZone: string): string {
  return new Intl.DateTimeFormat("en-GB", { timeZone, hour: "2-digit", minute: "2-digit" }).format(ms);
}

/** "Wed 4 Jun, 18:30". */
export function formatDateTime(ms: number, timeZone: string): string {
  return new Intl.DateTimeFormat("en-GB", {
    timeZone,
    weekday: "short",
    day: "numeric",
    month: "short",
    hour: "2-digit",
    minute: "2-digit",
  }).format(ms);
}

/** "Wed 4 Jun, 18:30 CEST" on the reader's own clock, for lists that mix classes from several cities. */
export function formatLocalDateTime(ms: number): string {
  const zone = browserTimeZone();
  return `${formatDateTime(ms, zone)} ${zoneAbbreviation(ms, zone)}`;
}

/** "CEST", "BST", …: shown next to times so nobody mistakes the city's clock for their own. */
export function zoneAbbreviation(ms: number, timeZone: string): string {
  const part = new Intl.DateTimeFormat("en-GB", { timeZone, timeZoneName: "short" })
    .formatToParts(ms)
    .find((p) => p.type === "timeZoneName");
  return part?.value ?? timeZone;
}

export function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";
}

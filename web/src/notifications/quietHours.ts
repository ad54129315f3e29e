/** Quiet hours as the settings form shows them: minutes after midnight ⇄ an <input type="time"> value. Pure. */

/** 450 → "07:30". Not a whole minute of the day (a cleared box): "". */
export function minutesToTime(minutes: number): string {
  if (!Number.isInteger(minutes) || minutes < 0 || minutes >= 24 * 60) return "";
  return `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
}

/** "07:30" (or "07:30:15") → 450. A cleared box is no time (NaN, which quietHoursSchema refuses), not midnight. */
export function timeToMinutes(value: string): number {
  const match = /^(\d{2}):(\d{2})(?::\d{2}(?:\.\d+)?)?$/.exec(value);
  if (!match) return Number.NaN;
  const hours = Number(match[1]);
  const minutes = Number(match[2]);
  return hours < 24 && minutes < 60 ? hours * 60 + minutes : Number.NaN;
}

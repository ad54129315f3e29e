/** A member's attendance at a glance, in the member's own time zone. Pure. */
import { addLocalWeeks, startOfLocalIsoWeek, startOfLocalMonth } from "./localTime.js";

export interface AttendanceStats {
  /** Classes attended since local midnight on the 1st of this month. */
  attendedThisMonth: number;
  /** Consecutive ISO weeks (Monday to Sunday, local), ending with this week or last week, with a class attended. */
  weeklyStreak: number;
  totalAttended: number;
}

/**
 * Weeks and months are the member's (`timeZone`, the device's zone on the web): a class at 00:30
 * on a Monday in Berlin (Sunday 22:30 UTC) counts in the new week, and one at 00:30 on the 1st in
 * the new month.
 */
export function attendanceStats(
  records: readonly { status: string; classStartsAtMs: number }[],
  nowMs: number,
  timeZone: string,
): AttendanceStats {
  const attended = records.filter((r) => r.status === "attended");
  const thisMonth = startOfLocalMonth(nowMs, timeZone);
  const attendedThisMonth = attended.filter((r) => startOfLocalMonth(r.classStartsAtMs, timeZone) === thisMonth).length;

  const weeks = new Set(attended.map((r) => startOfLocalIsoWeek(r.classStartsAtMs, timeZone)));
  const thisWeek = startOfLocalIsoWeek(nowMs, timeZone);
  // A streak is still alive during a week with no class yet: count back from last week then.
  const weekBefore = (week: number) => startOfLocalIsoWeek(addLocalWeeks(week, -1, timeZone), timeZone);
  let week = weeks.has(thisWeek) ? thisWeek : weekBefore(thisWeek);
  let weeklyStreak = 0;
  while (weeks.has(week)) {
    weeklyStreak += 1;
    week = weekBefore(week);
  }
  return { attendedThisMonth, weeklyStreak, totalAttended: attended.length };
}

/** A member's attendance at a glance. Pure. */

export interface AttendanceStats {
  attendedThisMonth: number;
  /** Consecutive ISO weeks, ending with this week or last week, with at least one class attended. */
  weeklyStreak: number;
  totalAttended: number;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** Monday 00:00 UTC of the week containing `ms`, as a week number since the epoch. */
function weekIndex(ms: number): number {
  const days = Math.floor(ms / DAY_MS);
  // 1970-01-01 was a Thursday; shifting by 3 makes weeks start on Monday.
  return Math.floor((days + 3) / 7);
}

export function attendanceStats(
  records: readonly { status: string; classStartsAtMs: number }[],
  nowMs: number,
): AttendanceStats {
  const attended = records.filter((r) => r.status === "attended");
  const now = new Date(nowMs);
  const attendedThisMonth = attended.filter((r) => {
    const d = new Date(r.classStartsAtMs);
    return d.getUTCFullYear() === now.getUTCFullYear() && d.getUTCMonth() === now.getUTCMonth();
  }).length;

  const weeks = new Set(attended.map((r) => weekIndex(r.classStartsAtMs)));
  const thisWeek = weekIndex(nowMs);
  // A streak is still alive during a week with no class yet: count back from last week then.
  let week = weeks.has(thisWeek) ? thisWeek : thisWeek - 1;
  let weeklyStreak = 0;
  while (weeks.has(week)) {
    weeklyStreak += 1;
    week -= 1;
  }
  return { attendedThisMonth, weeklyStreak, totalAttended: attended.length };
}

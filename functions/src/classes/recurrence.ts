/** Weekly recurrence: which occurrences a class generates. Pure. */
const WEEK_MS = 7 * 24 * 60 * 60 * 1000;

export interface Occurrence {
  id: string;
  startsAtMs: number;
}

/**
 * The ids are derived from the original class, so a retried trigger re-creates nothing. Weekly
 * steps in UTC milliseconds keep the wall-clock time except across a daylight-saving change,
 * where the class shifts by an hour; instructors can edit a single occurrence.
 */
export function weeklyOccurrences(classId: string, startsAtMs: number, weeks: number): Occurrence[] {
  return Array.from({ length: weeks }, (_, i) => ({
    id: `${classId}-w${i + 1}`,
    startsAtMs: startsAtMs + (i + 1) * WEEK_MS,
  }));
}

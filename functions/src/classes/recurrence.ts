/** Weekly recurrence: which occurrences a class generates. Pure. */
import { addLocalWeeks } from "../model/index.js";

export interface Occurrence {
  id: string;
  startsAtMs: number;
}

/**
 * The next `weeks` occurrences, at the same wall-clock time in the class's city (`timeZone`): an
 * 18:30 class stays at 18:30 across a daylight-saving change, so its instants are a week give or
 * take an hour apart there. The ids are derived from the original class, so a retried trigger
 * re-creates nothing.
 */
export function weeklyOccurrences(classId: string, startsAtMs: number, weeks: number, timeZone: string): Occurrence[] {
  return Array.from({ length: weeks }, (_, i) => ({
    id: `${classId}-w${i + 1}`,
    startsAtMs: addLocalWeeks(startsAtMs, i + 1, timeZone),
  }));
}

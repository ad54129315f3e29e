/**
 * Wall-clock time in a city's time zone for the seeder: classes start at local hours ("18:30 in
 * Lisbon"), and the seeder may run on a machine in any zone. The maths is the model's local-time
 * module (functions/src/model/localTime.ts); these are the seeder's names for it.
 */
import {
  addCalendarDays,
  dayOfWeek,
  instantAt,
  isoDate,
  localDateAt,
  type LocalDate,
} from "../../functions/src/model/index.js";

export type { LocalDate };
export { dayOfWeek, isoDate };

/** The calendar date in `timeZone` at that instant. */
export const localDate = (instant: Date, timeZone: string): LocalDate => localDateAt(instant.getTime(), timeZone);

export const addDays = (date: LocalDate, days: number): LocalDate => addCalendarDays(date, days);

/**
 * The instant (ms since epoch) when the wall clock in `timeZone` shows `hour:minute` on `date`.
 * A time the clocks skip lands that much later, a repeated one on its first pass (see localTime.ts);
 * seeded classes never start between 01:00 and 03:00, where that can happen.
 */
export const zonedTimeToUtc = (date: LocalDate, hour: number, minute: number, timeZone: string): number =>
  instantAt({ ...date, hour, minute }, timeZone);

import { describe, expect, it } from "vitest";
import {
  addLocalDays,
  addLocalWeeks,
  formatDayAndTime,
  instantAt,
  isoDateTime,
  localDateAt,
  minuteOfLocalDay,
  startOfLocalDay,
  startOfLocalIsoWeek,
  startOfLocalMonth,
  wallClockAt,
  zoneAbbreviation,
} from "../../src/model/index.js";

const HOUR = 60 * 60 * 1000;
const utc = (iso: string) => Date.parse(iso);
const iso = (ms: number) => new Date(ms).toISOString().replace(".000Z", "Z");
const wallText = (ms: number, zone: string) => isoDateTime(wallClockAt(ms, zone));

/**
 * Both European changes of 2025, at 01:00 UTC on the last Sundays of March (30th) and October
 * (26th). London and Lisbon skip 01:00–02:00 and repeat 01:00–02:00; Berlin skips and repeats
 * 02:00–03:00.
 */
const ZONES = [
  {
    zone: "Europe/London",
    winter: 0,
    summer: 1,
    skipped: { hour: 1, minute: 30, lands: "2025-03-30T01:30:00Z", shows: "2025-03-30T02:30" },
    repeated: { hour: 1, minute: 30, first: "2025-10-26T00:30:00Z", second: "2025-10-26T01:30:00Z" },
  },
  {
    zone: "Europe/Lisbon",
    winter: 0,
    summer: 1,
    skipped: { hour: 1, minute: 30, lands: "2025-03-30T01:30:00Z", shows: "2025-03-30T02:30" },
    repeated: { hour: 1, minute: 30, first: "2025-10-26T00:30:00Z", second: "2025-10-26T01:30:00Z" },
  },
  {
    zone: "Europe/Berlin",
    winter: 1,
    summer: 2,
    skipped: { hour: 2, minute: 30, lands: "2025-03-30T01:30:00Z", shows: "2025-03-30T03:30" },
    repeated: { hour: 2, minute: 30, first: "2025-10-26T00:30:00Z", second: "2025-10-26T01:30:00Z" },
  },
] as const;

describe.each(ZONES)("local time in $zone across both daylight-saving changes", (z) => {
  const at = (month: number, day: number, hour: number, minute = 0) =>
    instantAt({ year: 2025, month, day, hour, minute }, z.zone);

  it("turns wall-clock times into instants with the offset of the day", () => {
    expect(at(3, 29, 18, 30)).toBe(utc("2025-03-29T18:30:00Z") - z.winter * HOUR);
    expect(at(3, 31, 18, 30)).toBe(utc("2025-03-31T18:30:00Z") - z.summer * HOUR);
    expect(at(10, 25, 18, 30)).toBe(utc("2025-10-25T18:30:00Z") - z.summer * HOUR);
    expect(at(10, 27, 18, 30)).toBe(utc("2025-10-27T18:30:00Z") - z.winter * HOUR);
  });

  it("moves a skipped time (spring forward) on by the gap", () => {
    const lands = at(3, 30, z.skipped.hour, z.skipped.minute);
    expect(iso(lands)).toBe(z.skipped.lands);
    expect(wallText(lands, z.zone)).toBe(z.skipped.shows);
  });

  it("reads a repeated time (fall back) as its first pass; both passes show the same wall clock", () => {
    const first = at(10, 26, z.repeated.hour, z.repeated.minute);
    expect(iso(first)).toBe(z.repeated.first);
    const second = utc(z.repeated.second);
    expect(second - first).toBe(HOUR);
    expect(wallText(first, z.zone)).toBe(wallText(second, z.zone));
    expect(minuteOfLocalDay(first, z.zone)).toBe(minuteOfLocalDay(second, z.zone));
  });

  it("round-trips every quarter hour of both change days, except second passes of the repeated hour", () => {
    const secondPasses: string[] = [];
    for (const day of ["2025-03-29T22:00:00Z", "2025-10-25T22:00:00Z"]) {
      for (let ms = utc(day); ms < utc(day) + 28 * HOUR; ms += HOUR / 4) {
        const back = instantAt(wallClockAt(ms, z.zone), z.zone);
        if (back !== ms) {
          expect(ms - back).toBe(HOUR);
          secondPasses.push(iso(ms));
        }
        expect(wallText(back, z.zone)).toBe(wallText(ms, z.zone));
      }
    }
    // The repeated hour's second pass is 01:00–02:00 UTC on 26 October in all three zones.
    expect(secondPasses).toEqual(["01:00", "01:15", "01:30", "01:45"].map((t) => `2025-10-26T${t}:00Z`));
  });

  it("keeps the wall clock when adding local days and weeks, so days are 23 or 25 hours long", () => {
    const saturdayNoon = at(3, 29, 12);
    expect(addLocalDays(saturdayNoon, 1, z.zone) - saturdayNoon).toBe(23 * HOUR);
    expect(addLocalDays(at(10, 25, 12), 1, z.zone) - at(10, 25, 12)).toBe(25 * HOUR);

    const mondayEvening = at(3, 24, 18, 30);
    expect(wallText(addLocalWeeks(mondayEvening, 1, z.zone), z.zone)).toBe("2025-03-31T18:30");
    expect(addLocalWeeks(mondayEvening, 1, z.zone) - mondayEvening).toBe(7 * 24 * HOUR - HOUR);
    const october = at(10, 20, 18, 30);
    expect(wallText(addLocalWeeks(october, 1, z.zone), z.zone)).toBe("2025-10-27T18:30");
    expect(addLocalWeeks(october, 1, z.zone) - october).toBe(7 * 24 * HOUR + HOUR);
    // Backwards too, and keeping seconds.
    expect(addLocalWeeks(addLocalWeeks(mondayEvening + 1234, 1, z.zone), -1, z.zone)).toBe(mondayEvening + 1234);
  });

  it("lands a day step on a skipped or repeated time as instantAt does", () => {
    const { hour, minute } = z.skipped;
    expect(iso(addLocalDays(at(3, 29, hour, minute), 1, z.zone))).toBe(z.skipped.lands);
    expect(iso(addLocalDays(at(10, 25, z.repeated.hour, z.repeated.minute), 1, z.zone))).toBe(z.repeated.first);
  });

  it("starts local days, ISO weeks and months at local midnight", () => {
    const changeDay = startOfLocalDay(at(3, 30, 12), z.zone);
    expect(changeDay).toBe(utc("2025-03-30T00:00:00Z") - z.winter * HOUR);
    expect(startOfLocalDay(at(3, 31, 12), z.zone) - changeDay).toBe(23 * HOUR);
    expect(startOfLocalDay(at(10, 27, 12), z.zone) - startOfLocalDay(at(10, 26, 12), z.zone)).toBe(25 * HOUR);

    // Sunday of the spring change is still in the week that began on Monday 24 March (winter time);
    // 00:30 on Monday 31 March is in the next week, which began at midnight summer time.
    expect(startOfLocalIsoWeek(at(3, 30, 23, 30), z.zone)).toBe(utc("2025-03-24T00:00:00Z") - z.winter * HOUR);
    expect(startOfLocalIsoWeek(at(3, 31, 0, 30), z.zone)).toBe(utc("2025-03-31T00:00:00Z") - z.summer * HOUR);
    expect(startOfLocalIsoWeek(at(10, 27, 0, 30), z.zone)).toBe(utc("2025-10-27T00:00:00Z") - z.winter * HOUR);

    expect(startOfLocalMonth(at(10, 31, 23, 30), z.zone)).toBe(utc("2025-10-01T00:00:00Z") - z.summer * HOUR);
    expect(startOfLocalMonth(at(11, 1, 0, 30), z.zone)).toBe(utc("2025-11-01T00:00:00Z") - z.winter * HOUR);
  });

  it("counts minutes of the local day on both sides of each change", () => {
    const changeUtc = utc("2025-03-30T01:00:00Z");
    expect(minuteOfLocalDay(changeUtc - 60_000, z.zone)).toBe((z.winter + 1) * 60 - 1);
    expect(minuteOfLocalDay(changeUtc, z.zone)).toBe((z.summer + 1) * 60);
    const backUtc = utc("2025-10-26T01:00:00Z");
    expect(minuteOfLocalDay(backUtc - 60_000, z.zone)).toBe((z.summer + 1) * 60 - 1);
    expect(minuteOfLocalDay(backUtc, z.zone)).toBe((z.winter + 1) * 60);
  });
});

describe("local dates and formatting", () => {
  it("reads the local date, which may differ from the UTC date", () => {
    expect(localDateAt(utc("2025-06-30T23:30:00Z"), "Europe/Berlin")).toEqual({ year: 2025, month: 7, day: 1 });
    expect(localDateAt(utc("2025-06-30T22:30:00Z"), "Europe/Lisbon")).toEqual({ year: 2025, month: 6, day: 30 });
  });

  it("writes a class's time and names the zone, by season", () => {
    const summer = utc("2025-06-04T17:30:00Z");
    expect(formatDayAndTime(summer, "Europe/Berlin")).toBe("Wed 4 Jun, 19:30");
    expect(formatDayAndTime(summer, "Europe/London")).toBe("Wed 4 Jun, 18:30");
    expect(zoneAbbreviation(summer, "Europe/Berlin")).toBe("CEST");
    expect(zoneAbbreviation(summer, "Europe/London")).toBe("BST");
    expect(zoneAbbreviation(utc("2025-01-04T12:00:00Z"), "Europe/London")).toBe("GMT");
    expect(zoneAbbreviation(utc("2025-01-04T12:00:00Z"), "Europe/Lisbon")).toBe("WET");
  });

  it("reads an unknown zone as UTC", () => {
    const ms = utc("2025-06-04T17:30:00Z");
    expect(minuteOfLocalDay(ms, "Not/AZone")).toBe(17 * 60 + 30);
    expect(formatDayAndTime(ms, "")).toBe("Wed 4 Jun, 17:30");
    expect(instantAt({ year: 2025, month: 6, day: 4, hour: 17, minute: 30 }, "Not/AZone")).toBe(ms);
  });
});

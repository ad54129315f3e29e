import { afterEach, describe, expect, it, vi } from "vitest";
import {
  browserTimeZone,
  dayKey,
  dayLabel,
  formatDateTime,
  formatLocalDateTime,
  formatTime,
  msToZonedInput,
  nextDays,
  zonedInputToMs,
  zoneAbbreviation,
} from "./time";

// Berlin in 2025: CET (+1) until 02:00 on Sunday 30 March, then CEST (+2) until 03:00 on Sunday
// 26 October, when 02:00–03:00 happens twice.
const BERLIN = "Europe/Berlin";
const HOUR_MS = 3600_000;

describe("zonedInputToMs and msToZonedInput", () => {
  it("read an instructor's input as wall-clock time in the class's city", () => {
    expect(zonedInputToMs("2025-06-04T18:30", BERLIN)).toBe(Date.UTC(2025, 5, 4, 16, 30));
    expect(zonedInputToMs("2025-06-04T18:30", "Europe/London")).toBe(Date.UTC(2025, 5, 4, 17, 30));
    expect(zonedInputToMs("2025-01-15T18:30", "Europe/Lisbon")).toBe(Date.UTC(2025, 0, 15, 18, 30));
    expect(msToZonedInput(Date.UTC(2025, 5, 4, 16, 30), BERLIN)).toBe("2025-06-04T18:30");
  });

  it("use the offset in force on each side of the spring change", () => {
    expect(zonedInputToMs("2025-03-30T01:30", BERLIN)).toBe(Date.UTC(2025, 2, 30, 0, 30));
    expect(zonedInputToMs("2025-03-30T03:30", BERLIN)).toBe(Date.UTC(2025, 2, 30, 1, 30));
    expect(msToZonedInput(Date.UTC(2025, 2, 30, 0, 59), BERLIN)).toBe("2025-03-30T01:59");
    expect(msToZonedInput(Date.UTC(2025, 2, 30, 1, 0), BERLIN)).toBe("2025-03-30T03:00");
  });

  it("move a skipped time on by the gap, and read a repeated one as its first pass", () => {
    expect(zonedInputToMs("2025-03-30T02:30", BERLIN)).toBe(Date.UTC(2025, 2, 30, 1, 30));
    expect(zonedInputToMs("2025-10-26T02:30", BERLIN)).toBe(Date.UTC(2025, 9, 26, 0, 30));
    expect(msToZonedInput(Date.UTC(2025, 9, 26, 0, 30), BERLIN)).toBe("2025-10-26T02:30");
    expect(msToZonedInput(Date.UTC(2025, 9, 26, 1, 30), BERLIN)).toBe("2025-10-26T02:30");
    expect(zonedInputToMs("2025-10-26T03:30", BERLIN)).toBe(Date.UTC(2025, 9, 26, 2, 30));
  });

  it("round-trip every quarter hour of both change days that the clock shows", () => {
    for (const start of [Date.UTC(2025, 2, 29, 23), Date.UTC(2025, 9, 25, 22)]) {
      for (let ms = start; ms < start + 25 * HOUR_MS; ms += 15 * 60_000) {
        const input = msToZonedInput(ms, BERLIN);
        expect(msToZonedInput(zonedInputToMs(input, BERLIN) ?? Number.NaN, BERLIN)).toBe(input);
      }
    }
  });

  it("reject what a datetime-local input never holds", () => {
    for (const value of ["", "2025-06-04", "2025-06-04 18:30", "2025-06-04T18:30:00", "4/6/2025 18:30"]) {
      expect(zonedInputToMs(value, BERLIN)).toBeNull();
    }
  });
});

describe("dayKey", () => {
  it("is the calendar day in the zone, not in UTC", () => {
    const lateSaturdayUtc = Date.UTC(2025, 2, 29, 23, 30);
    expect(dayKey(lateSaturdayUtc, BERLIN)).toBe("2025-03-30");
    expect(dayKey(lateSaturdayUtc, "Europe/London")).toBe("2025-03-29");
    expect(dayKey(Date.UTC(2025, 9, 26, 22, 59), BERLIN)).toBe("2025-10-26");
    expect(dayKey(Date.UTC(2025, 9, 26, 23, 0), BERLIN)).toBe("2025-10-27");
  });
});

describe("nextDays and dayLabel", () => {
  it("list each calendar day once across the 23-hour spring day", () => {
    const saturdayEvening = Date.UTC(2025, 2, 29, 22, 0); // 23:00 CET
    expect(nextDays(saturdayEvening, BERLIN, 4)).toEqual([
      { key: "2025-03-29", label: "Today" },
      { key: "2025-03-30", label: "Tomorrow" },
      { key: "2025-03-31", label: "Monday 31 March" },
      { key: "2025-04-01", label: "Tuesday 1 April" },
    ]);
  });

  it("list each calendar day once across the 25-hour autumn day", () => {
    const sundayJustAfterMidnight = Date.UTC(2025, 9, 25, 22, 30); // 00:30 CEST on the 26th
    expect(nextDays(sundayJustAfterMidnight, BERLIN, 3)).toEqual([
      { key: "2025-10-26", label: "Today" },
      { key: "2025-10-27", label: "Tomorrow" },
      { key: "2025-10-28", label: "Tuesday 28 October" },
    ]);
  });

  it("names today and tomorrow by the zone's calendar", () => {
    const now = Date.UTC(2025, 5, 3, 22, 30); // Tuesday 23:30 in London, already Wednesday in Berlin
    const wednesdayEvening = Date.UTC(2025, 5, 4, 17, 0);
    expect(dayLabel(wednesdayEvening, "Europe/London", now)).toBe("Tomorrow");
    expect(dayLabel(wednesdayEvening, BERLIN, now)).toBe("Today");
    expect(dayLabel(Date.UTC(2025, 5, 6, 17, 0), BERLIN, now)).toBe("Friday 6 June");
  });
});

describe("formatting", () => {
  it("writes a class's time on its city's clock", () => {
    const ms = Date.UTC(2025, 5, 4, 16, 30);
    expect(formatTime(ms, BERLIN)).toBe("18:30");
    expect(formatTime(ms, "Europe/Lisbon")).toBe("17:30");
    expect(formatDateTime(ms, BERLIN)).toBe("Wed 4 Jun, 18:30");
    expect(formatDateTime(Date.UTC(2025, 5, 4, 23, 5), BERLIN)).toBe("Thu 5 Jun, 01:05");
  });

  it("names the zone as it is on that date", () => {
    const winter = Date.UTC(2025, 0, 15, 12);
    const summer = Date.UTC(2025, 6, 15, 12);
    expect([zoneAbbreviation(winter, BERLIN), zoneAbbreviation(summer, BERLIN)]).toEqual(["CET", "CEST"]);
    expect([zoneAbbreviation(winter, "Europe/London"), zoneAbbreviation(summer, "Europe/London")]).toEqual([
      "GMT",
      "BST",
    ]);
    expect([zoneAbbreviation(winter, "Europe/Lisbon"), zoneAbbreviation(summer, "Europe/Lisbon")]).toEqual([
      "WET",
      "WEST",
    ]);
    // Either side of the autumn change, an hour apart at the same wall-clock time.
    expect(zoneAbbreviation(Date.UTC(2025, 9, 26, 0, 30), BERLIN)).toBe("CEST");
    expect(zoneAbbreviation(Date.UTC(2025, 9, 26, 1, 30), BERLIN)).toBe("CET");
  });

  it("reads an unknown zone as UTC", () => {
    expect(formatTime(Date.UTC(2025, 5, 4, 16, 30), "Mars/Olympus")).toBe("16:30");
    expect(zoneAbbreviation(Date.UTC(2025, 5, 4, 16, 30), "Mars/Olympus")).toBe("UTC");
  });
});

describe("the reader's own clock", () => {
  const deviceOptions = new Intl.DateTimeFormat().resolvedOptions();
  const onDevice = (timeZone: string) =>
    vi.spyOn(Intl.DateTimeFormat.prototype, "resolvedOptions").mockReturnValue({ ...deviceOptions, timeZone });

  afterEach(() => {
    vi.restoreAllMocks();
  });

  it("writes a time in the device's zone, named", () => {
    onDevice("Europe/Lisbon");
    expect(browserTimeZone()).toBe("Europe/Lisbon");
    expect(formatLocalDateTime(Date.UTC(2025, 5, 4, 16, 30))).toBe("Wed 4 Jun, 17:30 WEST");
  });

  it("falls back to UTC when the device names no zone", () => {
    onDevice("");
    expect(browserTimeZone()).toBe("UTC");
    expect(formatLocalDateTime(Date.UTC(2025, 5, 4, 16, 30))).toBe("Wed 4 Jun, 16:30 UTC");
  });
});

import { describe, expect, it } from "vitest";
import { addDays, dayOfWeek, isoDate, localDate, zonedTimeToUtc } from "./time.js";

describe("zoned time", () => {
  it("converts a local wall time to UTC on both sides of a DST change", () => {
    expect(new Date(zonedTimeToUtc({ year: 2025, month: 3, day: 29 }, 18, 30, "Europe/Berlin")).toISOString()).toBe(
      "2025-03-29T17:30:00.000Z",
    );
    expect(new Date(zonedTimeToUtc({ year: 2025, month: 3, day: 31 }, 18, 30, "Europe/Berlin")).toISOString()).toBe(
      "2025-03-31T16:30:00.000Z",
    );
    expect(new Date(zonedTimeToUtc({ year: 2025, month: 10, day: 26 }, 9, 0, "Europe/London")).toISOString()).toBe(
      "2025-10-26T09:00:00.000Z",
    );
  });

  it("reads the local date, which may differ from the UTC date", () => {
    expect(localDate(new Date("2025-06-30T23:30:00Z"), "Europe/Berlin")).toEqual({ year: 2025, month: 7, day: 1 });
    expect(localDate(new Date("2025-06-30T23:30:00Z"), "Europe/Lisbon")).toEqual({ year: 2025, month: 7, day: 1 });
    expect(localDate(new Date("2025-06-30T22:30:00Z"), "Europe/Lisbon")).toEqual({ year: 2025, month: 6, day: 30 });
  });

  it("adds days across month ends and names weekdays", () => {
    const date = addDays({ year: 2024, month: 2, day: 27 }, 3);
    expect(isoDate(date)).toBe("2024-03-01");
    expect(dayOfWeek(date)).toBe(5); // a Friday
  });
});

describe("zoned time at the changes themselves", () => {
  it("moves a skipped time on by the gap and reads a repeated one as its first pass", () => {
    const march30 = { year: 2025, month: 3, day: 30 };
    const october26 = { year: 2025, month: 10, day: 26 };
    expect(new Date(zonedTimeToUtc(march30, 2, 30, "Europe/Berlin")).toISOString()).toBe("2025-03-30T01:30:00.000Z");
    expect(new Date(zonedTimeToUtc(march30, 1, 30, "Europe/Lisbon")).toISOString()).toBe("2025-03-30T01:30:00.000Z");
    expect(new Date(zonedTimeToUtc(october26, 1, 30, "Europe/London")).toISOString()).toBe("2025-10-26T00:30:00.000Z");
    expect(new Date(zonedTimeToUtc(october26, 2, 30, "Europe/Berlin")).toISOString()).toBe("2025-10-26T00:30:00.000Z");
  });
});

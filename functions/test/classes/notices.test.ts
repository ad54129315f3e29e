import { describe, expect, it } from "vitest";
import { cancelledNotice, dueReminder, promotedNotice, reminderNotice } from "../../src/classes/notices.js";
import { weeklyOccurrences } from "../../src/classes/recurrence.js";
import { attendanceStats } from "../../src/model/index.js";

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;
const cls = {
  classId: "c1",
  title: "Track Intervals",
  startsAtMs: Date.UTC(2026, 11, 1, 18),
  timeZone: "Europe/London",
};

describe("class notices", () => {
  it("have deterministic ids, so a retried trigger cannot notify twice", () => {
    expect(cancelledNotice(cls).id).toBe(cancelledNotice(cls).id);
    expect(reminderNotice(cls, "24h", 0).id).not.toBe(reminderNotice(cls, "1h", 0).id);
    // A second promotion (after leaving and rejoining) is a different place in line: a new notice.
    expect(promotedNotice(cls, 1000).id).not.toBe(promotedNotice(cls, 2000).id);
  });

  it("say what happened and when, in the class's own time zone", () => {
    const notice = cancelledNotice(cls);
    expect(notice).toMatchObject({
      type: "class_cancelled",
      title: "Cancelled: Track Intervals",
      data: { classId: "c1" },
    });
    expect(notice.body).toContain("Tue 1 Dec, 18:00");
  });
});

describe("reminders", () => {
  it("say today or tomorrow by the calendar of the class's city", () => {
    const evening = { ...cls, startsAtMs: Date.parse("2026-03-29T18:30:00Z"), timeZone: "Europe/Berlin" }; // 20:30 CEST
    expect(reminderNotice(evening, "24h", Date.parse("2026-03-28T21:00:00Z")).title).toBe("Track Intervals tomorrow");
    // 23:30 UTC on the 28th is already the 29th in Berlin.
    expect(reminderNotice(evening, "24h", Date.parse("2026-03-28T23:30:00Z")).title).toBe("Track Intervals today");
    expect(reminderNotice(evening, "1h", Date.parse("2026-03-29T17:45:00Z")).title).toBe("Track Intervals in an hour");
    expect(reminderNotice(evening, "1h", 0).body).toBe("See you Sun 29 Mar, 20:30.");
  });
});

describe("dueReminder", () => {
  const start = cls.startsAtMs;
  it("sends the day-before reminder inside 24 hours and the last-hour one inside an hour", () => {
    expect(dueReminder(start, start - 25 * HOUR, [])).toBeNull();
    expect(dueReminder(start, start - 23 * HOUR, [])).toBe("24h");
    expect(dueReminder(start, start - 30 * 60 * 1000, ["24h"])).toBe("1h");
  });
  it("never repeats a reminder, and skips the day-before one once inside the last hour", () => {
    expect(dueReminder(start, start - 23 * HOUR, ["24h"])).toBeNull();
    expect(dueReminder(start, start - 30 * 60 * 1000, [])).toBe("1h");
    expect(dueReminder(start, start - 30 * 60 * 1000, ["1h"])).toBeNull();
    expect(dueReminder(start, start + 1, [])).toBeNull();
  });
});

describe("weeklyOccurrences", () => {
  it("creates the next N weeks with ids derived from the first class", () => {
    expect(weeklyOccurrences("yoga", 0, 3, "UTC")).toEqual([
      { id: "yoga-w1", startsAtMs: 7 * DAY },
      { id: "yoga-w2", startsAtMs: 14 * DAY },
      { id: "yoga-w3", startsAtMs: 21 * DAY },
    ]);
  });

  // 2025: clocks go forward on 30 March and back on 26 October, at 01:00 UTC.
  const wallClock = (ms: number, timeZone: string) =>
    new Intl.DateTimeFormat("en-GB", {
      timeZone,
      weekday: "short",
      hour: "2-digit",
      minute: "2-digit",
    }).format(ms);
  it.each([
    ["Europe/London", "2025-03-17T18:30:00Z", "2025-10-13T17:30:00Z"],
    ["Europe/Berlin", "2025-03-17T17:30:00Z", "2025-10-13T16:30:00Z"],
    ["Europe/Lisbon", "2025-03-17T18:30:00Z", "2025-10-13T17:30:00Z"],
  ])("keep an 18:30 class at 18:30 in %s across both changes", (timeZone, march, october) => {
    for (const first of [Date.parse(march), Date.parse(october)]) {
      const series = weeklyOccurrences("run", first, 4, timeZone);
      expect(series.map((o) => wallClock(o.startsAtMs, timeZone))).toEqual(Array(4).fill("Mon 18:30"));
      // The week that crosses the change is an hour shorter in spring and an hour longer in autumn.
      const gaps = [first, ...series.map((o) => o.startsAtMs)].slice(1).map((ms, i, all) => ms - (all[i - 1] ?? first));
      expect(gaps.filter((g) => g !== 7 * DAY)).toEqual([
        first === Date.parse(march) ? 7 * DAY - HOUR : 7 * DAY + HOUR,
      ]);
    }
  });
});

describe("attendanceStats", () => {
  const now = Date.UTC(2026, 10, 25, 12); // a Wednesday
  const attended = (ms: number) => ({ status: "attended", classStartsAtMs: ms });
  it("counts classes attended this month, ignoring no-shows", () => {
    const stats = attendanceStats(
      [attended(now - DAY), attended(Date.UTC(2026, 9, 30)), { status: "no_show", classStartsAtMs: now - 2 * DAY }],
      now,
      "Europe/London",
    );
    expect(stats.attendedThisMonth).toBe(1);
    expect(stats.totalAttended).toBe(2);
  });
  it("counts consecutive weeks with a class, still alive in a week not yet trained", () => {
    const weeksAgo = (n: number) => now - n * 7 * DAY;
    const streak = (records: ReturnType<typeof attended>[]) =>
      attendanceStats(records, now, "Europe/London").weeklyStreak;
    expect(streak([attended(weeksAgo(0)), attended(weeksAgo(1)), attended(weeksAgo(2))])).toBe(3);
    expect(streak([attended(weeksAgo(1)), attended(weeksAgo(2))])).toBe(2);
    expect(streak([attended(weeksAgo(0)), attended(weeksAgo(2))])).toBe(1);
    expect(streak([attended(weeksAgo(3))])).toBe(0);
  });
  it("reads weeks and months in the member's zone", () => {
    // 00:30 on Monday 2 November in Berlin is still Sunday 1 November, 23:30, in London.
    const mondayBerlin = Date.parse("2026-11-01T23:30:00Z");
    const sundayBefore = Date.parse("2026-11-01T10:00:00Z");
    const berlin = attendanceStats([attended(sundayBefore), attended(mondayBerlin)], mondayBerlin, "Europe/Berlin");
    expect(berlin.weeklyStreak).toBe(2);
    const london = attendanceStats([attended(sundayBefore), attended(mondayBerlin)], mondayBerlin, "Europe/London");
    expect(london.weeklyStreak).toBe(1);
    // 00:30 on 1 November in Lisbon is 20:30 on 31 October in New York.
    const firstOfMonth = Date.parse("2026-11-01T00:30:00Z");
    expect(
      attendanceStats([attended(firstOfMonth)], Date.parse("2026-11-20T12:00:00Z"), "Europe/Lisbon").attendedThisMonth,
    ).toBe(1);
    expect(
      attendanceStats([attended(firstOfMonth)], Date.parse("2026-11-20T12:00:00Z"), "America/New_York")
        .attendedThisMonth,
    ).toBe(0);
  });
  it("keeps a streak across both daylight-saving changes", () => {
    // A Monday 18:30 class in Berlin, weekly from mid-March to mid-November 2025.
    const mondays = weeklyOccurrences("run", Date.parse("2025-03-10T17:30:00Z"), 36, "Europe/Berlin").map((o) =>
      attended(o.startsAtMs),
    );
    const lastClass = mondays.at(-1)!.classStartsAtMs;
    expect(attendanceStats(mondays, lastClass + DAY, "Europe/Berlin").weeklyStreak).toBe(36);
  });
});

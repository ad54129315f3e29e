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
    expect(reminderNotice(cls, "24h").id).not.toBe(reminderNotice(cls, "1h").id);
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
    expect(weeklyOccurrences("yoga", 0, 3)).toEqual([
      { id: "yoga-w1", startsAtMs: 7 * DAY },
      { id: "yoga-w2", startsAtMs: 14 * DAY },
      { id: "yoga-w3", startsAtMs: 21 * DAY },
    ]);
  });
});

describe("attendanceStats", () => {
  const now = Date.UTC(2026, 10, 25, 12); // a Wednesday
  const attended = (ms: number) => ({ status: "attended", classStartsAtMs: ms });
  it("counts classes attended this month, ignoring no-shows", () => {
    const stats = attendanceStats(
      [attended(now - DAY), attended(Date.UTC(2026, 9, 30)), { status: "no_show", classStartsAtMs: now - 2 * DAY }],
      now,
    );
    expect(stats.attendedThisMonth).toBe(1);
    expect(stats.totalAttended).toBe(2);
  });
  it("counts consecutive weeks with a class, still alive in a week not yet trained", () => {
    const weeksAgo = (n: number) => now - n * 7 * DAY;
    expect(
      attendanceStats([attended(weeksAgo(0)), attended(weeksAgo(1)), attended(weeksAgo(2))], now).weeklyStreak,
    ).toBe(3);
    expect(attendanceStats([attended(weeksAgo(1)), attended(weeksAgo(2))], now).weeklyStreak).toBe(2);
    expect(attendanceStats([attended(weeksAgo(0)), attended(weeksAgo(2))], now).weeklyStreak).toBe(1);
    expect(attendanceStats([attended(weeksAgo(3))], now).weeklyStreak).toBe(0);
  });
});

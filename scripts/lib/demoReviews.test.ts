import { describe, expect, it } from "vitest";
import {
  attendanceRecordSchema,
  attendeeSchema,
  classReviewSchema,
  classSchema,
  type TimestampLike,
} from "../../functions/src/model/index.js";
import { FIXED_LOGINS, generateDemoData } from "./demoData.js";
import { demoMatchPartners } from "./demoConversations.js";
import { generateDemoPastClasses } from "./demoReviews.js";

class FakeTimestamp implements TimestampLike {
  constructor(private readonly millis: number) {}
  toMillis(): number {
    return this.millis;
  }
}

const NOW_MS = Date.parse("2025-03-27T10:15:00Z");
const timestamp = (ms: number) => new FakeTimestamp(ms);
const data = generateDemoData({ now: new Date(NOW_MS), timestamp });
const past = generateDemoPastClasses(data, { nowMs: NOW_MS, timestamp });

describe("demo reviews", () => {
  it("gives every instructor a class that has ended, with checked-in attendees and valid reviews", () => {
    const instructors = data.accounts.filter((a) => a.role === "instructor");
    expect(past).toHaveLength(instructors.length);
    for (const c of past) {
      expect(classSchema.safeParse(c.data).success).toBe(true);
      expect(c.data.startsAt.toMillis() + c.data.durationMinutes * 60_000).toBeLessThan(NOW_MS);
      expect(c.attendees.length).toBeGreaterThanOrEqual(8);
      for (const a of c.attendees) {
        expect(attendeeSchema.safeParse(a.row).success).toBe(true);
        expect(attendanceRecordSchema.safeParse(a.record).success).toBe(true);
      }
      const attended = new Set(c.attendees.map((a) => a.uid));
      for (const r of c.reviews) {
        expect(classReviewSchema.safeParse(r.review).success).toBe(true);
        expect(attended.has(r.uid)).toBe(true); // only people who were there
      }
    }
  });

  it("leaves the fixed member a class they attended yesterday and have not rated, and one held review for admins", () => {
    const mine = past.filter((c) => c.attendees.some((a) => a.uid === FIXED_LOGINS.member.uid));
    expect(mine).toHaveLength(1);
    expect(mine[0]!.data.instructorId).toBe(FIXED_LOGINS.instructor.uid);
    expect(NOW_MS - mine[0]!.data.startsAt.toMillis()).toBeLessThan(2 * 86_400_000);
    expect(mine[0]!.reviews.map((r) => r.uid)).not.toContain(FIXED_LOGINS.member.uid);
    const held = past.flatMap((c) => c.reviews).filter((r) => r.review.status === "held");
    expect(held).toHaveLength(1);
    expect(held[0]!.review.needsModeration).toBe(true);
  });

  it("seats the fixed member's first match beside them, so the class page asks for partner feedback", () => {
    const mine = past.find((c) => c.attendees.some((a) => a.uid === FIXED_LOGINS.member.uid))!;
    const partner = demoMatchPartners(data.accounts)[0]!;
    expect(mine.attendees.find((a) => a.uid === partner.uid)?.row.status).toBe("attended");
  });

  it("is the same on every run", () => {
    const again = generateDemoPastClasses(data, { nowMs: NOW_MS, timestamp });
    expect(JSON.stringify(again)).toBe(JSON.stringify(past));
  });
});

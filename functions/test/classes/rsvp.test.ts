import { describe, expect, it } from "vitest";
import {
  decideJoin,
  decideLeave,
  dueForPromotion,
  ensureCanMarkAttendance,
  ensureCheckInOpen,
  ensureRsvpOpen,
  waitlistPositionFor,
} from "../../src/classes/rsvp.js";
import { DomainError } from "../../src/shared/errors.js";

const HOUR = 60 * 60 * 1000;
const now = Date.UTC(2026, 10, 25, 12);

describe("the first `capacity` arrivals hold the seats", () => {
  const capacity = 20;
  const position = (rank: number) => waitlistPositionFor({ rank, capacity, confirmedCount: capacity });

  it("seats the head of the line and numbers the waitlist from 1 with no gaps", () => {
    // 1,000 arrivals, all still marked waiting: the head of the line (the first `capacity`) is due a seat.
    const line = Array.from({ length: 1000 }, (_, rank) => ({ rank, status: "waitlisted" as const }));
    const seated = dueForPromotion(line.slice(0, capacity));
    expect(seated).toHaveLength(20);
    expect(seated.map((s) => s.rank)).toEqual(Array.from({ length: 20 }, (_, i) => i));
    expect(line.slice(capacity).map((s) => position(s.rank))).toEqual(Array.from({ length: 980 }, (_, i) => i + 1));
  });

  it("moves everyone behind up by one when someone ahead leaves", () => {
    expect(position(25)).toBe(6);
    expect(position(24)).toBe(5);
    expect(position(20)).toBe(1);
  });
});

describe("dueForPromotion", () => {
  it("picks exactly the waitlisted rows inside the head of the line, in order", () => {
    const head = [
      { uid: "a", status: "confirmed" as const },
      { uid: "b", status: "waitlisted" as const },
      { uid: "c", status: "confirmed" as const },
      { uid: "d", status: "waitlisted" as const },
    ];
    expect(dueForPromotion(head).map((r) => r.uid)).toEqual(["b", "d"]);
    expect(dueForPromotion(head.filter((r) => r.status === "confirmed"))).toEqual([]);
  });
});

describe("joining and leaving", () => {
  it("keeps an active RSVP as it is, and lets a member who left join again", () => {
    expect(decideJoin("confirmed")).toBe("keep");
    expect(decideJoin("waitlisted")).toBe("keep");
    expect(decideJoin(null)).toBe("join");
    expect(decideJoin("cancelled")).toBe("join");
    expect(() => decideJoin("attended")).toThrow(DomainError);
  });

  it("leaves only an active RSVP, remembering which count it held", () => {
    expect(decideLeave("confirmed")).toEqual({ leave: true, from: "confirmed" });
    expect(decideLeave("waitlisted")).toEqual({ leave: true, from: "waitlisted" });
    expect(decideLeave("cancelled")).toEqual({ leave: false });
    expect(decideLeave(null)).toEqual({ leave: false });
  });

  it("closes RSVPs for cancelled and started classes with a message a member can read", () => {
    expect(() => ensureRsvpOpen({ status: "cancelled", startsAtMs: now + HOUR }, now)).toThrow(
      "This class was cancelled.",
    );
    expect(() => ensureRsvpOpen({ status: "scheduled", startsAtMs: now }, now)).toThrow(
      "This class has already started.",
    );
    expect(() => ensureRsvpOpen({ status: "scheduled", startsAtMs: now + 1 }, now)).not.toThrow();
  });
});

describe("check-in", () => {
  it("opens an hour before the class and closes a week after", () => {
    const cls = { status: "scheduled" as const, startsAtMs: now };
    expect(() => ensureCheckInOpen(cls, now - 2 * HOUR)).toThrow(/opens an hour before/);
    expect(() => ensureCheckInOpen(cls, now - HOUR)).not.toThrow();
    expect(() => ensureCheckInOpen(cls, now + 24 * HOUR)).not.toThrow();
    expect(() => ensureCheckInOpen(cls, now + 8 * 24 * HOUR)).toThrow(/closed/);
  });

  it("is only for members who held a seat", () => {
    expect(() => ensureCanMarkAttendance("waitlisted")).toThrow(DomainError);
    expect(() => ensureCanMarkAttendance(null)).toThrow(DomainError);
    expect(() => ensureCanMarkAttendance("confirmed")).not.toThrow();
    expect(() => ensureCanMarkAttendance("no_show")).not.toThrow();
  });
});

describe("waitlistPositionFor", () => {
  it("counts the seats ahead, not rows still being promoted", () => {
    expect(waitlistPositionFor({ rank: 20, capacity: 20, confirmedCount: 15 })).toBe(1);
    expect(waitlistPositionFor({ rank: 999, capacity: 20, confirmedCount: 20 })).toBe(980);
  });
  it("still counts right when an admin lowered capacity below the confirmed count", () => {
    expect(waitlistPositionFor({ rank: 3, capacity: 1, confirmedCount: 2 })).toBe(2);
  });
  it("is never below 1", () => {
    expect(waitlistPositionFor({ rank: 0, capacity: 5, confirmedCount: 0 })).toBe(1);
  });
});

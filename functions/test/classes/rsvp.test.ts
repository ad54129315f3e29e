import { describe, expect, it } from "vitest";
import { decideJoin, ensureCanMarkAttendance, ensureCheckInOpen, ensureRsvpOpen } from "../../src/classes/rsvp.js";
import { DomainError } from "../../src/shared/errors.js";

const HOUR = 60 * 60 * 1000;
const now = Date.UTC(2026, 10, 25, 12);

describe("joining and leaving", () => {
  it("keeps an active RSVP as it is, and lets a member who left join again", () => {
    expect(decideJoin("confirmed")).toBe("keep");
    expect(decideJoin("waitlisted")).toBe("keep");
    expect(decideJoin(null)).toBe("join");
    expect(decideJoin("cancelled")).toBe("join");
    expect(() => decideJoin("attended")).toThrow(DomainError);
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

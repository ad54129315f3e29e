import { describe, expect, it } from "vitest";
import type { AttendeeStatus } from "@numina/model";
import { checkInOpen, rosterSections } from "./roster";

const row = (uid: string, status: AttendeeStatus, ticket: number) => ({ uid, status, ticket });
const uids = (rows: { attendee: { uid: string } }[]) => rows.map((r) => r.attendee.uid);

describe("rosterSections: the roster in the order the instructor needs it", () => {
  it("splits by state, each section in arrival order (ticket order)", () => {
    const sections = rosterSections([
      row("late", "confirmed", 30),
      row("gone", "cancelled", 5),
      row("early", "attended", 10),
      row("second", "confirmed", 21),
      row("first", "no_show", 20),
      row("waiting", "waitlisted", 40),
    ]);
    expect(uids(sections.seated)).toEqual(["early", "first", "second", "late"]);
    expect(uids(sections.waiting)).toEqual(["waiting"]);
    expect(uids(sections.left)).toEqual(["gone"]);
  });

  it("numbers the waitlist from 1, counting only members still waiting ahead", () => {
    const sections = rosterSections([
      row("seat1", "confirmed", 1),
      row("left", "cancelled", 2),
      row("seat2", "confirmed", 3),
      row("next", "waitlisted", 4),
      row("gave-up", "cancelled", 5),
      row("after", "waitlisted", 6),
    ]);
    expect(sections.waiting.map((r) => [r.attendee.uid, r.waitlistPosition])).toEqual([
      ["next", 1],
      ["after", 2],
    ]);
    expect(sections.seated.every((r) => r.waitlistPosition === null)).toBe(true);
  });
});

describe("checkInOpen: an hour before the class until a week after", () => {
  const HOUR = 3_600_000;
  const start = 1_000 * HOUR;
  it("opens an hour before and closes a week after", () => {
    expect(checkInOpen(start, start - HOUR - 1)).toBe(false);
    expect(checkInOpen(start, start - HOUR)).toBe(true);
    expect(checkInOpen(start, start + 7 * 24 * HOUR)).toBe(true);
    expect(checkInOpen(start, start + 7 * 24 * HOUR + 1)).toBe(false);
  });
});

import { afterAll, describe, expect, it } from "vitest";
import { isolatedFirestore } from "../support/emulators.js";
import { joinAll, leaveAll, lineOf, seedClass } from "../support/rsvpScenario.js";
import { uniqueId } from "../support/scenarios.js";

const { db, close } = isolatedFirestore();
afterAll(close);

describe("an RSVP storm on one class (rsvpStore, in process)", () => {
  it("never overbooks, keeps arrival order, promotes the head of the line and closes gaps", async () => {
    const classId = `storm-${uniqueId()}`;
    const capacity = 10;
    const uids = Array.from({ length: 120 }, (_, i) => `m${String(i).padStart(3, "0")}`);
    await seedClass(db, classId, capacity);

    // 120 join at once: exactly 10 seats, 110 waiting at positions 1..110.
    const joined = await joinAll(db, classId, uids);
    const seated = joined.filter((j) => j.result.status === "confirmed");
    expect(seated).toHaveLength(capacity);
    const told = joined.flatMap((j) => (j.result.status === "waitlisted" ? [j.result.waitlistPosition] : []));
    expect(told.sort((a = 0, b = 0) => a - b)).toEqual(Array.from({ length: 110 }, (_, i) => i + 1));
    let line = await lineOf(db, classId);
    expect(line.confirmed).toHaveLength(capacity);
    expect([line.confirmedCount, line.waitlistCount]).toEqual([10, 110]);
    const headOfLine = line.waitlist.slice(0, 5).map((w) => w.uid);

    // 5 confirmed cancel at once: exactly positions 1-5 are promoted, in order.
    await leaveAll(db, classId, line.confirmed.slice(0, 5));
    line = await lineOf(db, classId);
    expect(line.confirmed).toHaveLength(capacity);
    expect(line.confirmed.slice(-5)).toEqual(headOfLine);
    expect([line.confirmedCount, line.waitlistCount]).toEqual([10, 105]);

    // 30 waiting members leave at once: the rest close up with no gap.
    await leaveAll(
      db,
      classId,
      line.waitlist.slice(10, 40).map((w) => w.uid),
    );
    line = await lineOf(db, classId);
    expect(line.waitlist.map((w) => w.waitlistPosition)).toEqual(Array.from({ length: 75 }, (_, i) => i + 1));
    expect([line.confirmedCount, line.waitlistCount]).toEqual([10, 75]);
  }, 120_000);
});

import { afterAll, describe, expect, it } from "vitest";
import { isolatedFirestore } from "../support/emulators.js";
import { joinAll, leaveAll, lineOf, seedClass } from "../support/rsvpScenario.js";
import { uniqueId } from "../support/scenarios.js";

const { db, close } = isolatedFirestore();
// Three more clients of the same project: as many server processes, each with its own line for
// the class, racing on the class document as instances of a scaled-out function do.
const processes = Array.from({ length: 3 }, () => isolatedFirestore());
afterAll(async () => {
  await Promise.all([close(), ...processes.map((p) => p.close())]);
});

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

describe("RSVPs from several server processes at once", () => {
  it("never gives a seat twice, and numbers the waitlist without a gap or a repeat", async () => {
    const classId = `race-${uniqueId()}`;
    await seedClass(db, classId, 5);
    const dbs = [db, ...processes.map((p) => p.db)];
    // 120 members, each process serving a quarter of them, all at once.
    const joined = await Promise.all(
      dbs.map((d, p) =>
        joinAll(
          d,
          classId,
          Array.from({ length: 30 }, (_, i) => `p${p}-m${String(i).padStart(2, "0")}`),
        ),
      ),
    );
    const answers = joined.flat().map((j) => j.result);
    expect(answers.filter((a) => a.status === "confirmed")).toHaveLength(5);
    const told = answers.flatMap((a) => (a.status === "waitlisted" ? [a.waitlistPosition] : []));
    expect(told.sort((a = 0, b = 0) => a - b)).toEqual(Array.from({ length: 115 }, (_, i) => i + 1));

    const line = await lineOf(db, classId);
    expect([line.confirmed.length, line.confirmedCount, line.waitlistCount]).toEqual([5, 5, 115]);
    // Whoever a commit seated holds one of the five lowest tickets: the seated are the first arrivals.
    expect(line.states.slice(0, 5).every((s) => s.status === "confirmed")).toBe(true);

    // Confirmed members leave through different processes at once: the head of the line moves up in order.
    const head = line.waitlist.slice(0, 3).map((w) => w.uid);
    await Promise.all(line.confirmed.slice(0, 3).map((uid, i) => leaveAll(dbs[i]!, classId, [uid])));
    const after = await lineOf(db, classId);
    expect(after.confirmed.slice(-3)).toEqual(head);
    expect(after.waitlist.map((w) => w.waitlistPosition)).toEqual(Array.from({ length: 112 }, (_, i) => i + 1));
  }, 120_000);
});

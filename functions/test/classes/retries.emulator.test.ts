/**
 * The classes triggers are retried after a failure (shared/triggers.ts), so each reaction must end
 * in the right state, exactly once, when a delivery fails part-way and the event is delivered
 * again. Driven in process against an isolated Firestore (no triggers fire there): the first
 * delivery runs on a database that dies part-way (support/faults.ts), the second on the real one.
 */
import { afterAll, describe, expect, it } from "vitest";
import { Timestamp } from "firebase-admin/firestore";
import { applyClassUpdate, createOccurrences } from "../../src/classes/classStore.js";
import { formatInZone, paths, type FitnessClass } from "../../src/model/index.js";
import { refs } from "../../src/shared/refs.js";
import { testAttendeeRow, testClassDoc } from "../support/classFixture.js";
import { isolatedFirestore } from "../support/emulators.js";
import { failingAfterCommits, failingAfterWrites, InjectedFault } from "../support/faults.js";
import { uniqueId } from "../support/scenarios.js";

const { db, close } = isolatedFirestore("demo-numina-class-retries");
afterAll(close);

async function seededClass(overrides: Parameters<typeof testClassDoc>[0]): Promise<{ id: string; cls: FitnessClass }> {
  const id = `retried-${uniqueId()}`;
  await db.doc(paths.class(id)).set(testClassDoc(overrides));
  const cls = (await refs(db).class(id).get()).data();
  if (!cls) throw new Error(`class ${id} was not written`);
  return { id, cls };
}

describe("a class reaction that fails part-way and is delivered again", () => {
  it("creates each weekly occurrence once, at the class's local time across the clock change", async () => {
    // Mondays at 18:30 in Berlin from 14 October 2030; the clocks go back on Sunday 27 October.
    const { id, cls } = await seededClass({
      city: "berlin",
      startsAt: Timestamp.fromMillis(Date.parse("2030-10-14T16:30:00Z")),
      recurrence: { weeks: 4 },
    });
    const series = () => refs(db).classes().where("seriesId", "==", id).get();

    // The occurrences go out in one bulk batch: the first lands, the process dies before the rest.
    const crashing = failingAfterWrites(db, 1);
    await expect(createOccurrences(crashing.db, id, cls)).rejects.toThrow(/creates failed/);
    expect(crashing.failed()).toBeGreaterThan(0);
    expect((await series()).docs.map((d) => d.id)).toEqual([`${id}-w1`]);

    expect(await createOccurrences(db, id, cls)).toBe(3);
    expect(await createOccurrences(db, id, cls)).toBe(0); // and any later delivery changes nothing

    const occurrences = (await series()).docs.map((d) => ({ id: d.id, ...d.data() }));
    expect(occurrences.map((o) => o.id).sort()).toEqual([1, 2, 3, 4].map((w) => `${id}-w${w}`));
    expect(
      occurrences.map((o) => formatInZone(o.startsAt.toMillis(), "Europe/Berlin", "EEE d MMM HH:mm")).sort(),
    ).toEqual(["Mon 11 Nov 18:30", "Mon 21 Oct 18:30", "Mon 28 Oct 18:30", "Mon 4 Nov 18:30"]);
    expect(occurrences.every((o) => o.recurrence === null && o.confirmedCount === 0 && o.title === cls.title)).toBe(
      true,
    );
  });

  it("tells everyone on a cancelled class's roster once, when the fan-out died after its first commit", async () => {
    // 300 members make two commits of claims (500 writes each at most): the first lands, the
    // process dies, the second never happens.
    const { id, cls } = await seededClass({ capacity: 100 });
    const waiting = Array.from({ length: 300 }, (_, i) => `member-${String(i).padStart(3, "0")}`);
    const writer = db.bulkWriter();
    for (const [i, uid] of waiting.entries()) {
      void writer.set(db.doc(paths.attendee(id, uid)), testAttendeeRow(id, uid, i < 100 ? "confirmed" : "waitlisted"));
    }
    void writer.set(db.doc(paths.attendee(id, "left-earlier")), testAttendeeRow(id, "left-earlier", "cancelled"));
    await writer.close();
    const cancelled: FitnessClass = { ...cls, status: "cancelled" };
    const noticeId = `class_cancelled-${id}`;
    const told = async () => {
      const snaps = await db.getAll(
        ...[...waiting, "left-earlier"].map((uid) => db.doc(paths.notification(uid, noticeId))),
      );
      return snaps.filter((s) => s.exists).map((s) => s.ref.parent.parent?.id);
    };

    const crashing = failingAfterCommits(db, 1);
    await expect(applyClassUpdate(crashing.db, id, cls, cancelled)).rejects.toBeInstanceOf(InjectedFault);
    expect(crashing.failed()).toBe(1);
    const toldBeforeRetry = await told();
    expect(toldBeforeRetry.length).toBeGreaterThan(0);
    expect(toldBeforeRetry.length).toBeLessThan(waiting.length);

    const retry = await applyClassUpdate(db, id, cls, cancelled);
    expect(retry).toEqual({
      promoted: 0,
      cancellation: { roster: 300, notified: waiting.length - toldBeforeRetry.length },
    });
    expect((await told()).sort()).toEqual(waiting);
    // One delivery record per member: nobody was claimed, and so told, twice.
    const deliveries = await db.getAll(...waiting.map((uid) => db.doc(paths.notificationDelivery(uid, noticeId))));
    expect(deliveries.every((d) => d.exists)).toBe(true);
    expect((await applyClassUpdate(db, id, cls, cancelled)).cancellation).toEqual({ roster: 300, notified: 0 });
  }, 60_000);
});

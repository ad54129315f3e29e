/**
 * RSVP storms, driven in process through the same stores the callables use (rsvpStore and its
 * seat engine, seatStore), against the Firestore emulator, on a project where no triggers fire.
 * The Functions emulator starts one Node process per call in flight, so 1,000 concurrent
 * callables would measure process start-up on a 2-core machine, not seats; callableStorm.bench.ts
 * measures the deployed path, and functions/test/classes tests it.
 *
 *   baseline       a plain document write, at the same concurrency
 *   1 class        MEMBERS RSVP to one 20-seat class at once; 10 confirmed cancel at once;
 *                  100 waitlisted leave at once
 *   50 classes     MEMBERS RSVPs spread over 50 classes at once (5 seats each)
 * Correctness is checked on every run and printed beside the figures.
 */
import { randomUUID } from "node:crypto";
import { seatMetrics } from "../functions/src/classes/seatStore.js";
import { isolatedFirestore } from "../functions/test/support/emulators.js";
import { joinAll, leaveAll, lineOf, seedClass } from "../functions/test/support/rsvpScenario.js";
import { report, summarise, warmUp, type Series } from "./support/report.js";

// 1,000 at once on one class: a popular booking window (docs/adr/0013-rsvp-group-commit.md).
const MEMBERS = Number(process.env.BENCH_MEMBERS ?? 1000);
const SEATS = 20;
const { db, close } = isolatedFirestore(`demo-numina-bench-${randomUUID().slice(0, 6)}`);
const checks: { check: string; ok: boolean; detail: string }[] = [];
const check = (name: string, ok: boolean, detail: string) => {
  checks.push({ check: name, ok, detail });
  console.log(`${ok ? "✔" : "✘"} ${name}: ${detail}`);
};
const sequence = (n: number) => Array.from({ length: n }, (_, i) => i + 1);
const sameList = (a: readonly unknown[], b: readonly unknown[]) => JSON.stringify(a) === JSON.stringify(b);

async function baseline(): Promise<Series> {
  const started = Array.from({ length: MEMBERS }, async (_, i) => {
    const t = performance.now();
    await db.doc(`benchBaseline/${randomUUID()}`).set({ i });
    return performance.now() - t;
  });
  return { name: `baseline: ${MEMBERS} concurrent writes`, samplesMs: await Promise.all(started) };
}

async function oneClass(): Promise<Series[]> {
  const classId = `storm-${randomUUID().slice(0, 8)}`;
  await seedClass(db, classId, SEATS);
  const uids = Array.from({ length: MEMBERS }, (_, i) => `m${String(i).padStart(4, "0")}`);

  const wall = performance.now();
  const joined = await joinAll(db, classId, uids);
  const joinWallMs = performance.now() - wall;
  const positions = joined
    .flatMap((j) => (j.result.status === "waitlisted" ? [j.result.waitlistPosition ?? 0] : []))
    .sort((a, b) => a - b);
  let line = await lineOf(db, classId);
  check(
    `${MEMBERS} RSVPs, ${SEATS} seats`,
    line.confirmed.length === SEATS && sameList(positions, sequence(MEMBERS - SEATS)),
    `${line.confirmed.length} confirmed, ${positions.length} waitlisted at positions 1..${positions.at(-1)}, counts ${line.confirmedCount}/${line.waitlistCount}, ${Math.round(joinWallMs)} ms wall`,
  );
  // Calls start in uid order, so arrival order is uid order: seats for the first SEATS, then
  // positions 1..N in the same order.
  const answeredInOrder = joined.every((j, i) =>
    i < SEATS
      ? j.result.status === "confirmed"
      : j.result.status === "waitlisted" && j.result.waitlistPosition === i - SEATS + 1,
  );
  check(
    "arrival order",
    answeredInOrder &&
      sameList(
        line.states.map((s) => s.uid),
        uids,
      ),
    "the seated are exactly the first arrivals, each waiting member's position is their arrival rank, tickets in arrival order",
  );

  const head = line.waitlist.slice(0, 10).map((w) => w.uid);
  const cancelled = await leaveAll(db, classId, line.confirmed.slice(0, 10));
  line = await lineOf(db, classId);
  check(
    "10 confirmed cancel at once",
    sameList(line.confirmed.slice(-10), head) && line.confirmed.length === SEATS,
    `positions 1-10 promoted in order: ${sameList(line.confirmed.slice(-10), head)}`,
  );

  const leavers = line.waitlist.slice(0, 100).map((w) => w.uid);
  const left = await leaveAll(db, classId, leavers);
  line = await lineOf(db, classId);
  const remaining = MEMBERS - SEATS - 10 - 100;
  check(
    "100 waitlisted leave at once",
    sameList(
      line.waitlist.map((w) => w.waitlistPosition),
      sequence(remaining),
    ) && line.waitlistCount === remaining,
    `${line.waitlist.length} remain at positions 1..${line.waitlist.at(-1)?.waitlistPosition}, no gap`,
  );
  return [
    { name: "1 class: rsvpClass", samplesMs: joined.map((j) => j.ms) },
    { name: "1 class: 10 cancels", samplesMs: cancelled.map((c) => c.ms) },
    { name: "1 class: 100 leave waitlist", samplesMs: left.map((c) => c.ms) },
  ];
}

async function fiftyClasses(): Promise<Series> {
  const classes = Array.from({ length: 50 }, () => `multi-${randomUUID().slice(0, 8)}`);
  await Promise.all(classes.map((id) => seedClass(db, id, 3)));
  const perClass = Math.floor(MEMBERS / classes.length);
  const results = await Promise.all(
    classes.map((id) =>
      joinAll(
        db,
        id,
        Array.from({ length: perClass }, (_, i) => `u${i}`),
      ),
    ),
  );
  const lines = await Promise.all(classes.map((id) => lineOf(db, id)));
  check(
    "50 classes at once",
    lines.every((l) => l.confirmed.length === 3 && l.waitlist.length === perClass - 3),
    `each: 3 confirmed, ${perClass - 3} waitlisted`,
  );
  return { name: `50 classes × ${perClass}: rsvpClass`, samplesMs: results.flat().map((r) => r.ms) };
}

await warmUp(() => db.doc(`benchBaseline/warm-up`).set({ at: Date.now() }));
const base = await baseline();
const series = [...(await oneClass()), await fiftyClasses()];
const metrics = seatMetrics();
report("classes", summarise(base, series), { members: MEMBERS, seats: SEATS, checks, ...metrics });
console.log(
  `${metrics.batches} commits in all for ${MEMBERS * 2 + 110} RSVPs and leaves; ` +
    `${metrics.lostRaces} lost a race and were decided again, ${metrics.longerHeads} read a longer head`,
);
await close();
process.exit(checks.every((c) => c.ok) ? 0 : 1);

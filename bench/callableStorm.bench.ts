/**
 * A booking storm through the deployed path: MEMBERS members call the `rsvpClass` callable at once,
 * over HTTP as the client SDK does, against the Functions emulator (the one `npm start` runs, when
 * it is running). The emulator's parallelism is bounded for this machine (scripts/dev/emulators.ts):
 * every call must be answered, queued rather than failed, and its worker processes must stay few.
 *
 *   baseline   one `getMyRsvp` call at a time (a warm round trip through the same emulator)
 *   storm      MEMBERS concurrent `rsvpClass` calls on one 20-seat class
 * Correctness (every call answered; 20 seated, the rest waitlisted 1..N) is checked and printed.
 */
import type { MyRsvpResponse, RsvpResponse } from "../functions/src/model/index.js";
import { callOverHttp, membersWithTokens, watchWorkers } from "../functions/test/support/callableLoad.js";
import { closeAdmin } from "../functions/test/support/emulators.js";
import { createClass } from "../functions/test/support/scenarios.js";
import { report, summarise, warmUp, type Series } from "./support/report.js";

const MEMBERS = Number(process.env["BENCH_MEMBERS"] ?? 100);
const SEATS = 20;
const BASELINE_SAMPLES = 20;

const members = await membersWithTokens(MEMBERS, "bench-storm");
const classId = await createClass({ capacity: SEATS });
const first = members[0]!;
const myRsvp = () => callOverHttp<MyRsvpResponse>("getMyRsvp", first.idToken, { classId });
await warmUp(async () => {
  const outcome = await myRsvp();
  if (!outcome.ok) throw new Error(outcome.error);
});

const baselineMs: number[] = [];
for (let i = 0; i < BASELINE_SAMPLES; i++) baselineMs.push((await myRsvp()).ms);
const baseline: Series = { name: "baseline: one getMyRsvp at a time", samplesMs: baselineMs };

const workers = watchWorkers();
const wall = performance.now();
const outcomes = await Promise.all(members.map((m) => callOverHttp<RsvpResponse>("rsvpClass", m.idToken, { classId })));
const wallMs = performance.now() - wall;
const peak = workers.stop();

const failed = outcomes.filter((o) => !o.ok);
const answers = outcomes.flatMap((o) => (o.ok ? [o.result] : []));
const confirmed = answers.filter((a) => a.status === "confirmed").length;
const positions = answers
  .flatMap((a) => (a.status === "waitlisted" ? [a.waitlistPosition ?? 0] : []))
  .sort((a, b) => a - b);
const inOrder = positions.every((p, i) => p === i + 1);
const correct = failed.length === 0 && confirmed === SEATS && positions.length === MEMBERS - SEATS && inOrder;
console.log(
  `${correct ? "✔" : "✘"} ${MEMBERS} concurrent rsvpClass: ${answers.length} answered, ${failed.length} failed` +
    `${failed[0] && !failed[0].ok ? ` (first: ${failed[0].status} ${failed[0].error})` : ""}; ${confirmed} confirmed, ` +
    `${positions.length} waitlisted${inOrder ? ` at 1..${positions.length}` : " OUT OF ORDER"}; ${Math.round(wallMs)} ms wall`,
);
console.log(`  emulator workers at the peak: ${peak.workers} processes, ${peak.rssMb} MB RSS in total`);

report(
  "callableStorm",
  summarise(baseline, [{ name: `storm: ${MEMBERS} concurrent rsvpClass`, samplesMs: outcomes.map((o) => o.ms) }]),
  {
    members: MEMBERS,
    seats: SEATS,
    answered: answers.length,
    failed: failed.length,
    correct,
    wallMs,
    peakWorkers: peak,
  },
);
await closeAdmin();
if (!correct) process.exitCode = 1;

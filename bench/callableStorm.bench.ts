/**
 * A booking storm through the deployed path: MEMBERS members call the `rsvpClass` callable at once,
 * over HTTP as the client SDK does, against the Functions emulator (the one `npm start` runs, when
 * it is running). The emulator's parallelism is bounded for this machine (scripts/dev/emulators.ts):
 * every call must be answered, queued rather than failed, and its worker processes must stay few.
 *
 *   baseline   the same MEMBERS concurrent calls of a read-only callable (`getMyRsvp`), through
 *              the same emulator: what the queue of calls costs before any seat is decided
 *   storm      MEMBERS concurrent `rsvpClass` calls on one 10-seat class
 * Correctness (every call answered; 10 seated, the rest waitlisted 1..N) is checked and printed.
 */
import type { MyRsvpResponse, RsvpResponse } from "../functions/src/model/index.js";
import { callOverHttp, membersWithTokens, watchWorkers } from "../functions/test/support/callableLoad.js";
import { closeAdmin } from "../functions/test/support/emulators.js";
import { createClass } from "../functions/test/support/scenarios.js";
import { report, summarise, warmUp, type Series } from "./support/report.js";

const MEMBERS = Number(process.env["BENCH_MEMBERS"] ?? 100);
const SEATS = 10;

const members = await membersWithTokens(MEMBERS, "bench-storm");
const classId = await createClass({ capacity: SEATS });
const myRsvp = (idToken: string) => callOverHttp<MyRsvpResponse>("getMyRsvp", idToken, { classId });
await warmUp(async () => {
  const outcome = await myRsvp(members[0]!.idToken);
  if (!outcome.ok) throw new Error(outcome.error);
});
// Both functions' workers are started (on a class of their own) before either is measured.
const warmUpClassId = await createClass({ capacity: SEATS });
await Promise.all(
  members
    .slice(0, 8)
    .flatMap((m) => [
      myRsvp(m.idToken),
      callOverHttp<RsvpResponse>("rsvpClass", m.idToken, { classId: warmUpClassId }),
    ]),
);

const readOnly = await Promise.all(members.map((m) => myRsvp(m.idToken)));
if (readOnly.some((o) => !o.ok)) throw new Error("a getMyRsvp call of the baseline failed");
const baseline: Series = { name: `baseline: ${MEMBERS} concurrent getMyRsvp`, samplesMs: readOnly.map((o) => o.ms) };

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

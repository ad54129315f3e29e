/**
 * A booking storm through the deployed path: members call `rsvpClass` at once against the
 * Functions emulator. The emulator's parallelism is bounded for this machine (scripts/dev), so
 * every call must be answered (queued, not failed with "Failed to load function"), and the seats
 * must come out exactly as members expect. bench/callableStorm.bench.ts runs the same storm with
 * 100 members (also against a running `npm start`) and reports latency and worker memory.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RsvpResponse } from "../../src/model/index.js";
import { callOverHttp, membersWithTokens, watchWorkers, type CallerWithToken } from "../support/callableLoad.js";
import { closeAdmin } from "../support/emulators.js";
import { classCounts, createClass } from "../support/scenarios.js";

const MEMBERS = 30;
const SEATS = 10;
let members: CallerWithToken[] = [];

beforeAll(async () => {
  members = await membersWithTokens(MEMBERS, "storm");
}, 120_000);
afterAll(closeAdmin);

describe(`${MEMBERS} members RSVP at once through the callable`, () => {
  it("answers every call, seats exactly the capacity and waitlists the rest in order, with no gap", async () => {
    const classId = await createClass({ capacity: SEATS });
    const workers = watchWorkers();
    const outcomes = await Promise.all(
      members.map((m) => callOverHttp<RsvpResponse>("rsvpClass", m.idToken, { classId })),
    );
    const peak = workers.stop();
    console.log(`${MEMBERS} concurrent rsvpClass: peak ${peak.workers} emulator workers, ${peak.rssMb} MB RSS`);

    const failures = outcomes.flatMap((o) => (o.ok ? [] : [`${o.status} ${o.error}`]));
    expect(failures).toEqual([]);
    const answers = outcomes.flatMap((o) => (o.ok ? [o.result] : []));
    expect(answers.filter((a) => a.status === "confirmed")).toHaveLength(SEATS);
    const positions = answers.flatMap((a) => (a.status === "waitlisted" ? [a.waitlistPosition] : []));
    expect(positions.sort((a, b) => (a ?? 0) - (b ?? 0))).toEqual(
      Array.from({ length: MEMBERS - SEATS }, (_, i) => i + 1),
    );
    await expect
      .poll(() => classCounts(classId), { timeout: 30_000 })
      .toEqual({
        confirmedCount: SEATS,
        waitlistCount: MEMBERS - SEATS,
      });
  }, 240_000);
});

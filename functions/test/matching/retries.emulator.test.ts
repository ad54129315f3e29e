/**
 * Retried matching triggers, in process against an isolated project per case (no triggers fire
 * there): the first delivery dies part-way — after 0, 1, 2… writes in turn, until one runs clean —
 * the event is delivered again, and the end state is that of one clean delivery, exactly once.
 * Each case calls the use-case its trigger calls, first through a Firestore that fails every write
 * after the first few (support/faults.ts), then through the real one.
 */
import type { Firestore } from "firebase-admin/firestore";
import { afterEach, describe, expect, it } from "vitest";
import { collections, pairIdOf, paths } from "../../src/model/index.js";
import { applyBlock, applyMatchAction, formMatchIfMutual } from "../../src/matching/matchStore.js";
import { refreshAfterChange } from "../../src/matching/queueRebuildStore.js";
import { refs } from "../../src/shared/refs.js";
import { isolatedFirestore } from "../support/emulators.js";
import { failingAfterCommits } from "../support/faults.js";
import { kmNorthOf, putAction, putMember } from "../support/matchingScenario.js";
import { uniqueId } from "../support/scenarios.js";

const open: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((close) => close()));
});

function project() {
  const { db, close } = isolatedFirestore(`demo-numina-retries-${uniqueId()}`);
  open.push(close);
  return db;
}

/** Two members in London who both liked each other. */
async function mutualPair() {
  const db = project();
  const a = `a-${uniqueId()}`;
  const b = `b-${uniqueId()}`;
  await Promise.all([putMember(db, a), putMember(db, b)]);
  await Promise.all([putAction(db, a, b, "like"), putAction(db, b, a, "like")]);
  return { db, a, b, pairId: pairIdOf(a, b) };
}

/**
 * Runs `deliver` through a Firestore that dies after `commits` writes, for commits = 0, 1, 2… on a
 * fresh scenario each time, until a delivery runs without reaching the fault; after each failed
 * one, `redeliver` and `check` run on the real Firestore. Returns how many crash points were tried.
 */
async function everyCrashPoint<S>(
  scenario: () => Promise<S & { db: Firestore }>,
  deliver: (db: Firestore, s: S) => Promise<unknown>,
  check: (s: S & { db: Firestore }) => Promise<void>,
): Promise<number> {
  for (let commits = 0; commits < 50; commits += 1) {
    const s = await scenario();
    const faulty = failingAfterCommits(s.db, commits);
    const first = deliver(faulty.db, s);
    const died = await first.then(
      () => false,
      (error: unknown) => {
        expect(String(error)).toMatch(/Injected fault/);
        return true;
      },
    );
    if (!died) {
      expect(faulty.failed()).toBe(0);
      return commits;
    }
    await deliver(s.db, s);
    await check(s);
    // A third delivery (a duplicate of the retry) changes nothing either.
    await deliver(s.db, s);
    await check(s);
  }
  throw new Error("The delivery never ran clean");
}

describe("a like that completes a pair (onMatchActionCreated → applyMatchAction)", () => {
  it("ends in one match, one open conversation and one notice each, wherever the first delivery died", async () => {
    const crashPoints = await everyCrashPoint(
      mutualPair,
      (db, { a, b }) => applyMatchAction(db, b, a, "like"),
      async ({ db, a, b, pairId }) => {
        const matches = await db.collection(collections.matches).where("userIds", "array-contains", a).get();
        expect(matches.docs.map((d) => d.id)).toEqual([pairId]);
        const conversation = await db.doc(paths.conversation(pairId)).get();
        expect(conversation.data()).toMatchObject({ type: "direct", status: "open", memberIds: [a, b].sort() });
        for (const uid of [a, b]) {
          expect((await db.doc(paths.conversationMember(pairId, uid)).get()).exists).toBe(true);
          const notices = await db.collection(paths.notifications(uid)).where("type", "==", "match").get();
          expect(notices.docs.map((d) => d.id)).toEqual([`match-${pairId}`]);
          expect((await db.doc(paths.notificationDelivery(uid, `match-${pairId}`)).get()).exists).toBe(true);
        }
      },
    );
    // Leaves the queue, forms the match, notifies each member: at least four writes to die after.
    expect(crashPoints).toBeGreaterThanOrEqual(4);
  }, 60_000);
});

describe("a block (onBlockCreated → applyBlock)", () => {
  it("dissolves the match, closes the conversation and clears both queues, wherever the first delivery died", async () => {
    const crashPoints = await everyCrashPoint(
      async () => {
        const s = await mutualPair();
        expect(await formMatchIfMutual(s.db, s.a, s.b)).toBe("created");
        const card = { score: 50, rank: 50 };
        await Promise.all([
          s.db.doc(paths.candidate(s.a, s.b)).set({ uid: s.b, ...card }),
          s.db.doc(paths.candidate(s.b, s.a)).set({ uid: s.a, ...card }),
          s.db.doc(paths.block(s.a, s.b)).set({ blockedUid: s.b, createdAt: new Date() }),
        ]);
        return s;
      },
      (db, { a, b }) => applyBlock(db, a, b),
      async ({ db, a, b, pairId }) => {
        expect((await db.doc(paths.match(pairId)).get()).exists).toBe(false);
        expect((await db.doc(paths.conversation(pairId)).get()).get("status")).toBe("closed");
        for (const [owner, other] of [
          [a, b],
          [b, a],
        ] as const) {
          expect((await db.doc(paths.matchAction(owner, other)).get()).get("dissolvedAt")).toBeDefined();
          expect((await db.doc(paths.candidate(owner, other)).get()).exists).toBe(false);
        }
        expect(await formMatchIfMutual(db, a, b)).toBe("dissolved");
      },
    );
    expect(crashPoints).toBeGreaterThanOrEqual(2);
  }, 60_000);
});

describe("a location or profile change (refreshAfterChange)", () => {
  it("rebuilds both sides' queues, wherever the first rebuild died, and records the rebuild last", async () => {
    const changedAtMs = Date.now() - 60_000;
    const crashPoints = await everyCrashPoint(
      async () => {
        const db = project();
        await Promise.all([
          putMember(db, "me"),
          putMember(db, "n1", { at: kmNorthOf(1) }),
          putMember(db, "n2", { at: kmNorthOf(2) }),
          putMember(db, "n3", { at: kmNorthOf(3) }),
        ]);
        return { db };
      },
      (db) => refreshAfterChange(db, "me", changedAtMs),
      async ({ db }) => {
        const mine = await db.collection(paths.candidates("me")).get();
        expect(mine.docs.map((d) => d.id).sort()).toEqual(["n1", "n2", "n3"]);
        for (const other of ["n1", "n2", "n3"]) {
          expect((await db.doc(paths.candidate(other, "me")).get()).get("uid")).toBe("me");
        }
        const state = (await refs(db).candidateQueueState("me").get()).data();
        expect(state?.refreshedAt.toMillis()).toBeGreaterThan(changedAtMs);
        // Now recorded: the same change delivered again does not rebuild.
        expect(await refreshAfterChange(db, "me", changedAtMs)).toBeNull();
      },
    );
    // The cards, then the record of the rebuild.
    expect(crashPoints).toBeGreaterThanOrEqual(2);
  }, 60_000);
});

/**
 * The Discover queue (queueRebuildStore, queuePageStore), in process against an isolated project per test: who is
 * in it, in what order, what a page costs, and how pages follow each other.
 */
import { afterEach, describe, expect, it } from "vitest";
import { paths } from "../../src/model/index.js";
import { encodeCursor } from "../../src/matching/cursor.js";
import { pageOfPartners } from "../../src/matching/queuePageStore.js";
import { saveMatchPreferences } from "../../src/matching/preferencesStore.js";
import { refreshCandidates } from "../../src/matching/queueRebuildStore.js";
import { isolatedFirestore } from "../support/emulators.js";
import { shownDistanceKm } from "../../src/matching/matchingPoint.js";
import { distanceKm } from "../../src/matching/scoring.js";
import {
  countReads,
  kmNorthOf,
  matchingPointInTests,
  ORIGIN,
  putAction,
  putMember,
} from "../support/matchingScenario.js";
import { uniqueId } from "../support/scenarios.js";

const open: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((close) => close()));
});

function project() {
  const isolated = isolatedFirestore(`demo-numina-discover-${uniqueId()}`);
  open.push(isolated.close);
  return isolated.db;
}

/** "me" and a neighbourhood where each neighbour tests one reason to be shown or left out. */
async function neighbourhood() {
  const db = project();
  await Promise.all([
    putMember(db, "me"),
    putMember(db, "best", { at: kmNorthOf(0.5) }),
    putMember(db, "mid", { at: kmNorthOf(4), profile: { interests: ["yoga", "hiit"], availability: ["mon:morning"] } }),
    putMember(db, "superLiker", {
      at: kmNorthOf(8),
      profile: { interests: ["boxing", "running"], availability: ["sun:evening"] },
    }),
    putMember(db, "far", { at: kmNorthOf(30) }),
    putMember(db, "passed", { at: kmNorthOf(1) }),
    putMember(db, "matched", { at: kmNorthOf(1) }),
    putMember(db, "blockedByMe", { at: kmNorthOf(1) }),
    putMember(db, "blockedMe", { at: kmNorthOf(1) }),
    putMember(db, "hidden", { at: kmNorthOf(1), preferences: { discoverable: false } }),
    putMember(db, "disabled", { at: kmNorthOf(1), disabled: true }),
    putMember(db, "picky", { at: kmNorthOf(1), preferences: { fitnessLevels: ["advanced"] } }),
    putMember(db, "incomplete", { at: kmNorthOf(1), profile: { interests: [] } }),
  ]);
  await Promise.all([
    putAction(db, "me", "passed", "pass"),
    putAction(db, "me", "matched", "like"),
    putAction(db, "matched", "me", "like"),
    putAction(db, "superLiker", "me", "super_like"),
    db.doc(paths.block("me", "blockedByMe")).set({ blockedUid: "blockedByMe", createdAt: new Date() }),
    db.doc(paths.block("blockedMe", "me")).set({ blockedUid: "me", createdAt: new Date() }),
  ]);
  return db;
}

describe("getPartnerMatches from the queue", () => {
  it("shows only reciprocal fits nobody acted on or blocked, best first, super-likers raised", async () => {
    const db = await neighbourhood();
    await refreshCandidates(db, "me", { fanout: true });
    const page = await pageOfPartners(db, "me", { limit: 20 });
    expect(page.matches.map((m) => m.uid)).toEqual(["best", "superLiker", "mid"]);
    expect(page.nextCursor).toBeNull();

    const [best, superLiker, mid] = page.matches;
    expect(best!.score).toBeGreaterThan(mid!.score);
    expect(mid!.score).toBeGreaterThan(superLiker!.score);
    expect(superLiker!.superLikedYou).toBe(true);
    expect(best!.reasons).toContain("You both do HIIT and running");
    // 0.5 km apart, but shown from their matching points, in whole kilometres.
    const apart = distanceKm(matchingPointInTests("me", ORIGIN), matchingPointInTests("best", kmNorthOf(0.5)));
    expect(best!.distanceKm).toBe(shownDistanceKm(apart));
    for (const m of page.matches) {
      expect(m.reasons.length).toBeGreaterThanOrEqual(1);
      expect(m.reasons.length).toBeLessThanOrEqual(3);
      expect(m.score).toBeGreaterThanOrEqual(0);
      expect(m.score).toBeLessThanOrEqual(100);
    }
  });

  it("writes the member into their neighbours' queues too (one computation, both sides)", async () => {
    const db = await neighbourhood();
    await refreshCandidates(db, "me", { fanout: true });
    const mine = await db.doc(paths.candidate("best", "me")).get();
    expect(mine.get("score")).toBe((await db.doc(paths.candidate("me", "best")).get()).get("score"));
    // superLiker already answered me: I do not go back into their queue.
    expect((await db.doc(paths.candidate("superLiker", "me")).get()).exists).toBe(false);
    expect((await db.doc(paths.candidate("blockedMe", "me")).get()).exists).toBe(false);
  });

  it("pages with an opaque cursor, without repeats, at O(page) reads", async () => {
    const db = await neighbourhood();
    await refreshCandidates(db, "me", { fanout: false });
    const seen: string[] = [];
    let cursor: string | undefined;
    const counter = countReads(db);
    for (let i = 0; i < 5; i += 1) {
      const { result: page, reads } = await counter.of(() =>
        pageOfPartners(db, "me", { limit: 2, ...(cursor ? { cursor } : {}) }),
      );
      // The queue's state, the page (2) and one query for blocks among the page's pairs.
      expect(reads).toBeLessThanOrEqual(1 + 2 + 1);
      seen.push(...page.matches.map((m) => m.uid));
      if (!page.nextCursor) break;
      cursor = page.nextCursor;
    }
    expect(seen).toEqual(["best", "superLiker", "mid"]);
  });

  it("hides a member the moment they block, before any trigger has cleaned the queue", async () => {
    const db = await neighbourhood();
    await refreshCandidates(db, "me", { fanout: false });
    await db.doc(paths.block("best", "me")).set({ createdAt: new Date() });
    const page = await pageOfPartners(db, "me", {});
    expect(page.matches.map((m) => m.uid)).not.toContain("best");
  });

  it("hides blocks made after the queue was built, either way and on both sides, before any trigger", async () => {
    const db = await neighbourhood();
    await Promise.all([
      refreshCandidates(db, "me", { fanout: false }),
      refreshCandidates(db, "best", { fanout: false }),
      refreshCandidates(db, "mid", { fanout: false }),
    ]);
    const shown = async (uid: string) => (await pageOfPartners(db, uid, {})).matches.map((m) => m.uid);
    expect(await shown("me")).toEqual(["best", "superLiker", "mid"]);
    expect(await shown("best")).toContain("me");
    expect(await shown("mid")).toContain("me");
    // No trigger runs in this project: the queues still hold every card.
    await db.doc(paths.block("me", "best")).set({ blockedUid: "best", createdAt: new Date() });
    await db.doc(paths.block("mid", "me")).set({ blockedUid: "me", createdAt: new Date() });
    expect((await db.doc(paths.candidate("me", "best")).get()).exists).toBe(true);
    expect(await shown("me")).toEqual(["superLiker"]);
    expect(await shown("best")).not.toContain("me");
    expect(await shown("mid")).not.toContain("me");
  });

  it("serves a page of 10 for at most 12 reads, a block among it included", async () => {
    const db = project();
    const city = Array.from({ length: 14 }, (_, i) => `n${String(i).padStart(2, "0")}`);
    await Promise.all([putMember(db, "me"), ...city.map((uid, i) => putMember(db, uid, { at: kmNorthOf(0.3 * i) }))]);
    await refreshCandidates(db, "me", { fanout: false });
    const first = await pageOfPartners(db, "me", { limit: 10 });
    const blocked = first.matches[3]!.uid;
    await db.doc(paths.block(blocked, "me")).set({ blockedUid: "me", createdAt: new Date() });
    const counter = countReads(db);
    const { result: page, reads } = await counter.of(() => pageOfPartners(db, "me", { limit: 10 }));
    expect(page.matches).toHaveLength(9);
    expect(page.matches.map((m) => m.uid)).not.toContain(blocked);
    expect(reads).toBeLessThanOrEqual(12);
  });

  it("refuses a member who just hid, before the rebuild their save sets off", async () => {
    const db = await neighbourhood();
    await refreshCandidates(db, "me", { fanout: false });
    expect((await pageOfPartners(db, "me", {})).matches).not.toHaveLength(0);
    await saveMatchPreferences(db, "me", { discoverable: false }, Date.now());
    await expect(pageOfPartners(db, "me", {})).rejects.toMatchObject({
      code: "failed-precondition",
      details: { missing: ["discoverable"] },
    });
  });

  it("builds the queue on first use for a member nobody refreshed yet", async () => {
    const db = await neighbourhood();
    const page = await pageOfPartners(db, "me", {});
    expect(page.matches.map((m) => m.uid)).toEqual(["best", "superLiker", "mid"]);
  });

  it("tells an incomplete or hidden member what to fix, and rejects a forged cursor", async () => {
    const db = await neighbourhood();
    await expect(pageOfPartners(db, "incomplete", {})).rejects.toMatchObject({
      code: "failed-precondition",
      message: "To see training partners, add at least one interest.",
    });
    await expect(pageOfPartners(db, "hidden", {})).rejects.toMatchObject({ code: "failed-precondition" });
    await expect(pageOfPartners(db, "me", { cursor: "bm90LWEtY3Vyc29y" })).rejects.toMatchObject({
      code: "invalid-argument",
    });
  });

  it("refuses a cursor whose uid could not be a document id, naming the field", async () => {
    const db = await neighbourhood();
    await refreshCandidates(db, "me", { fanout: false });
    for (const uid of ["a/b", "..", "__x__"]) {
      await expect(pageOfPartners(db, "me", { cursor: encodeCursor({ rank: 50, uid }) })).rejects.toMatchObject({
        code: "invalid-argument",
        message: "cursor: Not a valid cursor.",
      });
    }
  });

  it("drops a member from every queue when they turn discoverable off", async () => {
    const db = await neighbourhood();
    await refreshCandidates(db, "best", { fanout: true });
    expect((await db.doc(paths.candidate("me", "best")).get()).exists).toBe(true);
    await db.doc(paths.matchPreferences("best")).set({ discoverable: false });
    await refreshCandidates(db, "best", { fanout: true });
    expect((await db.doc(paths.candidate("me", "best")).get()).exists).toBe(false);
    expect((await db.collection(paths.candidates("best")).get()).size).toBe(0);
  });
});

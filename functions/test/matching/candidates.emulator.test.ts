/**
 * The Discover queue (queueRebuildStore, queuePageStore), in process against an isolated project per test: who is
 * in it, in what order, what a page costs, and how pages follow each other.
 */
import { afterEach, describe, expect, it } from "vitest";
import { paths } from "../../src/model/index.js";
import { encodeCursor } from "../../src/matching/cursor.js";
import { pageOfPartners } from "../../src/matching/queuePageStore.js";
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
      // The caller (4 documents and the matching key), the page (2) and two block checks per entry.
      expect(reads).toBeLessThanOrEqual(4 + 1 + 2 + 2 * 2);
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

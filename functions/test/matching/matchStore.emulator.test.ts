/**
 * Mutual matches, driven in process against an isolated project (no triggers fire there), so
 * races and retries are exact: the trigger body is called as a retried or racing event would.
 */
import { afterEach, describe, expect, it } from "vitest";
import { collections, pairIdOf, paths } from "../../src/model/index.js";
import { applyBlock, applyMatchAction, formMatchIfMutual, unmatch } from "../../src/matching/matchStore.js";
import { refreshCandidates } from "../../src/matching/queueRebuildStore.js";
import { isolatedFirestore } from "../support/emulators.js";
import { putAction, putMember } from "../support/matchingScenario.js";
import { uniqueId } from "../support/scenarios.js";

const open: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((close) => close()));
});

/** A fresh project per test, with two members in London. */
async function pair() {
  const { db, close } = isolatedFirestore(`demo-numina-matches-${uniqueId()}`);
  open.push(close);
  const a = `a-${uniqueId()}`;
  const b = `b-${uniqueId()}`;
  await Promise.all([putMember(db, a), putMember(db, b)]);
  return { db, a, b, pairId: pairIdOf(a, b) };
}

async function matchesOf(db: FirebaseFirestore.Firestore, uid: string) {
  const snap = await db.collection(collections.matches).where("userIds", "array-contains", uid).get();
  return snap.docs;
}

async function matchNoticesOf(db: FirebaseFirestore.Firestore, uid: string) {
  const snap = await db.collection(paths.notifications(uid)).where("type", "==", "match").get();
  return snap.docs;
}

describe("formMatchIfMutual", () => {
  it("does nothing on a one-sided like", async () => {
    const { db, a, b } = await pair();
    await putAction(db, a, b, "like");
    expect(await formMatchIfMutual(db, a, b)).toBe("not_mutual");
    expect(await matchesOf(db, a)).toHaveLength(0);
  });

  it("creates one match, one open conversation and one notice each when both likes land at once", async () => {
    const { db, a, b, pairId } = await pair();
    await Promise.all([putAction(db, a, b, "like"), putAction(db, b, a, "super_like")]);
    // Both triggers run at the same moment, and each is then delivered a second time.
    const outcomes = await Promise.all([
      formMatchIfMutual(db, a, b),
      formMatchIfMutual(db, b, a),
      formMatchIfMutual(db, a, b),
      formMatchIfMutual(db, b, a),
    ]);
    expect(outcomes.filter((o) => o === "created")).toHaveLength(1);
    expect(outcomes.filter((o) => o === "exists")).toHaveLength(3);

    const matches = await matchesOf(db, a);
    expect(matches.map((m) => m.id)).toEqual([pairId]);
    expect(matches[0]!.get("userIds")).toEqual([a, b].sort());
    expect(matches[0]!.get("conversationId")).toBe(pairId);
    const conversation = (await db.doc(paths.conversation(pairId)).get()).data();
    expect(conversation).toMatchObject({ type: "direct", status: "open", matchId: pairId, memberIds: [a, b].sort() });
    for (const uid of [a, b]) {
      const notices = await matchNoticesOf(db, uid);
      expect(notices).toHaveLength(1);
      expect(notices[0]!.get("data")).toEqual({ matchId: pairId, conversationId: pairId });
    }
    expect((await matchNoticesOf(db, a))[0]!.get("title")).toBe(`It's a match with Member ${b}!`);
  });

  it("never matches a pair where one blocked the other", async () => {
    const { db, a, b } = await pair();
    await Promise.all([putAction(db, a, b, "like"), putAction(db, b, a, "like")]);
    await db.doc(paths.block(b, a)).set({ blockedUid: a, createdAt: new Date() });
    expect(await formMatchIfMutual(db, a, b)).toBe("blocked");
    expect(await matchesOf(db, a)).toHaveLength(0);
  });
});

describe("unmatch and block", () => {
  it("unmatch removes the match, closes the conversation, and a retried like does not bring it back", async () => {
    const { db, a, b, pairId } = await pair();
    await Promise.all([putAction(db, a, b, "like"), putAction(db, b, a, "like")]);
    await formMatchIfMutual(db, a, b);
    await unmatch(db, b, a);
    expect(await matchesOf(db, a)).toHaveLength(0);
    expect((await db.doc(paths.conversation(pairId)).get()).get("status")).toBe("closed");
    expect(await formMatchIfMutual(db, a, b)).toBe("dissolved");
    expect(await matchesOf(db, a)).toHaveLength(0);
    await expect(unmatch(db, a, b)).rejects.toMatchObject({ code: "not-found" });
  });

  it("a block dissolves the match and closes the conversation, and repeating it is harmless", async () => {
    const { db, a, b, pairId } = await pair();
    await Promise.all([putAction(db, a, b, "like"), putAction(db, b, a, "like")]);
    await formMatchIfMutual(db, a, b);
    await db.doc(paths.block(a, b)).set({ blockedUid: b, createdAt: new Date() });
    expect(await applyBlock(db, a, b)).toBe(true);
    expect(await applyBlock(db, a, b)).toBe(false);
    expect(await matchesOf(db, b)).toHaveLength(0);
    expect((await db.doc(paths.conversation(pairId)).get()).get("status")).toBe("closed");
  });
});

describe("applyMatchAction", () => {
  /** Both members in each other's queue, as a rebuild leaves them. */
  async function queuedPair() {
    const p = await pair();
    await refreshCandidates(p.db, p.a, { fanout: true });
    for (const [owner, other] of [
      [p.a, p.b],
      [p.b, p.a],
    ] as const) {
      expect((await p.db.doc(paths.candidate(owner, other)).get()).exists).toBe(true);
    }
    return p;
  }

  const superLikeNotice = (db: FirebaseFirestore.Firestore, to: string, from: string) =>
    db.doc(paths.notification(to, `super_like-${from}`)).get();

  it("a super-like's notice names the sender as their stored profile does, whatever the action holds", async () => {
    const { db, a, b } = await queuedPair();
    await db.doc(paths.user(a)).update({ displayName: "Sam Runner" });
    // Rules allow only { targetUid, action, createdAt }; written here through the Admin SDK, a field that
    // tries to pass as someone else still reaches nobody.
    await db
      .doc(paths.matchAction(a, b))
      .set({ targetUid: b, action: "super_like", createdAt: new Date(), displayName: "Numina Safety Team" });
    expect(await applyMatchAction(db, a, b, "super_like")).toBe("not_mutual");
    const notice = (await superLikeNotice(db, b, a)).data();
    expect(notice?.["title"]).toBe("Sam Runner super-liked you");
    expect(JSON.stringify(notice)).not.toContain("Numina Safety Team");
    expect((await db.doc(paths.candidate(b, a)).get()).get("superLikedYou")).toBe(true);
  });

  it.each([
    ["the recipient", (a: string, b: string) => ({ path: paths.block(b, a), blockedUid: a })],
    ["the sender", (a: string, b: string) => ({ path: paths.block(a, b), blockedUid: b })],
  ])("ignores a super-like and a like across a block by %s made after the queue entry", async (_who, blockOf) => {
    const { db, a, b } = await queuedPair();
    // The block's own trigger has not cleaned the queues yet: the entries are still there.
    const block = blockOf(a, b);
    await db.doc(block.path).set({ blockedUid: block.blockedUid, createdAt: new Date() });
    await Promise.all([putAction(db, a, b, "super_like"), putAction(db, b, a, "like")]);

    expect(await applyMatchAction(db, a, b, "super_like")).toBe("blocked");
    expect((await superLikeNotice(db, b, a)).exists).toBe(false);
    expect((await db.doc(paths.candidate(b, a)).get()).get("superLikedYou")).toBe(false);
    expect(await applyMatchAction(db, b, a, "like")).toBe("blocked");
    expect(await matchesOf(db, a)).toHaveLength(0);
    expect(await matchNoticesOf(db, b)).toHaveLength(0);
  });
});

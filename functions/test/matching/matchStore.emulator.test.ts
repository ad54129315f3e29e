/**
 * Mutual matches, driven in process against an isolated project (no triggers fire there), so
 * races and retries are exact: the trigger body is called as a retried or racing event would.
 */
import { afterEach, describe, expect, it } from "vitest";
import { collections, pairIdOf, paths } from "../../src/model/index.js";
import { applyBlock, formMatchIfMutual, unmatch } from "../../src/matching/matchStore.js";
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
    await db.doc(paths.block(b, a)).set({ createdAt: new Date() });
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
    await db.doc(paths.block(a, b)).set({ createdAt: new Date() });
    expect(await applyBlock(db, a, b)).toBe(true);
    expect(await applyBlock(db, a, b)).toBe(false);
    expect(await matchesOf(db, b)).toHaveLength(0);
    expect((await db.doc(paths.conversation(pairId)).get()).get("status")).toBe("closed");
  });
});

/**
 * users/{uid}/matchActions/{targetUid} and the super-like quota beside it. A member records their
 * own like / pass / super-like once per target; nobody forges another member's action; a like or
 * super-like reaches only someone in the member's Discover queue; a super-like needs the same
 * batch to bump today's count, which stops at the configured limit.
 */
import type { RulesTestEnvironment } from "@firebase/rules-unit-testing";
import {
  collection,
  deleteDoc,
  doc,
  getDoc,
  getDocs,
  serverTimestamp,
  setDoc,
  updateDoc,
  writeBatch,
  type Firestore,
} from "firebase/firestore";
import { afterAll, beforeAll, beforeEach, describe, it } from "vitest";
import { paths, utcDayNumber } from "../../functions/src/model/index.js";
import { expectAllowed, firestoreAs, firestoreTestEnv, PERSONAS, seed, STALE_TIME, UID } from "./support.js";

let env: RulesTestEnvironment;
const ALICE = UID.owner;
const BOB = UID.otherMember;
const ON_BOB = paths.matchAction(ALICE, BOB);
const QUOTA = paths.superLikeQuota(ALICE);
const action = (kind: string, targetUid: string) => ({ targetUid, action: kind, createdAt: serverTimestamp() });
const today = () => utcDayNumber(Date.now());
/** Who the queue put in front of Alice (functions write these; the rules only check they exist). */
const ALICES_QUEUE = [BOB, "b1", "b2", "b3", "b4"];
/** A member Alice knows the uid of but who is not in her queue: hidden, far away, or not her type. */
const HIDDEN = "hidden";

/** The client's super-like: the action and the quota bump in one batch. */
function superLike(db: Firestore, target: string, count: number, day = today()) {
  const batch = writeBatch(db);
  batch.set(doc(db, paths.matchAction(ALICE, target)), action("super_like", target));
  batch.set(doc(db, QUOTA), { day, count, lastTargetUid: target });
  return batch.commit();
}

beforeAll(async () => {
  env = await firestoreTestEnv("match-actions");
});
afterAll(async () => {
  await env.cleanup();
});
beforeEach(async () => {
  await env.clearFirestore();
  await seed(env, {
    [paths.matchAction(ALICE, "carol")]: { action: "like", createdAt: STALE_TIME },
    ...Object.fromEntries(ALICES_QUEUE.map((uid) => [paths.candidate(ALICE, uid), { uid, rank: 50 }])),
    // Hidden's own queue has Alice: that lets Hidden like Alice, not Alice like Hidden.
    [paths.candidate(HIDDEN, ALICE)]: { uid: ALICE, rank: 50 },
  });
});

describe("read", () => {
  it.each(PERSONAS)("list alice's actions as %s", async (persona) => {
    const db = firestoreAs(env, persona);
    await expectAllowed(getDocs(collection(db, paths.matchActions(ALICE))), persona === "owner");
  });

  it.each(PERSONAS)("get alice's quota as %s", async (persona) => {
    await seed(env, { [QUOTA]: { day: today(), count: 1, lastTargetUid: "carol" } });
    await expectAllowed(getDoc(doc(firestoreAs(env, persona), QUOTA)), persona === "owner");
  });
});

describe("like and pass", () => {
  it.each(PERSONAS)("alice's like of bob, written as %s", async (persona) => {
    await expectAllowed(setDoc(doc(firestoreAs(env, persona), ON_BOB), action("like", BOB)), persona === "owner");
  });

  it("the owner may pass", async () => {
    await expectAllowed(setDoc(doc(firestoreAs(env, "owner"), ON_BOB), action("pass", BOB)), true);
  });

  it.each([
    ["an unknown action", { action: "love", createdAt: serverTimestamp() }],
    ["a backdated action", { action: "like", createdAt: STALE_TIME }],
    ["an extra field", { action: "like", createdAt: serverTimestamp(), score: 100 }],
  ])("refuses %s", async (_label, data) => {
    await expectAllowed(setDoc(doc(firestoreAs(env, "owner"), ON_BOB), data), false);
  });

  it("a like reaches only someone in the member's queue", async () => {
    const db = firestoreAs(env, "owner");
    await expectAllowed(setDoc(doc(db, paths.matchAction(ALICE, HIDDEN)), action("like", HIDDEN)), false);
    await expectAllowed(setDoc(doc(db, ON_BOB), action("like", BOB)), true);
  });

  it("a pass needs no queue entry: it only hides someone from the member's own queue", async () => {
    await expectAllowed(
      setDoc(doc(firestoreAs(env, "owner"), paths.matchAction(ALICE, HIDDEN)), action("pass", HIDDEN)),
      true,
    );
  });

  it("nobody acts on themselves", async () => {
    await expectAllowed(
      setDoc(doc(firestoreAs(env, "owner"), paths.matchAction(ALICE, ALICE)), action("like", ALICE)),
      false,
    );
  });

  it.each([
    ["names someone else than the one it is on", { ...action("like", BOB), targetUid: "b1" }],
    ["leaves out whom it is on", { action: "like", createdAt: serverTimestamp() }],
  ])("an action that %s is refused (account deletion finds actions by targetUid)", async (_label, data) => {
    await expectAllowed(setDoc(doc(firestoreAs(env, "owner"), ON_BOB), data), false);
  });

  it("an action is final: no change from pass to like, no delete", async () => {
    const db = firestoreAs(env, "owner");
    const carol = doc(db, paths.matchAction(ALICE, "carol"));
    await expectAllowed(updateDoc(carol, { action: "super_like" }), false);
    await expectAllowed(setDoc(carol, action("pass", "carol")), false);
    await expectAllowed(deleteDoc(carol), false);
  });
});

describe("super-like", () => {
  it("is allowed with the quota bump in the same batch", async () => {
    await expectAllowed(superLike(firestoreAs(env, "owner"), BOB, 1), true);
  });

  it("is refused to someone not in the member's queue, quota bump or not", async () => {
    const db = firestoreAs(env, "owner");
    await expectAllowed(superLike(db, HIDDEN, 1), false);
    // The refused batch counted nothing: the first super-like of the day is still count 1.
    await expectAllowed(superLike(db, BOB, 1), true);
  });

  it("is refused without the quota bump", async () => {
    await expectAllowed(setDoc(doc(firestoreAs(env, "owner"), ON_BOB), action("super_like", BOB)), false);
  });

  it("stops at the default limit of 3 a day", async () => {
    const db = firestoreAs(env, "owner");
    for (const [i, target] of ["b1", "b2", "b3"].entries()) await expectAllowed(superLike(db, target, i + 1), true);
    await expectAllowed(superLike(db, "b4", 4), false);
  });

  it("follows the limit an admin set in config/matching", async () => {
    await seed(env, { [paths.matchingConfig()]: { superLikesPerDay: 1 } });
    const db = firestoreAs(env, "owner");
    await expectAllowed(superLike(db, "b1", 1), true);
    await expectAllowed(superLike(db, "b2", 2), false);
  });

  it("starts again at 1 on a new day", async () => {
    await seed(env, { [QUOTA]: { day: today() - 1, count: 3, lastTargetUid: "carol" } });
    await expectAllowed(superLike(firestoreAs(env, "owner"), BOB, 1), true);
  });

  it.each([
    ["skips a count", 2, today()],
    ["resets the count", 0, today()],
    ["claims another day", 1, today() + 1],
  ])("refuses a bump that %s", async (_label, count, day) => {
    await expectAllowed(superLike(firestoreAs(env, "owner"), BOB, count, day), false);
  });

  it("refuses a quota bump without a new super-like, and deleting the quota", async () => {
    await seed(env, { [QUOTA]: { day: today(), count: 3, lastTargetUid: "carol" } });
    const db = firestoreAs(env, "owner");
    await expectAllowed(setDoc(doc(db, QUOTA), { day: today(), count: 4, lastTargetUid: "carol" }), false);
    await expectAllowed(deleteDoc(doc(db, QUOTA)), false);
  });

  it("cannot be forged onto another member's quota", async () => {
    const db = firestoreAs(env, "otherMember");
    const batch = writeBatch(db);
    batch.set(doc(db, paths.matchAction(ALICE, "dave")), action("super_like", "dave"));
    batch.set(doc(db, QUOTA), { day: today(), count: 1, lastTargetUid: "dave" });
    await expectAllowed(batch.commit(), false);
  });
});

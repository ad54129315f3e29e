/**
 * matches/{pairId} (functions only; the two members read it) and users/{uid}/candidates (no
 * client access at all).
 */
import type { RulesTestEnvironment } from "@firebase/rules-unit-testing";
import { collection, deleteDoc, doc, getDoc, getDocs, query, serverTimestamp, setDoc, where } from "firebase/firestore";
import { afterAll, beforeAll, beforeEach, describe, it } from "vitest";
import { collections, paths, pairIdOf } from "../../functions/src/model/index.js";
import {
  expectAllowed,
  firestoreAs,
  firestoreTestEnv,
  PERSONAS,
  seed,
  STALE_TIME,
  UID,
  type Persona,
} from "./support.js";

let env: RulesTestEnvironment;
const PAIR = pairIdOf(UID.owner, UID.otherMember);
const MATCH = paths.match(PAIR);
const inMatch = (p: Persona) => p === "owner" || p === "otherMember";

beforeAll(async () => {
  env = await firestoreTestEnv("matches");
});
afterAll(async () => {
  await env.cleanup();
});
beforeEach(async () => {
  await env.clearFirestore();
  await seed(env, {
    [MATCH]: { userIds: [UID.owner, UID.otherMember].sort(), createdAt: STALE_TIME, conversationId: PAIR },
    [paths.candidate(UID.owner, "carol")]: { uid: "carol", score: 80, rank: 80 },
  });
});

describe("matches", () => {
  it.each(PERSONAS)("get alice and bob's match as %s", async (persona) => {
    await expectAllowed(getDoc(doc(firestoreAs(env, persona), MATCH)), inMatch(persona));
  });

  it.each(PERSONAS)("list matches containing yourself as %s", async (persona) => {
    if (persona === "anonymous") {
      await expectAllowed(getDocs(collection(firestoreAs(env, persona), collections.matches)), false);
      return;
    }
    const me = UID[persona];
    const mine = query(
      collection(firestoreAs(env, persona), collections.matches),
      where("userIds", "array-contains", me),
    );
    await expectAllowed(getDocs(mine), true);
  });

  it("nobody lists every match, or someone else's", async () => {
    const db = firestoreAs(env, "instructor");
    await expectAllowed(getDocs(collection(db, collections.matches)), false);
    const alices = query(collection(db, collections.matches), where("userIds", "array-contains", UID.owner));
    await expectAllowed(getDocs(alices), false);
  });

  it.each(PERSONAS)("write a match as %s (functions only)", async (persona) => {
    const db = firestoreAs(env, persona);
    const forged = pairIdOf(UID.owner, "carol");
    await expectAllowed(
      setDoc(doc(db, paths.match(forged)), {
        userIds: [UID.owner, "carol"],
        createdAt: serverTimestamp(),
        conversationId: forged,
      }),
      false,
    );
    await expectAllowed(deleteDoc(doc(db, MATCH)), false);
  });
});

describe("candidates", () => {
  it.each(PERSONAS)("read or write alice's Discover queue as %s", async (persona) => {
    const db = firestoreAs(env, persona);
    await expectAllowed(getDocs(collection(db, paths.candidates(UID.owner))), false);
    await expectAllowed(setDoc(doc(db, paths.candidate(UID.owner, "dave")), { score: 100, rank: 1000 }), false);
  });
});

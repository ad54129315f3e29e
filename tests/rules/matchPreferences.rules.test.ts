/**
 * users/{uid}/private/matchPreferences: who a member wants to see in Discover. Only the owner
 * reads it; nobody writes it directly (the setMatchPreferences callable does, rate-limited).
 */
import type { RulesTestEnvironment } from "@firebase/rules-unit-testing";
import { deleteDoc, doc, getDoc, serverTimestamp, setDoc, updateDoc } from "firebase/firestore";
import { afterAll, beforeAll, beforeEach, describe, it } from "vitest";
import { paths } from "../../functions/src/model/index.js";
import { expectAllowed, firestoreAs, firestoreTestEnv, PERSONAS, seed, STALE_TIME, UID } from "./support.js";

let env: RulesTestEnvironment;
const PREFS = paths.matchPreferences(UID.owner);
const valid = () => ({
  maxDistanceKm: 15,
  fitnessLevels: ["intermediate", "advanced"],
  interests: ["hiit"],
  audience: "members_only",
  discoverable: true,
  updatedAt: serverTimestamp(),
});

beforeAll(async () => {
  env = await firestoreTestEnv("match-preferences");
});
afterAll(async () => {
  await env.cleanup();
});
beforeEach(async () => {
  await env.clearFirestore();
  await seed(env, { [PREFS]: { maxDistanceKm: 10, updatedAt: STALE_TIME } });
});

describe("read", () => {
  it.each(PERSONAS)("get alice's preferences as %s", async (persona) => {
    await expectAllowed(getDoc(doc(firestoreAs(env, persona), PREFS)), persona === "owner");
  });
});

describe("write", () => {
  // Every save rebuilds Discover queues across a city: it goes through setMatchPreferences,
  // which counts it against a rate limit. A direct write would skip the limit.
  it.each(PERSONAS)("set alice's preferences as %s", async (persona) => {
    await expectAllowed(setDoc(doc(firestoreAs(env, persona), PREFS), valid()), false);
  });

  it.each(PERSONAS)("update or delete alice's preferences as %s", async (persona) => {
    const db = firestoreAs(env, persona);
    await expectAllowed(updateDoc(doc(db, PREFS), { discoverable: false, updatedAt: serverTimestamp() }), false);
    await expectAllowed(deleteDoc(doc(db, PREFS)), false);
  });
});

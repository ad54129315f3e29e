/**
 * users/{uid}/private/matchPreferences: who a member wants to see in Discover. Only the owner
 * reads or writes it; every field is optional and validated when present.
 */
import type { RulesTestEnvironment } from "@firebase/rules-unit-testing";
import { deleteDoc, doc, getDoc, serverTimestamp, setDoc } from "firebase/firestore";
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
  it.each(PERSONAS)("set alice's preferences as %s", async (persona) => {
    await expectAllowed(setDoc(doc(firestoreAs(env, persona), PREFS), valid()), persona === "owner");
  });

  it("the owner may write only some fields, and delete back to defaults", async () => {
    const db = firestoreAs(env, "owner");
    await expectAllowed(setDoc(doc(db, PREFS), { discoverable: false, updatedAt: serverTimestamp() }), true);
    await expectAllowed(deleteDoc(doc(db, PREFS)), true);
  });

  it.each([
    ["a distance past 100 km", { maxDistanceKm: 101 }],
    ["a fractional distance", { maxDistanceKm: 2.5 }],
    ["an unknown level", { fitnessLevels: ["elite"] }],
    ["an unknown interest", { interests: ["chess"] }],
    ["an unknown audience", { audience: "instructors" }],
    ["a non-boolean switch", { discoverable: "yes" }],
    ["an unknown field", { ageRange: [20, 30] }],
    ["a backdated updatedAt", { updatedAt: STALE_TIME }],
  ])("the owner cannot write %s", async (_label, change) => {
    await expectAllowed(setDoc(doc(firestoreAs(env, "owner"), PREFS), { ...valid(), ...change }), false);
  });

  it("nobody else can delete them", async () => {
    await expectAllowed(deleteDoc(doc(firestoreAs(env, "admin"), PREFS)), false);
  });
});

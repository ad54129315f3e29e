/** config/matching: scoring weights and the super-like limit, edited by admins. */
import type { RulesTestEnvironment } from "@firebase/rules-unit-testing";
import { deleteDoc, doc, getDoc, serverTimestamp, setDoc } from "firebase/firestore";
import { afterAll, beforeAll, beforeEach, describe, it } from "vitest";
import { paths } from "../../functions/src/model/index.js";
import { expectAllowed, firestoreAs, firestoreTestEnv, PERSONAS, seed, STALE_TIME } from "./support.js";

let env: RulesTestEnvironment;
const CONFIG = paths.matchingConfig();
const valid = () => ({
  weights: { distance: 40, interests: 20, reliability: 15 },
  superLikesPerDay: 5,
  updatedAt: serverTimestamp(),
});

beforeAll(async () => {
  env = await firestoreTestEnv("matching-config");
});
afterAll(async () => {
  await env.cleanup();
});
beforeEach(async () => {
  await env.clearFirestore();
  await seed(env, { [CONFIG]: { superLikesPerDay: 3, updatedAt: STALE_TIME } });
});

it.each(PERSONAS)("read the config as %s", async (persona) => {
  await expectAllowed(getDoc(doc(firestoreAs(env, persona), CONFIG)), persona !== "anonymous");
});

it.each(PERSONAS)("write the config as %s", async (persona) => {
  await expectAllowed(setDoc(doc(firestoreAs(env, persona), CONFIG), valid()), persona === "admin");
});

it.each(PERSONAS)("delete the config (back to defaults) as %s", async (persona) => {
  await expectAllowed(deleteDoc(doc(firestoreAs(env, persona), CONFIG)), persona === "admin");
});

describe("validation", () => {
  it.each([
    ["a negative weight", { weights: { level: -1 } }],
    ["a reliability weight over 100", { weights: { reliability: 101 } }],
    ["an unknown factor", { weights: { looks: 50 } }],
    ["a fractional limit", { superLikesPerDay: 1.5 }],
    ["an unknown field", { queueSize: 10 }],
  ])("an admin cannot write %s", async (_label, change) => {
    await expectAllowed(setDoc(doc(firestoreAs(env, "admin"), CONFIG), { ...valid(), ...change }), false);
  });
});

/** config/limits: the limits on abuse paths, overridden by admins only. */
import type { RulesTestEnvironment } from "@firebase/rules-unit-testing";
import { deleteDoc, doc, getDoc, serverTimestamp, setDoc } from "firebase/firestore";
import { afterAll, beforeAll, beforeEach, describe, it } from "vitest";
import { paths } from "../../functions/src/model/index.js";
import { expectAllowed, firestoreAs, firestoreTestEnv, PERSONAS, seed, STALE_TIME } from "./support.js";

let env: RulesTestEnvironment;
const CONFIG = paths.limitsConfig();
const valid = () => ({
  rates: { report: { max: 5, windowMinutes: 1440 }, locationChange: { max: 2, windowMinutes: 60 } },
  messagesPerMinute: 30,
  maxDevicesPerMember: 5,
  updatedAt: serverTimestamp(),
});

beforeAll(async () => {
  env = await firestoreTestEnv("limits-config");
});
afterAll(async () => {
  await env.cleanup();
});
beforeEach(async () => {
  await env.clearFirestore();
  await seed(env, { [CONFIG]: { messagesPerMinute: 20, updatedAt: STALE_TIME } });
});

it.each(PERSONAS)("read the limits as %s", async (persona) => {
  // Signed-in clients read messagesPerMinute to tell their member to wait; limits are no secret.
  await expectAllowed(getDoc(doc(firestoreAs(env, persona), CONFIG)), persona !== "anonymous");
});

it.each(PERSONAS)("write the limits as %s", async (persona) => {
  await expectAllowed(setDoc(doc(firestoreAs(env, persona), CONFIG), valid()), persona === "admin");
});

it.each(PERSONAS)("delete the limits (back to defaults) as %s", async (persona) => {
  await expectAllowed(deleteDoc(doc(firestoreAs(env, persona), CONFIG)), persona === "admin");
});

describe("validation", () => {
  it.each([
    ["an unknown limit", { rates: { logins: { max: 1, windowMinutes: 1 } } }],
    ["a negative maximum", { rates: { report: { max: -1, windowMinutes: 60 } } }],
    ["a window of no minutes", { rates: { report: { max: 1, windowMinutes: 0 } } }],
    ["a limit with an extra field", { rates: { report: { max: 1, windowMinutes: 60, burst: 3 } } }],
    ["no messages at all", { messagesPerMinute: 0 }],
    ["a fractional device count", { maxDevicesPerMember: 2.5 }],
    ["an unknown field", { captcha: true }],
  ])("an admin cannot write %s", async (_label, change) => {
    await expectAllowed(setDoc(doc(firestoreAs(env, "admin"), CONFIG), { ...valid(), ...change }), false);
  });

  it("an admin cannot backdate the change", async () => {
    await expectAllowed(setDoc(doc(firestoreAs(env, "admin"), CONFIG), { ...valid(), updatedAt: STALE_TIME }), false);
  });
});

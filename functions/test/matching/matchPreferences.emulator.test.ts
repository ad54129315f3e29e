/**
 * setMatchPreferences through the Functions emulator, as a client calls it: saves are validated,
 * replace the member's preferences, and count against the `matchPreferences` rate limit in the
 * same transaction, so the save past the limit is refused and writes nothing.
 */
import { FieldValue } from "firebase-admin/firestore";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { paths } from "../../src/model/index.js";
import { refs } from "../../src/shared/refs.js";
import { admin, callError, closeAdmin, shownMessage } from "../support/emulators.js";
import { signedInMembers, type Client } from "../support/scenarios.js";

type Member = Client & { uid: string };
let members: Member[] = [];
/** Untyped on purpose: the tests send what a hostile client could. */
const save = (m: Member, prefs: unknown) => m.call<unknown, { ok: boolean }>("setMatchPreferences", prefs);
const preferencesOf = async (m: Member) => (await admin.db.doc(paths.matchPreferences(m.uid)).get()).data();
const savesCounted = async (m: Member) =>
  (await refs(admin.db).rateLimit("matchPreferences", m.uid).get()).data()?.count;

/** Tight enough to reach in a test; only this limit is overridden, and only for this file's run. */
const LIMIT = { max: 2, windowMinutes: 60 };

beforeAll(async () => {
  members = await signedInMembers(2, "prefs");
  await admin.db.doc(paths.limitsConfig()).set({ rates: { matchPreferences: LIMIT } }, { merge: true });
}, 60_000);
afterAll(async () => {
  await admin.db.doc(paths.limitsConfig()).update({ "rates.matchPreferences": FieldValue.delete() });
  await Promise.all(members.map((m) => m.close()));
  await closeAdmin();
});

describe("setMatchPreferences", () => {
  it("saves up to the limit, then refuses with resource-exhausted and writes nothing", async () => {
    const [m] = members;
    await save(m!, { maxDistanceKm: 20, interests: ["hiit"], discoverable: true });
    expect(await preferencesOf(m!)).toMatchObject({ maxDistanceKm: 20, interests: ["hiit"], discoverable: true });
    // A save replaces the preferences: what it leaves out takes its default again.
    await save(m!, { maxDistanceKm: 25 });
    const second = await preferencesOf(m!);
    expect(second).toMatchObject({ maxDistanceKm: 25 });
    expect(second).not.toHaveProperty("interests");
    expect(second?.["updatedAt"]).toBeDefined();

    const refused = await callError(save(m!, { maxDistanceKm: 99, discoverable: false }));
    expect(refused.code).toBe("functions/resource-exhausted");
    expect(shownMessage(refused)).toMatch(/^You have reached the limit of 2 match preference changes\. Try again /);
    expect(await preferencesOf(m!)).toEqual(second);
    expect(await savesCounted(m!)).toBe(LIMIT.max);
  }, 40_000);

  it("rejects bad input as invalid-argument naming the field, writes nothing and counts nothing", async () => {
    const [, m] = members;
    for (const [bad, field] of [
      [{ maxDistanceKm: 101 }, "maxDistanceKm"],
      [{ maxDistanceKm: 2.5 }, "maxDistanceKm"],
      [{ interests: ["chess"] }, "interests.0"],
      [{ audience: "instructors" }, "audience"],
      [{ discoverable: "yes" }, "discoverable"],
    ] as const) {
      const error = await callError(save(m!, bad));
      expect(error.code).toBe("functions/invalid-argument");
      expect(shownMessage(error)).toMatch(new RegExp(`^Invalid setMatchPreferences request: ${field}: `));
    }
    expect(await preferencesOf(m!)).toBeUndefined();
    expect(await savesCounted(m!)).toBeUndefined();
  }, 40_000);
});

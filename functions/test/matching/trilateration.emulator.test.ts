/**
 * The trilateration attack end to end, through the deployed callables: an attacker moves their own
 * location to many vantage points (setMyLocation), reads the victim's distance in Discover at each
 * (getPartnerMatches), and fits the victim's position by least squares. The fit must stay more
 * than 1 km from where the victim is. And moving is counted: past the limit, a move is refused and
 * changes nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MATCHING_POINT, shownDistanceKm } from "../../src/matching/matchingPoint.js";
import { distanceKm } from "../../src/matching/scoring.js";
import {
  paths,
  privateSettingsSchema,
  type GetPartnerMatchesResponse,
  type SetMyLocationRequest,
} from "../../src/model/index.js";
import { admin, callError, closeAdmin, shownMessage, signedInClient, waitForDoc } from "../support/emulators.js";
import { kmNorthOf, matchingPointInTests, putMember, useTestMatchingKey } from "../support/matchingScenario.js";
import { leastSquaresFit, ringAround, type Sighting } from "../support/trilateration.js";
import type { Client } from "../support/scenarios.js";

/** Fixed ids: with the tests' key, the victim's matching point is the same every run. */
const VICTIM = "trilateration-victim";
const ATTACKER = "trilateration-attacker";
const VICTIM_HOME = kmNorthOf(40);

let attacker: Client;

async function signedInAs(uid: string): Promise<Client> {
  await admin.auth.deleteUser(uid).catch(() => undefined);
  const email = `${uid}@numina.test`;
  await admin.auth.createUser({ uid, email, password: "test-password-1" });
  await waitForDoc(paths.user(uid), (d) => d, 60_000);
  return signedInClient(email, "test-password-1");
}

beforeAll(async () => {
  await useTestMatchingKey(admin.db);
  attacker = await signedInAs(ATTACKER);
  await Promise.all([
    putMember(admin.db, VICTIM, { at: VICTIM_HOME }),
    putMember(admin.db, ATTACKER, { at: kmNorthOf(36) }),
  ]);
}, 90_000);
afterAll(async () => {
  await admin.db.doc(paths.limitsConfig()).delete();
  await attacker?.close();
  await closeAdmin();
});

/**
 * Moves the attacker and reads the victim's distance once Discover reflects the move: until then a
 * page may still be the one built from the previous vantage point. (The test knows where matching
 * places both, so it knows which distance the move must show.)
 */
async function moveAndLook(to: { lat: number; lng: number }): Promise<number> {
  await attacker.call<SetMyLocationRequest, unknown>("setMyLocation", { lat: to.lat, lng: to.lng });
  const expected = shownDistanceKm(
    distanceKm(matchingPointInTests(ATTACKER, to), matchingPointInTests(VICTIM, VICTIM_HOME)),
  );
  const deadline = Date.now() + 45_000;
  for (;;) {
    const page = await attacker.call<object, GetPartnerMatchesResponse>("getPartnerMatches", { limit: 50 });
    const shown = page.matches.find((m) => m.uid === VICTIM)?.distanceKm;
    if (shown === expected) return shown;
    if (Date.now() > deadline) throw new Error(`Discover never showed the victim at ${expected} km (last: ${shown})`);
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
}

describe("the trilateration attack", () => {
  it("cannot place a member within 1 km, with as many vantage points as the attacker likes", async () => {
    // An attacker with many accounts has as many moves as they like: lift the limit for this one.
    await admin.db.doc(paths.limitsConfig()).set({ rates: { locationChange: { max: 1000, windowMinutes: 1440 } } });
    const sightings: Sighting[] = [];
    for (const from of [...ringAround(VICTIM_HOME, 2.5, 6), ...ringAround(VICTIM_HOME, 5, 6)]) {
      sightings.push({ from, km: await moveAndLook(from) });
    }
    // Whole kilometres, whatever the vantage point.
    expect(sightings.every((s) => Number.isInteger(s.km) && s.km >= 1)).toBe(true);

    // The attacker as they are: distances from where they put themselves.
    const naive = leastSquaresFit(sightings, VICTIM_HOME);
    expect(distanceKm(naive, VICTIM_HOME)).toBeGreaterThan(1);
    // The strongest attacker has also learnt their own offsets (say, from a second account at a
    // known place): their fit finds the victim's matching point, and so stays off the home.
    const calibrated = sightings.map((s) => ({ ...s, from: matchingPointInTests(ATTACKER, s.from) }));
    const best = leastSquaresFit(calibrated, VICTIM_HOME);
    expect(distanceKm(best, matchingPointInTests(VICTIM, VICTIM_HOME))).toBeLessThan(1);
    expect(distanceKm(best, VICTIM_HOME)).toBeGreaterThan(1);
    // The public cell is no closer: it is the cell of the matching point, not of the home.
    const cell = (await admin.db.doc(paths.user(VICTIM)).get()).get("geohash") as string;
    expect(cell).toHaveLength(5);
    expect(MATCHING_POINT.minOffsetKm).toBeGreaterThan(1);
  }, 240_000);

  it("counts moves: past the limit a move is refused and the location stays", async () => {
    await admin.db.doc(paths.limitsConfig()).set({ rates: { locationChange: { max: 2, windowMinutes: 1440 } } });
    // Counters are per member: a fresh window for this check.
    await admin.db.doc(paths.rateLimit("locationChange", ATTACKER)).delete();
    await attacker.call("setMyLocation", { lat: 51.6, lng: -0.1 });
    await attacker.call("setMyLocation", { lat: 51.61, lng: -0.1 });
    // The same point again is no move: answered, not counted.
    expect(await attacker.call("setMyLocation", { lat: 51.61, lng: -0.1 })).toEqual({ changed: false });
    const refused = await callError(attacker.call("setMyLocation", { lat: 51.62, lng: -0.1 }));
    expect(refused.code).toBe("functions/resource-exhausted");
    expect(shownMessage(refused)).toMatch(/limit of 2 location changes a day/);
    const settings = privateSettingsSchema.parse((await admin.db.doc(paths.privateSettings(ATTACKER)).get()).data());
    expect(settings.location).toMatchObject({ lat: 51.61, lng: -0.1 });

    const bad = await callError(attacker.call("setMyLocation", { lat: 91, lng: 0 }));
    expect(bad.code).toBe("functions/invalid-argument");
    expect(shownMessage(bad)).toContain("lat");
  });
});

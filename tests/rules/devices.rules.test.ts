/**
 * users/{uid}/devices/{deviceId}: FCM registration tokens. The owner registers and removes their
 * own devices; a token planted in someone else's list would receive their notices, so nobody else
 * writes (or reads) it.
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
  type DocumentData,
} from "firebase/firestore";
import { afterAll, beforeAll, beforeEach, describe, it } from "vitest";
import { paths } from "../../functions/src/model/index.js";
import { expectAllowed, firestoreAs, firestoreTestEnv, PERSONAS, seed, STALE_TIME, UID } from "./support.js";

let env: RulesTestEnvironment;
const DEVICE = paths.device(UID.owner, "laptop");
const NOT_OWNER = PERSONAS.filter((p) => p !== "owner");

const registration = (overrides: DocumentData = {}): DocumentData => ({
  uid: UID.owner,
  token: "fcm-token-alice-laptop",
  platform: "web",
  updatedAt: serverTimestamp(),
  ...overrides,
});

beforeAll(async () => {
  env = await firestoreTestEnv("devices");
});
afterAll(async () => {
  await env.cleanup();
});
beforeEach(async () => {
  await env.clearFirestore();
  await seed(env, { [DEVICE]: { uid: UID.owner, token: "old-token", platform: "web", updatedAt: STALE_TIME } });
});

describe("read", () => {
  it.each(PERSONAS)("get alice's device as %s", async (persona) => {
    await expectAllowed(getDoc(doc(firestoreAs(env, persona), DEVICE)), persona === "owner");
  });

  it.each(PERSONAS)("list alice's devices as %s", async (persona) => {
    await expectAllowed(getDocs(collection(firestoreAs(env, persona), paths.devices(UID.owner))), persona === "owner");
  });
});

describe("write", () => {
  it("the owner registers a device, refreshes its token and removes it", async () => {
    const db = firestoreAs(env, "owner");
    await expectAllowed(setDoc(doc(db, paths.device(UID.owner, "phone")), registration({ platform: "android" })), true);
    await expectAllowed(setDoc(doc(db, DEVICE), registration({ token: "new-token" })), true);
    await expectAllowed(deleteDoc(doc(db, DEVICE)), true);
  });

  const invalid: ReadonlyArray<[string, DocumentData]> = [
    ["an empty token", registration({ token: "" })],
    ["an unknown platform", registration({ platform: "fridge" })],
    ["a backdated updatedAt", registration({ updatedAt: STALE_TIME })],
    ["an extra field", registration({ label: "work laptop" })],
    ["another member's uid", registration({ uid: UID.otherMember })],
    ["no uid", (({ uid: _uid, ...rest }) => rest)(registration())],
  ];
  it.each(invalid)("the owner cannot register %s", async (_label, data) => {
    await expectAllowed(setDoc(doc(firestoreAs(env, "owner"), DEVICE), data), false);
  });

  it.each(NOT_OWNER)("registering a token on alice's account as %s is denied", async (persona) => {
    const path = paths.device(UID.owner, "planted");
    await expectAllowed(setDoc(doc(firestoreAs(env, persona), path), registration({ token: "attacker" })), false);
  });

  it("a member cannot file their own device under alice's uid, to receive her group chats' pushes", async () => {
    const path = paths.device(UID.otherMember, "planted");
    const forged = registration({ uid: UID.owner, token: "attacker" });
    await expectAllowed(setDoc(doc(firestoreAs(env, "otherMember"), path), forged), false);
    await expectAllowed(setDoc(doc(firestoreAs(env, "otherMember"), path), { ...forged, uid: UID.otherMember }), true);
  });

  it.each(NOT_OWNER)("deleting alice's device as %s is denied", async (persona) => {
    await expectAllowed(deleteDoc(doc(firestoreAs(env, persona), DEVICE)), false);
  });
});

/**
 * users/{uid}/private/settings: email, exact location, time zone, ToS acceptance. The owner
 * alone reads and edits it (not even admins read it); email is server-owned; any other document
 * under private/ is denied.
 */
import type { RulesTestEnvironment } from "@firebase/rules-unit-testing";
import {
  collection,
  deleteDoc,
  deleteField,
  doc,
  getDoc,
  getDocs,
  serverTimestamp,
  setDoc,
  updateDoc,
  type DocumentData,
} from "firebase/firestore";
import { afterAll, beforeAll, beforeEach, describe, it } from "vitest";
import { paths, PRIVATE_SETTINGS_DOC, TERMS_VERSION } from "../../functions/src/model/index.js";
import {
  daysFromNow,
  exactLocation,
  expectAllowed,
  firestoreAs,
  firestoreForUser,
  firestoreTestEnv,
  PERSONAS,
  privateSettings,
  seed,
  withoutField,
  settingsWrite,
  STALE_TIME,
  UID,
} from "./support.js";

let env: RulesTestEnvironment;
const SETTINGS = paths.privateSettings(UID.owner);
const OTHER_PRIVATE_DOC = `users/${UID.owner}/private/devices`;
const NOT_OWNER = PERSONAS.filter((p) => p !== "owner");

beforeAll(async () => {
  env = await firestoreTestEnv("private-settings");
});
afterAll(async () => {
  await env.cleanup();
});
beforeEach(async () => {
  await env.clearFirestore();
});

describe("with the settings document provisioned", () => {
  beforeEach(async () => {
    await seed(env, {
      // Onboarded: a location and an acceptance on file, so clearing them is a real change.
      [SETTINGS]: privateSettings({ location: exactLocation(), tosAcceptedAt: daysFromNow(-10) }),
      // Another private document (as functions might write one day): no client reaches it.
      [OTHER_PRIVATE_DOC]: { tokens: ["fcm-token"] },
    });
  });

  function ownerUpdate(data: DocumentData): Promise<void> {
    return updateDoc(doc(firestoreAs(env, "owner"), SETTINGS), data);
  }

  describe("read", () => {
    it("the owner gets their settings", async () => {
      await expectAllowed(getDoc(doc(firestoreAs(env, "owner"), SETTINGS)), true);
    });

    // Admins included: they work through the console and functions, not a client.
    it.each(NOT_OWNER)("getting alice's settings as %s is denied", async (persona) => {
      await expectAllowed(getDoc(doc(firestoreAs(env, persona), SETTINGS)), false);
    });

    // The owner reads the one known document by id; a listing would also reveal other
    // private documents.
    it.each(PERSONAS)("listing alice's private collection as %s is denied", async (persona) => {
      await expectAllowed(getDocs(collection(firestoreAs(env, persona), `users/${UID.owner}/private`)), false);
    });

    it.each(PERSONAS)("getting another private document as %s is denied", async (persona) => {
      await expectAllowed(getDoc(doc(firestoreAs(env, persona), OTHER_PRIVATE_DOC)), false);
    });
  });

  describe("update by the owner", () => {
    const valid: ReadonlyArray<[string, DocumentData]> = [
      ["change the time zone", { timeZone: "Europe/London" }],
      ["a 64-char time zone", { timeZone: "z".repeat(64) }],
      ["accept the terms in force now", { tosAcceptedAt: serverTimestamp(), termsVersion: TERMS_VERSION }],
      ["withdraw the acceptance", { tosAcceptedAt: null }],
    ];
    it.each(valid)("allowed: %s", async (_label, change) => {
      await expectAllowed(ownerUpdate({ ...change, updatedAt: serverTimestamp() }), true);
    });

    const denied: ReadonlyArray<[string, DocumentData]> = [
      ["change the email (server-owned)", { email: "mallory@evil.test" }],
      ["clear the email", { email: null }],
      ["remove the email", { email: deleteField() }],
      ["write a role", { role: "admin" }],
      ["add an unknown field", { marketingOptIn: true }],
      // The location moves only through setMyLocation, which counts moves (trilateration needs
      // many vantage points) and publishes the cell of the matching point, not of this one.
      ["move the exact location", { location: exactLocation({ lat: 52.52, lng: 13.405, geohash: "u33dc0cpke" }) }],
      ["clear the location", { location: null }],
      ["a 9-char location geohash", { location: exactLocation({ geohash: "gcpvj0duq" }) }],
      ["a latitude of 91", { location: exactLocation({ lat: 91 }) }],
      ["a longitude of -181", { location: exactLocation({ lng: -181 }) }],
      ["a latitude as a string", { location: { ...exactLocation(), lat: "51.5" } }],
      ["an extra key in the location", { location: { ...exactLocation(), accuracy: 5 } }],
      ["a location missing its geohash", { location: { lat: 51.5, lng: -0.1 } }],
      ["an empty time zone", { timeZone: "" }],
      ["a 65-char time zone", { timeZone: "z".repeat(65) }],
      ["remove the time zone", { timeZone: deleteField() }],
      ["tosAcceptedAt not a timestamp", { tosAcceptedAt: "yesterday" }],
      ["backdate accepting the terms", { tosAcceptedAt: STALE_TIME }],
      ["accept without naming a version", { tosAcceptedAt: serverTimestamp() }],
      ["accept a version not in force", { tosAcceptedAt: serverTimestamp(), termsVersion: "2020-01-01" }],
      ["claim the version in force with an old acceptance", { termsVersion: TERMS_VERSION }],
      ["a backdated acceptance of the version in force", { tosAcceptedAt: STALE_TIME, termsVersion: TERMS_VERSION }],
    ];
    it.each(denied)("denied: %s", async (_label, change) => {
      await expectAllowed(ownerUpdate({ ...change, updatedAt: serverTimestamp() }), false);
    });

    it("updatedAt must be request.time", async () => {
      await expectAllowed(ownerUpdate({ timeZone: "Europe/Berlin", updatedAt: STALE_TIME }), false);
    });

    it("updatedAt is required", async () => {
      await expectAllowed(ownerUpdate({ timeZone: "Europe/Berlin" }), false);
    });
  });

  describe("update by anyone else", () => {
    it.each(NOT_OWNER)("updating alice's settings as %s is denied", async (persona) => {
      const change = { timeZone: "Europe/Lisbon", updatedAt: serverTimestamp() };
      await expectAllowed(updateDoc(doc(firestoreAs(env, persona), SETTINGS), change), false);
    });

    it.each(PERSONAS)("writing another private document as %s is denied", async (persona) => {
      await expectAllowed(setDoc(doc(firestoreAs(env, persona), OTHER_PRIVATE_DOC), { tokens: [] }), false);
    });
  });

  describe("delete", () => {
    it.each(PERSONAS)("deleting alice's settings as %s is denied", async (persona) => {
      await expectAllowed(deleteDoc(doc(firestoreAs(env, persona), SETTINGS)), false);
    });
  });
});

describe("create (a client that writes before provisionAccount)", () => {
  function ownerCreate(data: DocumentData): Promise<void> {
    return setDoc(doc(firestoreAs(env, "owner"), SETTINGS), data);
  }

  it("the owner creates with email null", async () => {
    await expectAllowed(ownerCreate(settingsWrite({ email: null })), true);
  });

  it("the owner creates with the email of their token", async () => {
    await expectAllowed(ownerCreate(settingsWrite({ email: "alice@numina.test" })), true);
  });

  it("the owner creates with accepted terms, and without a location (setMyLocation sets it)", async () => {
    const accepted = { tosAcceptedAt: serverTimestamp(), termsVersion: TERMS_VERSION };
    const data = { ...settingsWrite({ email: null }), ...accepted };
    await expectAllowed(ownerCreate(data), true);
    await env.clearFirestore();
    const located = { ...settingsWrite({ email: null, location: exactLocation() }), ...accepted };
    await expectAllowed(ownerCreate(located), false);
  });

  it("terms accepted at a time of the client's choosing, or without their version, are denied", async () => {
    const backdated = { ...settingsWrite({ email: null }), tosAcceptedAt: STALE_TIME, termsVersion: TERMS_VERSION };
    await expectAllowed(ownerCreate(backdated), false);
    const versionless = { ...settingsWrite({ email: null }), tosAcceptedAt: serverTimestamp() };
    await expectAllowed(ownerCreate(versionless), false);
  });

  it("an email that is not the token's is denied", async () => {
    await expectAllowed(ownerCreate(settingsWrite({ email: "someone-else@numina.test" })), false);
  });

  it("an email when the token has none is denied", async () => {
    const db = firestoreForUser(env, UID.owner, {});
    await expectAllowed(setDoc(doc(db, SETTINGS), settingsWrite({ email: "alice@numina.test" })), false);
  });

  const denied: ReadonlyArray<[string, DocumentData]> = [
    ["a role field", { role: "admin" }],
    ["an unknown field", { verified: true }],
    ["a stale updatedAt", { updatedAt: STALE_TIME }],
    ["an invalid location", { location: exactLocation({ lat: 120 }) }],
    ["an empty time zone", { timeZone: "" }],
  ];
  it.each(denied)("a create with %s is denied", async (_label, change) => {
    await expectAllowed(ownerCreate({ ...settingsWrite({ email: null }), ...change }), false);
  });

  it("a create missing a field is denied", async () => {
    await expectAllowed(ownerCreate(withoutField(settingsWrite({ email: null }), "timeZone")), false);
  });

  it.each(NOT_OWNER)("creating alice's settings as %s is denied", async (persona) => {
    await expectAllowed(setDoc(doc(firestoreAs(env, persona), SETTINGS), settingsWrite({ email: null })), false);
  });

  it("only the settings document can be created under private/", async () => {
    const path = `users/${UID.owner}/private/${PRIVATE_SETTINGS_DOC}-copy`;
    await expectAllowed(setDoc(doc(firestoreAs(env, "owner"), path), settingsWrite({ email: null })), false);
  });
});

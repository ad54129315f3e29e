/**
 * users/{uid}/private/notificationPreferences: the owner's per-type channel switches and quiet
 * hours. Only the owner reads or writes it, and only in the documented shape.
 */
import type { RulesTestEnvironment } from "@firebase/rules-unit-testing";
import { deleteDoc, doc, getDoc, serverTimestamp, setDoc, type DocumentData } from "firebase/firestore";
import { afterAll, beforeAll, beforeEach, describe, it } from "vitest";
import { paths } from "../../functions/src/model/index.js";
import { expectAllowed, firestoreAs, firestoreTestEnv, PERSONAS, seed, STALE_TIME, UID } from "./support.js";

let env: RulesTestEnvironment;
const PREFS = paths.notificationPreferences(UID.owner);
const NOT_OWNER = PERSONAS.filter((p) => p !== "owner");

const valid = (overrides: DocumentData = {}): DocumentData => ({
  channels: { class_cancelled: { inApp: false, push: true, email: false } },
  quietHours: { start: 22 * 60, end: 7 * 60 },
  updatedAt: serverTimestamp(),
  ...overrides,
});

beforeAll(async () => {
  env = await firestoreTestEnv("notification-preferences");
});
afterAll(async () => {
  await env.cleanup();
});
beforeEach(async () => {
  await env.clearFirestore();
  await seed(env, { [PREFS]: { channels: {}, quietHours: null, updatedAt: STALE_TIME } });
});

describe("read", () => {
  it.each(PERSONAS)("get alice's preferences as %s", async (persona) => {
    await expectAllowed(getDoc(doc(firestoreAs(env, persona), PREFS)), persona === "owner");
  });
});

describe("write", () => {
  it("the owner saves a valid document, with or without quiet hours", async () => {
    const db = firestoreAs(env, "owner");
    await expectAllowed(setDoc(doc(db, PREFS), valid()), true);
    await expectAllowed(setDoc(doc(db, PREFS), valid({ quietHours: null, channels: {} })), true);
  });

  it("the owner creates it when none exists, and deletes it to go back to the defaults", async () => {
    const db = firestoreAs(env, "owner");
    await expectAllowed(deleteDoc(doc(db, PREFS)), true);
    await expectAllowed(setDoc(doc(db, PREFS), valid()), true);
  });

  const invalid: ReadonlyArray<[string, DocumentData]> = [
    ["an unknown notice type", valid({ channels: { lottery: { inApp: true, push: true, email: true } } })],
    ["a channel missing", valid({ channels: { match: { inApp: true, push: true } } })],
    ["an extra channel", valid({ channels: { match: { inApp: true, push: true, email: true, sms: true } } })],
    ["a channel as a string", valid({ channels: { match: { inApp: "yes", push: true, email: true } } })],
    ["quiet hours past midnight's last minute", valid({ quietHours: { start: 1440, end: 60 } })],
    ["quiet hours as text", valid({ quietHours: { start: "22:00", end: "07:00" } })],
    ["a backdated updatedAt", valid({ updatedAt: STALE_TIME })],
    ["an extra field", valid({ emailAddress: "attacker@example.com" })],
  ];
  it.each(invalid)("the owner cannot save %s", async (_label, data) => {
    await expectAllowed(setDoc(doc(firestoreAs(env, "owner"), PREFS), data), false);
  });

  // Turning off someone's cancellation emails would let them miss that their class is off.
  it.each(NOT_OWNER)("writing alice's preferences as %s is denied", async (persona) => {
    await expectAllowed(setDoc(doc(firestoreAs(env, persona), PREFS), valid()), false);
  });

  it.each(NOT_OWNER)("deleting alice's preferences as %s is denied", async (persona) => {
    await expectAllowed(deleteDoc(doc(firestoreAs(env, persona), PREFS)), false);
  });
});

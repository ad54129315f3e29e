/**
 * users/{uid}/notifications/{id}: the in-app notification centre. Functions write it; the owner
 * reads it, may only flip `read`, and may delete it; nobody else reads or touches it.
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
import { paths } from "../../functions/src/model/index.js";
import { expectAllowed, firestoreAs, firestoreTestEnv, notification, PERSONAS, seed, UID } from "./support.js";

let env: RulesTestEnvironment;
const NOTICE = paths.notification(UID.owner, "waitlist_promoted:yoga-1");
const NOT_OWNER = PERSONAS.filter((p) => p !== "owner");

beforeAll(async () => {
  env = await firestoreTestEnv("notifications");
});
afterAll(async () => {
  await env.cleanup();
});
beforeEach(async () => {
  await env.clearFirestore();
  await seed(env, { [NOTICE]: notification({ aboutUids: [UID.otherMember] }) });
});

describe("read", () => {
  it.each(PERSONAS)("get alice's notification as %s", async (persona) => {
    await expectAllowed(getDoc(doc(firestoreAs(env, persona), NOTICE)), persona === "owner");
  });

  it.each(PERSONAS)("list alice's notifications as %s", async (persona) => {
    const inbox = collection(firestoreAs(env, persona), paths.notifications(UID.owner));
    await expectAllowed(getDocs(inbox), persona === "owner");
  });
});

describe("update", () => {
  it("the owner marks it read, and unread again", async () => {
    const db = firestoreAs(env, "owner");
    await expectAllowed(updateDoc(doc(db, NOTICE), { read: true }), true);
    await expectAllowed(updateDoc(doc(db, NOTICE), { read: false }), true);
  });

  const denied: ReadonlyArray<[string, DocumentData]> = [
    ["read as a string", { read: "yes" }],
    ["read removed", { read: deleteField() }],
    ["the title rewritten", { read: true, title: "You won a prize" }],
    ["createdAt rewritten", { read: true, createdAt: serverTimestamp() }],
    ["a role field added", { read: true, role: "admin" }],
    // Whom it names decides whether deleting their account deletes it: the owner keeps it out of reach.
    ["aboutUids emptied", { read: true, aboutUids: [] }],
  ];
  it.each(denied)("the owner cannot write %s", async (_label, change) => {
    await expectAllowed(updateDoc(doc(firestoreAs(env, "owner"), NOTICE), change), false);
  });

  it.each(NOT_OWNER)("marking alice's notification read as %s is denied", async (persona) => {
    await expectAllowed(updateDoc(doc(firestoreAs(env, persona), NOTICE), { read: true }), false);
  });
});

describe("create and delete", () => {
  // A forged notification could phish ("your account is suspended, click here").
  it.each(PERSONAS)("creating a notification for alice as %s is denied", async (persona) => {
    const path = paths.notification(UID.owner, "forged");
    await expectAllowed(setDoc(doc(firestoreAs(env, persona), path), notification()), false);
  });

  it.each(PERSONAS)("deleting alice's notification as %s", async (persona) => {
    await expectAllowed(deleteDoc(doc(firestoreAs(env, persona), NOTICE)), persona === "owner");
  });

  it("the owner cannot create one under their own id either (a forged notice in their own centre)", async () => {
    const path = paths.notification(UID.owner, "self-made");
    await expectAllowed(setDoc(doc(firestoreAs(env, "owner"), path), notification()), false);
  });
});

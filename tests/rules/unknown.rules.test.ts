/**
 * Default deny: a collection the rules do not name (or a subcollection of a named one) refuses
 * every operation for every role, so a new feature must open its own path deliberately.
 */
import type { RulesTestEnvironment } from "@firebase/rules-unit-testing";
import { collection, deleteDoc, doc, getDoc, getDocs, setDoc, updateDoc } from "firebase/firestore";
import { afterAll, beforeAll, beforeEach, describe, it } from "vitest";
import { expectAllowed, firestoreAs, firestoreTestEnv, PERSONAS, seed, UID } from "./support.js";

let env: RulesTestEnvironment;

// A top-level collection nobody declared, and unmatched subcollections of declared documents
// (a member's Discover queue, which only functions touch, and ones under a class), and collections
// only functions use.
const UNMATCHED_DOCS = [
  "somethingNew/doc-1",
  `users/${UID.owner}/candidates/${UID.otherMember}`,
  "classes/yoga-1/notes/note-1",
  // Reports of a review: functions only, or a reviewer could read who reported them.
  `classes/yoga-1/reviews/${UID.otherMember}/reports/${UID.owner}`,
  // Rate-limit counters: functions only, or a member could reset their own.
  `rateLimits/report_${UID.owner}`,
  // The key of matching points: anyone who read it could undo every member's offset.
  "serverKeys/matchingPoint",
  // Deleted messages' evidence is read by admins only (conversations.rules.test.ts); the
  // receipts of applied messages by nobody.
  "conversations/c1/receipts/m1",
  // What partner feedback says of a member: functions only, even for that member, or they could
  // watch it move and tell whose answer it was.
  `reliability/${UID.owner}`,
] as const;

beforeAll(async () => {
  env = await firestoreTestEnv("unknown");
});
afterAll(async () => {
  await env.cleanup();
});
beforeEach(async () => {
  await env.clearFirestore();
  await seed(env, Object.fromEntries(UNMATCHED_DOCS.map((path) => [path, { createdBy: UID.owner, value: 1 }])));
});

describe.each(UNMATCHED_DOCS)("%s", (path) => {
  const parent = path.slice(0, path.lastIndexOf("/"));

  it.each(PERSONAS)("get as %s is denied", async (persona) => {
    await expectAllowed(getDoc(doc(firestoreAs(env, persona), path)), false);
  });

  it.each(PERSONAS)("list as %s is denied", async (persona) => {
    await expectAllowed(getDocs(collection(firestoreAs(env, persona), parent)), false);
  });

  it.each(PERSONAS)("create as %s is denied", async (persona) => {
    await expectAllowed(setDoc(doc(firestoreAs(env, persona), `${parent}/new-doc`), { value: 1 }), false);
  });

  it.each(PERSONAS)("update as %s is denied", async (persona) => {
    await expectAllowed(updateDoc(doc(firestoreAs(env, persona), path), { value: 2 }), false);
  });

  it.each(PERSONAS)("delete as %s is denied", async (persona) => {
    await expectAllowed(deleteDoc(doc(firestoreAs(env, persona), path)), false);
  });
});

/**
 * reports/{id}: members report other members as themselves; admins list the queue and close
 * reports; nobody else reads them.
 */
import type { RulesTestEnvironment } from "@firebase/rules-unit-testing";
import {
  addDoc,
  collection,
  deleteDoc,
  doc,
  getDoc,
  getDocs,
  serverTimestamp,
  setDoc,
  updateDoc,
} from "firebase/firestore";
import { afterAll, beforeAll, beforeEach, describe, it } from "vitest";
import { collections, paths } from "../../functions/src/model/index.js";
import { expectAllowed, firestoreAs, firestoreTestEnv, PERSONAS, seed, STALE_TIME, UID } from "./support.js";

let env: RulesTestEnvironment;
/** alice reported bob. */
const REPORT = paths.report("r1");
const stored = {
  reporterId: UID.owner,
  subjectUid: UID.otherMember,
  subjectKind: "user",
  reason: "harassment",
  details: "Rude messages",
  conversationId: null,
  messageId: null,
  messageText: null,
  status: "open",
  createdAt: STALE_TIME,
  reviewedBy: null,
  reviewedAt: null,
};
const filed = (reporterId: string, overrides: object = {}) => ({
  ...stored,
  reporterId,
  subjectUid: "carol",
  createdAt: serverTimestamp(),
  ...overrides,
});

beforeAll(async () => {
  env = await firestoreTestEnv("reports");
});
afterAll(async () => {
  await env.cleanup();
});
beforeEach(async () => {
  await env.clearFirestore();
  await seed(env, { [REPORT]: stored });
});

describe("read", () => {
  it.each(PERSONAS)("get alice's report as %s", async (persona) => {
    await expectAllowed(getDoc(doc(firestoreAs(env, persona), REPORT)), persona === "owner" || persona === "admin");
  });

  it.each(PERSONAS)("list the review queue as %s", async (persona) => {
    await expectAllowed(getDocs(collection(firestoreAs(env, persona), collections.reports)), persona === "admin");
  });
});

describe("create", () => {
  it.each(PERSONAS)("file a report as %s", async (persona) => {
    const db = firestoreAs(env, persona);
    const reporter = persona === "anonymous" ? "nobody" : UID[persona];
    await expectAllowed(addDoc(collection(db, collections.reports), filed(reporter)), persona !== "anonymous");
  });

  it.each([
    ["in someone else's name", filed(UID.otherMember)],
    ["about herself", filed(UID.owner, { subjectUid: UID.owner })],
    ["already closed", filed(UID.owner, { status: "dismissed" })],
    ["with an unknown reason", filed(UID.owner, { reason: "boring" })],
    ["as a message report", filed(UID.owner, { subjectKind: "message", messageText: "hi" })],
    ["backdated", filed(UID.owner, { createdAt: STALE_TIME })],
    ["with 1001 characters of details", filed(UID.owner, { details: "x".repeat(1001) })],
  ])("alice cannot file a report %s", async (_label, data) => {
    await expectAllowed(setDoc(doc(firestoreAs(env, "owner"), paths.report("r2")), data), false);
  });
});

describe("review", () => {
  const close = (reviewer: string) => ({ status: "actioned", reviewedBy: reviewer, reviewedAt: serverTimestamp() });

  it.each(PERSONAS)("close a report as %s", async (persona) => {
    const db = firestoreAs(env, persona);
    await expectAllowed(
      updateDoc(doc(db, REPORT), close(persona === "anonymous" ? "x" : UID[persona])),
      persona === "admin",
    );
  });

  it("an admin cannot sign as someone else, rewrite the report, or delete it", async () => {
    const db = firestoreAs(env, "admin");
    await expectAllowed(updateDoc(doc(db, REPORT), close(UID.owner)), false);
    await expectAllowed(updateDoc(doc(db, REPORT), { ...close(UID.admin), details: "edited" }), false);
    await expectAllowed(deleteDoc(doc(db, REPORT)), false);
  });
});

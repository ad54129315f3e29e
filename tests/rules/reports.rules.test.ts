/**
 * reports/{id}: filed only by the report callables (see functions/test/reports); the reporter
 * reads their own, admins list the queue and close reports; nobody else reads them.
 */
import type { RulesTestEnvironment } from "@firebase/rules-unit-testing";
import {
  addDoc,
  collection,
  deleteDoc,
  doc,
  getDoc,
  getDocs,
  query,
  serverTimestamp,
  setDoc,
  updateDoc,
  where,
} from "firebase/firestore";
import { afterAll, beforeAll, beforeEach, describe, it } from "vitest";
import { collections, messageReportId, paths } from "../../functions/src/model/index.js";
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

  it.each(PERSONAS)("list the reports alice filed, as %s", async (persona) => {
    const db = firestoreAs(env, persona);
    const mine = query(collection(db, collections.reports), where("reporterId", "==", UID.owner));
    await expectAllowed(getDocs(mine), persona === "owner" || persona === "admin");
  });
});

describe("create: only the report callables file reports", () => {
  it.each(PERSONAS)("file a well-formed report directly as %s", async (persona) => {
    const db = firestoreAs(env, persona);
    const reporter = persona === "anonymous" ? "nobody" : UID[persona];
    await expectAllowed(addDoc(collection(db, collections.reports), filed(reporter)), false);
  });

  it("bob cannot plant a report under the id alice's report of his message will use", async () => {
    const victimsId = messageReportId("conv", "msg", UID.owner);
    await expectAllowed(
      setDoc(doc(firestoreAs(env, "otherMember"), paths.report(victimsId)), filed(UID.otherMember)),
      false,
    );
    await expectAllowed(setDoc(doc(firestoreAs(env, "otherMember"), paths.report(victimsId)), filed(UID.owner)), false);
  });

  it("nobody edits a filed report but an admin closing it", async () => {
    await expectAllowed(updateDoc(doc(firestoreAs(env, "owner"), REPORT), { details: "more" }), false);
    await expectAllowed(updateDoc(doc(firestoreAs(env, "owner"), REPORT), { status: "dismissed" }), false);
  });
});

describe("review: through the moderation callables only", () => {
  const close = (reviewer: string) => ({ status: "actioned", reviewedBy: reviewer, reviewedAt: serverTimestamp() });

  it.each(PERSONAS)("close a report directly as %s", async (persona) => {
    const db = firestoreAs(env, persona);
    await expectAllowed(updateDoc(doc(db, REPORT), close(persona === "anonymous" ? "x" : UID[persona])), false);
  });

  it.each(PERSONAS)("delete a report as %s", async (persona) => {
    await expectAllowed(deleteDoc(doc(firestoreAs(env, persona), REPORT)), false);
  });
});

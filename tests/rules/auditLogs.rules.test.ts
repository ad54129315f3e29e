/**
 * auditLogs/{id}: the record of privileged actions. Admins read it; nobody writes it from a
 * client, admins included, so the log cannot be forged or erased.
 */
import type { RulesTestEnvironment } from "@firebase/rules-unit-testing";
import { collection, deleteDoc, doc, getDoc, getDocs, setDoc, updateDoc } from "firebase/firestore";
import { afterAll, beforeAll, beforeEach, describe, it } from "vitest";
import { collections, paths, type AuditLog } from "../../functions/src/model/index.js";
import {
  daysFromNow,
  expectAllowed,
  firestoreAs,
  firestoreTestEnv,
  PERSONAS,
  seed,
  UID,
  type Persona,
} from "./support.js";

let env: RulesTestEnvironment;
const LOG = paths.auditLog("log-1");

function auditLog(overrides: Partial<AuditLog> = {}): AuditLog {
  return {
    action: "role.set",
    actorUid: UID.admin,
    actorLabel: "ada@numina.test",
    targetUid: UID.owner,
    before: { role: "member" },
    after: { role: "instructor" },
    reason: null,
    reportId: null,
    at: daysFromNow(-1),
    ...overrides,
  };
}

beforeAll(async () => {
  env = await firestoreTestEnv("audit-logs");
});
afterAll(async () => {
  await env.cleanup();
});
beforeEach(async () => {
  await env.clearFirestore();
  await seed(env, { [LOG]: auditLog() });
});

const isAdmin = (persona: Persona) => persona === "admin";

describe("read", () => {
  it.each(PERSONAS)("get a log entry as %s", async (persona) => {
    await expectAllowed(getDoc(doc(firestoreAs(env, persona), LOG)), isAdmin(persona));
  });

  it.each(PERSONAS)("list the log as %s", async (persona) => {
    await expectAllowed(getDocs(collection(firestoreAs(env, persona), collections.auditLogs)), isAdmin(persona));
  });

  // The log names the target member, but it is still admin-only: alice reads no entry about her.
  it("the target of an entry cannot read it", async () => {
    await expectAllowed(getDoc(doc(firestoreAs(env, "owner"), LOG)), false);
  });
});

describe("write", () => {
  it.each(PERSONAS)("create a log entry as %s is denied", async (persona) => {
    await expectAllowed(setDoc(doc(firestoreAs(env, persona), paths.auditLog("forged")), auditLog()), false);
  });

  it.each(PERSONAS)("update a log entry as %s is denied", async (persona) => {
    await expectAllowed(updateDoc(doc(firestoreAs(env, persona), LOG), { after: { role: "member" } }), false);
  });

  it.each(PERSONAS)("delete a log entry as %s is denied", async (persona) => {
    await expectAllowed(deleteDoc(doc(firestoreAs(env, persona), LOG)), false);
  });
});

/**
 * dataExports/{id} (+ parts) and accountDeletions/{uid}: written by the privacy functions only.
 * A member reads their own export, and its parts until they expire; nobody else reads them. A
 * member reads their own deletion (the banner), admins read every one; nobody writes either.
 */
import type { RulesTestEnvironment } from "@firebase/rules-unit-testing";
import { collection, deleteDoc, doc, getDoc, getDocs, query, setDoc, updateDoc, where } from "firebase/firestore";
import { afterAll, beforeAll, beforeEach, describe, it } from "vitest";
import {
  collections,
  paths,
  type AccountDeletion,
  type DataExport,
  type DataExportPart,
} from "../../functions/src/model/index.js";
import {
  daysFromNow,
  expectAllowed,
  firestoreAs,
  firestoreTestEnv,
  PERSONAS,
  seed,
  STALE_TIME,
  UID,
} from "./support.js";

let env: RulesTestEnvironment;
const EXPORT = paths.dataExport("export-1");
const PART = paths.dataExportPart("export-1", "00000");
const EXPIRED_PART = paths.dataExportPart("export-old", "00000");
const DELETION = paths.accountDeletion(UID.owner);

const dataExport = (overrides: Partial<DataExport> = {}): DataExport => ({
  uid: UID.owner,
  status: "ready",
  requestedAt: STALE_TIME,
  readyAt: STALE_TIME,
  expiresAt: daysFromNow(7),
  partCount: 1,
  size: 2,
  counts: {},
  error: null,
  ...overrides,
});
const part = (overrides: Partial<DataExportPart> = {}): DataExportPart => ({
  uid: UID.owner,
  index: 0,
  text: "{}",
  expiresAt: daysFromNow(7),
  ...overrides,
});
const deletion: AccountDeletion = {
  status: "scheduled",
  requestedAt: STALE_TIME,
  requestedBy: UID.owner,
  byAdmin: false,
  deleteAfter: daysFromNow(14),
  startedAt: null,
  deletedAt: null,
  stepsDone: [],
};

beforeAll(async () => {
  env = await firestoreTestEnv("privacy");
});
afterAll(async () => {
  await env.cleanup();
});
beforeEach(async () => {
  await env.clearFirestore();
  await seed(env, {
    [EXPORT]: dataExport(),
    [PART]: part(),
    [paths.dataExport("export-old")]: dataExport({ expiresAt: daysFromNow(-1) }),
    [EXPIRED_PART]: part({ expiresAt: daysFromNow(-1) }),
    [DELETION]: deletion,
  });
});

describe("dataExports/{id}", () => {
  it.each(PERSONAS)("read alice's export as %s", async (persona) => {
    await expectAllowed(getDoc(doc(firestoreAs(env, persona), EXPORT)), persona === "owner");
  });

  it.each(PERSONAS)("list alice's exports as %s", async (persona) => {
    const db = firestoreAs(env, persona);
    const mine = query(collection(db, collections.dataExports), where("uid", "==", UID.owner));
    await expectAllowed(getDocs(mine), persona === "owner");
  });

  it("refuses a list that does not filter on the caller's uid, even to the owner", async () => {
    await expectAllowed(getDocs(collection(firestoreAs(env, "owner"), collections.dataExports)), false);
  });

  it.each(PERSONAS)("get a part of alice's archive as %s", async (persona) => {
    await expectAllowed(getDoc(doc(firestoreAs(env, persona), PART)), persona === "owner");
  });

  it("refuses an expired part, and any listing of parts, to the owner", async () => {
    const db = firestoreAs(env, "owner");
    await expectAllowed(getDoc(doc(db, EXPIRED_PART)), false);
    await expectAllowed(getDocs(collection(db, paths.dataExportParts("export-1"))), false);
  });

  it.each(PERSONAS)("create, mark ready, or delete an export or a part as %s", async (persona) => {
    const db = firestoreAs(env, persona);
    await expectAllowed(setDoc(doc(db, paths.dataExport("forged")), dataExport()), false);
    await expectAllowed(updateDoc(doc(db, EXPORT), { expiresAt: daysFromNow(365) }), false);
    await expectAllowed(setDoc(doc(db, paths.dataExportPart("export-1", "00001")), part({ index: 1 })), false);
    await expectAllowed(updateDoc(doc(db, EXPIRED_PART), { expiresAt: daysFromNow(7) }), false);
    await expectAllowed(deleteDoc(doc(db, EXPORT)), false);
  });
});

describe("accountDeletions/{uid}", () => {
  it.each(PERSONAS)("read alice's deletion as %s", async (persona) => {
    await expectAllowed(getDoc(doc(firestoreAs(env, persona), DELETION)), persona === "owner" || persona === "admin");
  });

  it.each(PERSONAS)("list every deletion as %s", async (persona) => {
    await expectAllowed(
      getDocs(collection(firestoreAs(env, persona), collections.accountDeletions)),
      persona === "admin",
    );
  });

  it.each(PERSONAS)("cancel, postpone or forge a deletion directly as %s", async (persona) => {
    const db = firestoreAs(env, persona);
    await expectAllowed(deleteDoc(doc(db, DELETION)), false);
    await expectAllowed(updateDoc(doc(db, DELETION), { deleteAfter: daysFromNow(1000) }), false);
    await expectAllowed(
      setDoc(doc(db, paths.accountDeletion(UID.otherMember)), { ...deletion, requestedBy: UID.owner }),
      false,
    );
  });
});

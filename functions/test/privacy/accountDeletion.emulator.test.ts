/**
 * The edges of account deletion (privacy/deletionStore.ts) on the emulators: an admin's deletion,
 * a deletion interrupted half-way that finishes on the next run, the recent sign-in it needs, and
 * the member's rights that a suspension does not take away.
 */
import { Timestamp } from "firebase-admin/firestore";
import { describe, expect, it } from "vitest";
import { DomainError } from "../../src/shared/errors.js";
import { paths, type AccountDeletion, type RequestDataExportResponse } from "../../src/model/index.js";
import {
  DELETION_SOURCES,
  requestAccountDeletion,
  runAccountDeletion,
  stepOf,
} from "../../src/privacy/deletionStore.js";
import { admin, createTestUser, signedInClient } from "../support/emulators.js";
import { failingAfterCommits, InjectedFault } from "../support/faults.js";
import { putAction, putMember } from "../support/matchingScenario.js";
import { changeConnection } from "../../src/social/connectionStore.js";

async function memberWithHistory(label: string) {
  const user = await createTestUser({ label });
  const other = await createTestUser({ label: `${label}-other` });
  await Promise.all([putMember(admin.db, user.uid), putMember(admin.db, other.uid)]);
  await putAction(admin.db, user.uid, other.uid, "pass");
  await admin.db.doc(paths.notification(user.uid, "hello")).set({
    type: "role_changed",
    title: "Welcome",
    body: "",
    data: {},
    read: false,
    createdAt: Timestamp.now(),
  });
  return { user, other };
}

/** A deletion the member asked for, its grace period over. */
const scheduleDeletionNow = (uid: string) =>
  admin.db.doc(paths.accountDeletion(uid)).set({
    status: "scheduled",
    requestedAt: Timestamp.now(),
    requestedBy: uid,
    byAdmin: false,
    deleteAfter: Timestamp.now(),
    startedAt: null,
    deletedAt: null,
    stepsDone: [],
  } satisfies AccountDeletion);

const exists = async (path: string) => (await admin.db.doc(path).get()).exists;

describe("an admin's account deletion", () => {
  it("is refused to members, and deletes the account at once for an admin", async () => {
    const { user } = await memberWithHistory("doomed");
    const adminUser = await createTestUser({ role: "admin", label: "admin" });
    const memberUser = await createTestUser({ label: "bystander" });
    const [asAdmin, asMember] = await Promise.all([
      signedInClient(adminUser.email, adminUser.password),
      signedInClient(memberUser.email, memberUser.password),
    ]);
    try {
      await expect(
        asMember.call("adminDeleteAccount", { uid: user.uid, reason: "Spam account" }),
      ).rejects.toMatchObject({ code: "functions/permission-denied" });
      await expect(asAdmin.call("adminDeleteAccount", { uid: user.uid, reason: "" })).rejects.toMatchObject({
        code: "functions/invalid-argument",
      });
      expect(await exists(paths.user(user.uid))).toBe(true);

      expect(await asAdmin.call("adminDeleteAccount", { uid: user.uid, reason: "Spam account" })).toEqual({
        uid: user.uid,
      });
      await expect(admin.auth.getUser(user.uid)).rejects.toMatchObject({ code: "auth/user-not-found" });
      expect(await exists(paths.user(user.uid))).toBe(false);
      expect(await exists(paths.notification(user.uid, "hello"))).toBe(false);
      const record = (await admin.db.doc(paths.accountDeletion(user.uid)).get()).data() as AccountDeletion;
      expect(record).toMatchObject({ status: "deleted", byAdmin: true, requestedBy: adminUser.uid });
      const audit = await admin.db.collection("auditLogs").where("targetUid", "==", user.uid).get();
      expect(audit.docs.map((d) => d.get("action") as string).sort()).toEqual([
        "account.deleted",
        "account.deletion_requested",
      ]);
    } finally {
      await Promise.all([asAdmin.close(), asMember.close()]);
    }
  });
});

describe("a deletion interrupted half-way", () => {
  it("resumes after the steps it finished and completes", async () => {
    const { user, other } = await memberWithHistory("resumed");
    await scheduleDeletionNow(user.uid);

    // The instance dies a few commits in: it has started, and finished some steps but not all.
    const faulty = failingAfterCommits(admin.db, 6);
    await expect(runAccountDeletion(faulty.db, admin.auth, user.uid, Date.now())).rejects.toThrow(InjectedFault);
    const interrupted = (await admin.db.doc(paths.accountDeletion(user.uid)).get()).data() as AccountDeletion;
    expect(interrupted.status).toBe("deleting");
    expect(interrupted.stepsDone.length).toBeGreaterThan(0);
    expect(interrupted.stepsDone.length).toBeLessThan(DELETION_SOURCES.length);

    // The next run resumes it.
    expect(await runAccountDeletion(admin.db, admin.auth, user.uid, Date.now())).toBe("deleted");
    expect(await exists(paths.user(user.uid))).toBe(false);
    expect(await exists(paths.matchAction(user.uid, other.uid))).toBe(false);
    expect(await exists(paths.notification(user.uid, "hello"))).toBe(false);
    expect(await exists(paths.privateSettings(user.uid))).toBe(false);
    await expect(admin.auth.getUser(user.uid)).rejects.toMatchObject({ code: "auth/user-not-found" });
    const done = (await admin.db.doc(paths.accountDeletion(user.uid)).get()).data() as AccountDeletion;
    expect(new Set(done.stepsDone)).toEqual(new Set(["signOut", ...DELETION_SOURCES.map(stepOf), "authUser"]));
    // Running again changes nothing and fails on nothing; the other member is untouched.
    expect(await runAccountDeletion(admin.db, admin.auth, user.uid, Date.now())).toBe("not-due");
    expect(await exists(paths.user(other.uid))).toBe(true);
  });
});

describe("a deleted member's connections", () => {
  it("end on both sides, and the others' counts drop by exactly what they counted", async () => {
    const { user, other } = await memberWithHistory("connected");
    const third = await createTestUser({ label: "connected-third" });
    await putMember(admin.db, third.uid);
    const now = Date.now();
    await changeConnection(admin.db, user.uid, { uid: other.uid, action: "follow" }, now);
    await changeConnection(admin.db, user.uid, { uid: other.uid, action: "request_friend" }, now);
    await changeConnection(admin.db, other.uid, { uid: user.uid, action: "accept_friend" }, now);
    await changeConnection(admin.db, third.uid, { uid: user.uid, action: "follow" }, now);
    await changeConnection(admin.db, third.uid, { uid: other.uid, action: "follow" }, now);
    await scheduleDeletionNow(user.uid);

    expect(await runAccountDeletion(admin.db, admin.auth, user.uid, Date.now())).toBe("deleted");
    expect(await exists(paths.connection(other.uid, user.uid))).toBe(false);
    expect(await exists(paths.connection(third.uid, user.uid))).toBe(false);
    expect(await exists(paths.socialCounts(user.uid))).toBe(false);
    const countsOf = async (uid: string) => (await admin.db.doc(paths.socialCounts(uid)).get()).data();
    expect(await countsOf(other.uid)).toMatchObject({ followers: 1, following: 0, friends: 0 });
    expect(await countsOf(third.uid)).toMatchObject({ followers: 0, following: 1, friends: 0 });
    expect(await exists(paths.connection(third.uid, other.uid))).toBe(true);
  });
});

describe("asking for a deletion", () => {
  it("needs a sign-in from the last few minutes, and writes nothing otherwise", async () => {
    const user = await createTestUser({ label: "stale" });
    const now = Date.now();
    const asked = requestAccountDeletion(admin.db, { uid: user.uid, signedInAtMs: now - 6 * 60_000 }, now);
    await expect(asked).rejects.toBeInstanceOf(DomainError);
    await expect(asked).rejects.toMatchObject({ code: "failed-precondition" });
    expect(await exists(paths.accountDeletion(user.uid))).toBe(false);
  });

  it("refuses a payload with fields it does not take, with the field named", async () => {
    const user = await createTestUser({ label: "payload" });
    const client = await signedInClient(user.email, user.password);
    try {
      await expect(client.call("requestAccountDeletion", { deleteAfterMs: 0 })).rejects.toMatchObject({
        code: "functions/invalid-argument",
      });
      expect(await exists(paths.accountDeletion(user.uid))).toBe(false);
    } finally {
      await client.close();
    }
  });
});

describe("a suspended member", () => {
  it("can still ask for their data", async () => {
    const user = await createTestUser({ label: "suspended" });
    await admin.db.doc(paths.moderation(user.uid)).set({
      standing: "suspended",
      until: Timestamp.fromMillis(Date.now() + 7 * 24 * 60 * 60_000),
      reason: "Spam",
      updatedAt: Timestamp.now(),
    });
    const client = await signedInClient(user.email, user.password);
    try {
      const { exportId } = await client.call<object, RequestDataExportResponse>("requestDataExport", {});
      expect(await exists(paths.dataExport(exportId))).toBe(true);
    } finally {
      await client.close();
    }
  });
});

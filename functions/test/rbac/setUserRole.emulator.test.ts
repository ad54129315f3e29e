import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { collections, FUNCTIONS_REGION, paths, type SetUserRoleResponse } from "../../src/model/index.js";
import {
  admin,
  callError,
  closeAdmin,
  createTestUser,
  signedInClient,
  waitForDoc,
  type TestUser,
} from "../support/emulators.js";

type Client = Awaited<ReturnType<typeof signedInClient>>;
let adminUser: TestUser;
let adminClient: Client;

async function auditEntriesFor(uid: string) {
  const snap = await admin.db.collection(collections.auditLogs).where("targetUid", "==", uid).get();
  return snap.docs.map((d) => d.data());
}

const setUserRole = (client: Client, data: unknown) => client.call<unknown, SetUserRoleResponse>("setUserRole", data);

beforeAll(async () => {
  adminUser = await createTestUser({ label: "admin", role: "admin" });
  adminClient = await signedInClient(adminUser.email, adminUser.password);
});
afterAll(async () => {
  await adminClient.close();
  await closeAdmin();
});

describe("setUserRole", () => {
  it("lets an admin promote a member: claim, profile mirror and audit log all change", async () => {
    const member = await createTestUser({ label: "member" });
    await waitForDoc(paths.user(member.uid), (d) => d);

    const result = await setUserRole(adminClient, { uid: member.uid, role: "instructor" });

    expect(result).toEqual({ uid: member.uid, role: "instructor", previousRole: "member", changed: true });
    expect((await admin.auth.getUser(member.uid)).customClaims?.["role"]).toBe("instructor");
    const profile = (await admin.db.doc(paths.user(member.uid)).get()).data();
    expect(profile?.["role"]).toBe("instructor");
    expect(profile?.["claimsUpdatedAt"]).toBeTruthy();
    const audit = await auditEntriesFor(member.uid);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      action: "role.set",
      actorUid: adminUser.uid,
      targetUid: member.uid,
      before: { role: "member" },
      after: { role: "instructor" },
    });
  });

  it("takes effect in the member's open session once it refreshes its token (no sign-out)", async () => {
    const member = await createTestUser({ label: "live" });
    await waitForDoc(paths.user(member.uid), (d) => d);
    const memberClient = await signedInClient(member.email, member.password);
    try {
      expect((await memberClient.user.getIdTokenResult()).claims["role"]).toBeUndefined();
      await setUserRole(adminClient, { uid: member.uid, role: "instructor" });
      expect((await memberClient.user.getIdTokenResult(true)).claims["role"]).toBe("instructor");
    } finally {
      await memberClient.close();
    }
  });

  it("is harmless to repeat: the same role again changes nothing and logs nothing", async () => {
    const member = await createTestUser({ label: "twice" });
    await waitForDoc(paths.user(member.uid), (d) => d);
    await setUserRole(adminClient, { uid: member.uid, role: "admin" });
    const again = await setUserRole(adminClient, { uid: member.uid, role: "admin" });
    expect(again.changed).toBe(false);
    expect(await auditEntriesFor(member.uid)).toHaveLength(1);
  });

  it("refuses members and instructors with permission-denied, changing nothing", async () => {
    const target = await createTestUser({ label: "target" });
    for (const role of ["member", "instructor"] as const) {
      const caller = await createTestUser({ label: role, role });
      const client = await signedInClient(caller.email, caller.password);
      try {
        const error = await callError(setUserRole(client, { uid: target.uid, role: "admin" }));
        expect(error.code).toBe("functions/permission-denied");
      } finally {
        await client.close();
      }
    }
    // Neither can a member promote themselves.
    const self = await createTestUser({ label: "climber" });
    const selfClient = await signedInClient(self.email, self.password);
    try {
      const error = await callError(setUserRole(selfClient, { uid: self.uid, role: "admin" }));
      expect(error.code).toBe("functions/permission-denied");
    } finally {
      await selfClient.close();
    }
    expect((await admin.auth.getUser(target.uid)).customClaims?.["role"]).toBeUndefined();
    expect((await admin.auth.getUser(self.uid)).customClaims?.["role"]).toBeUndefined();
    expect(await auditEntriesFor(target.uid)).toHaveLength(0);
  });

  it("rejects bad input with invalid-argument naming the field, and writes nothing", async () => {
    const target = await createTestUser({ label: "bad-input" });
    const badRole = await callError(setUserRole(adminClient, { uid: target.uid, role: "superuser" }));
    expect(badRole.code).toBe("functions/invalid-argument");
    expect(badRole.message).toMatch(/^Invalid setUserRole request: role:/);

    const missingUid = await callError(setUserRole(adminClient, { role: "member" }));
    expect(missingUid.code).toBe("functions/invalid-argument");
    expect(missingUid.message).toContain("uid:");

    // A reserved name would address no user document; it is refused as input, not as an internal error.
    const reservedUid = await callError(setUserRole(adminClient, { uid: "__x__", role: "member" }));
    expect(reservedUid.code).toBe("functions/invalid-argument");
    expect(reservedUid.message).toContain("uid:");

    expect((await admin.auth.getUser(target.uid)).customClaims?.["role"]).toBeUndefined();
    expect(await auditEntriesFor(target.uid)).toHaveLength(0);
  });

  it("answers not-found for an unknown user and failed-precondition for an admin's own role", async () => {
    const unknown = await callError(setUserRole(adminClient, { uid: "no-such-user", role: "member" }));
    expect(unknown.code).toBe("functions/not-found");

    const selfDemotion = await callError(setUserRole(adminClient, { uid: adminUser.uid, role: "member" }));
    expect(selfDemotion.code).toBe("functions/failed-precondition");
    expect((await admin.auth.getUser(adminUser.uid)).customClaims?.["role"]).toBe("admin");
  });

  it("requires a signed-in caller", async () => {
    const { initializeApp, deleteApp } = await import("firebase/app");
    const { getFunctions, connectFunctionsEmulator, httpsCallable } = await import("firebase/functions");
    const app = initializeApp({ projectId: process.env.GCLOUD_PROJECT ?? "demo-numina", apiKey: "k" }, "anonymous");
    const functions = getFunctions(app, FUNCTIONS_REGION);
    connectFunctionsEmulator(functions, "127.0.0.1", 5001);
    try {
      const error = await callError(httpsCallable(functions, "setUserRole")({ uid: "x", role: "admin" }));
      expect(error.code).toBe("functions/unauthenticated");
    } finally {
      await deleteApp(app);
    }
  });
});

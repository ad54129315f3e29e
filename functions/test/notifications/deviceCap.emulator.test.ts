/**
 * A member's devices are capped at maxDevicesPerMember: registering one more drops the oldest.
 * The store runs in-process against a Firestore of its own (so config/limits can change without
 * touching other test files); the deployed trigger is checked once at the default cap.
 */
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import type { Firestore } from "firebase-admin/firestore";
import { DEFAULT_MAX_DEVICES_PER_MEMBER, paths } from "../../src/model/index.js";
import { capDevices } from "../../src/notifications/pushStore.js";
import { admin, closeAdmin, isolatedFirestore, waitForDoc } from "../support/emulators.js";
import { uniqueId } from "../support/scenarios.js";

const isolated = isolatedFirestore("demo-numina-device-cap");
afterAll(async () => {
  await isolated.close();
  await closeAdmin();
});

const T0 = Date.UTC(2026, 11, 1, 9, 0);

/** `count` devices, `device-0` the oldest, each registered a minute after the one before. */
async function registerDevices(db: Firestore, uid: string, count: number) {
  const batch = db.batch();
  for (let i = 0; i < count; i += 1) {
    batch.set(db.doc(paths.device(uid, `device-${i}`)), {
      uid,
      token: `token-${uid}-${i}`,
      platform: "web",
      updatedAt: admin.timestamp(T0 + i * 60_000),
    });
  }
  await batch.commit();
}

const deviceIds = async (db: Firestore, uid: string) =>
  (await db.collection(paths.devices(uid)).get()).docs.map((d) => d.id).sort();

describe("capDevices", () => {
  const db = isolated.db;
  beforeEach(async () => {
    await db.doc(paths.limitsConfig()).delete();
  });

  it("keeps the default number of devices, dropping the oldest, and drops nothing more when run again", async () => {
    const uid = `member-${uniqueId()}`;
    await registerDevices(db, uid, DEFAULT_MAX_DEVICES_PER_MEMBER + 1);
    expect(await capDevices(db, uid)).toBe(1);
    const left = await deviceIds(db, uid);
    expect(left).toHaveLength(DEFAULT_MAX_DEVICES_PER_MEMBER);
    expect(left).not.toContain("device-0");
    // A redelivered event finds the member at the cap.
    expect(await capDevices(db, uid)).toBe(0);
    expect(await deviceIds(db, uid)).toEqual(left);
  });

  it("drops nothing at the cap", async () => {
    const uid = `member-${uniqueId()}`;
    await registerDevices(db, uid, DEFAULT_MAX_DEVICES_PER_MEMBER);
    expect(await capDevices(db, uid)).toBe(0);
    expect(await deviceIds(db, uid)).toHaveLength(DEFAULT_MAX_DEVICES_PER_MEMBER);
  });

  it("follows an admin's override in config/limits", async () => {
    await db.doc(paths.limitsConfig()).set({ maxDevicesPerMember: 2 });
    const uid = `member-${uniqueId()}`;
    await registerDevices(db, uid, 3);
    // A device refreshed since it first registered counts as new.
    await db.doc(paths.device(uid, "device-0")).update({ updatedAt: admin.timestamp(T0 + 60 * 60_000) });
    expect(await capDevices(db, uid)).toBe(1);
    expect(await deviceIds(db, uid)).toEqual(["device-0", "device-2"]);
  });
});

describe("the deployed trigger", () => {
  it("drops the oldest device when a member registers one beyond the cap", async () => {
    const uid = `member-${uniqueId()}`;
    await registerDevices(admin.db, uid, DEFAULT_MAX_DEVICES_PER_MEMBER + 1);
    await waitForDoc(paths.device(uid, "device-0"), (d) => (d === undefined ? true : undefined), 20_000);
    const left = await deviceIds(admin.db, uid);
    expect(left).toHaveLength(DEFAULT_MAX_DEVICES_PER_MEMBER);
    expect(left).not.toContain("device-0");
  });
});

/** Scenario builders for class tests: a class in the emulator, and members ready to call functions. */
import { randomUUID } from "node:crypto";
import { notificationSchema, paths, type FitnessClass } from "../../src/model/index.js";
import { testClassDoc } from "./classFixture.js";
import { admin, createTestUser, signedInClient } from "./emulators.js";

export type Client = Awaited<ReturnType<typeof signedInClient>>;

export async function createClass(overrides: Partial<Record<keyof FitnessClass, unknown>> = {}) {
  const classId = `test-class-${randomUUID().slice(0, 8)}`;
  await admin.db.doc(paths.class(classId)).set(testClassDoc(overrides));
  return classId;
}

/** `count` members, each signed in with their own client, created in parallel. */
export async function signedInMembers(count: number, label = "member"): Promise<(Client & { uid: string })[]> {
  return Promise.all(
    Array.from({ length: count }, async () => {
      const user = await createTestUser({ label });
      const client = await signedInClient(user.email, user.password);
      return Object.assign(client, { uid: user.uid });
    }),
  );
}

export async function rosterOf(classId: string) {
  const snap = await admin.db.collection(paths.attendees(classId)).get();
  return new Map<string, Record<string, unknown>>(snap.docs.map((d) => [d.id, d.data()]));
}

export async function classCounts(classId: string) {
  const data = (await admin.db.doc(paths.class(classId)).get()).data() ?? {};
  return { confirmedCount: data["confirmedCount"] as number, waitlistCount: data["waitlistCount"] as number };
}

export async function notificationsOf(uid: string) {
  const snap = await admin.db.collection(paths.notifications(uid)).get();
  return snap.docs.map((d) => ({ id: d.id, ...notificationSchema.parse(d.data()) }));
}

export const uniqueId = () => randomUUID().slice(0, 8);

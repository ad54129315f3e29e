/**
 * The RSVP storm, shared by the load test and the benchmark: N members join a class at once,
 * some confirmed members cancel at once, then some waitlisted members leave at once. Each phase
 * reports what a member would check: who holds a seat, and everyone's place in line.
 */
import type { Firestore } from "firebase-admin/firestore";
import { leave, myRsvp, rsvp } from "../../src/classes/rsvpStore.js";
import { paths } from "../../src/model/index.js";
import { refs } from "../../src/shared/refs.js";
import { testClassDoc } from "./classFixture.js";

export async function seedClass(db: Firestore, classId: string, capacity: number) {
  await db.doc(paths.class(classId)).set(testClassDoc({ capacity }));
}

export interface Timed<T> {
  result: T;
  ms: number;
}

async function timed<T>(fn: () => Promise<T>): Promise<Timed<T>> {
  const start = performance.now();
  const result = await fn();
  return { result, ms: performance.now() - start };
}

export async function joinAll(db: Firestore, classId: string, uids: readonly string[]) {
  return Promise.all(uids.map((uid) => timed(() => rsvp(db, classId, uid, Date.now()))));
}

export async function leaveAll(db: Firestore, classId: string, uids: readonly string[]) {
  return Promise.all(uids.map((uid) => timed(() => leave(db, classId, uid, Date.now()))));
}

/** Everyone's state as they would see it, in arrival order. */
export async function lineOf(db: Firestore, classId: string) {
  const rows = await refs(db).attendees(classId).orderBy("ticket").get();
  const states = await Promise.all(rows.docs.map(async (d) => ({ uid: d.id, ...(await myRsvp(db, classId, d.id)) })));
  const cls = (await refs(db).class(classId).get()).data();
  return {
    states,
    confirmed: states.filter((s) => s.status === "confirmed").map((s) => s.uid),
    waitlist: states
      .filter((s) => s.status === "waitlisted")
      .sort((a, b) => (a.waitlistPosition ?? 0) - (b.waitlistPosition ?? 0)),
    confirmedCount: cls?.confirmedCount,
    waitlistCount: cls?.waitlistCount,
  };
}

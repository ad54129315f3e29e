/**
 * users/{uid}/attendance/{classId}: a member's attendance history, written by functions at
 * check-in. The owner reads it; nobody else reads it and nobody writes it (a member must not
 * award themselves attendance, e.g. to extend a streak).
 */
import type { RulesTestEnvironment } from "@firebase/rules-unit-testing";
import { collection, deleteDoc, doc, getDoc, getDocs, setDoc, updateDoc } from "firebase/firestore";
import { afterAll, beforeAll, beforeEach, describe, it } from "vitest";
import { paths, type AttendanceRecord } from "../../functions/src/model/index.js";
import { daysFromNow, expectAllowed, firestoreAs, firestoreTestEnv, PERSONAS, seed, UID } from "./support.js";

let env: RulesTestEnvironment;
const RECORD = paths.attendanceRecord(UID.owner, "yoga-1");

function attendanceRecord(overrides: Partial<AttendanceRecord> = {}): AttendanceRecord {
  return {
    classId: "yoga-1",
    classTitle: "Sunrise yoga in the park",
    classStartsAt: daysFromNow(-2),
    status: "no_show",
    markedAt: daysFromNow(-2),
    ...overrides,
  };
}

beforeAll(async () => {
  env = await firestoreTestEnv("attendance");
});
afterAll(async () => {
  await env.cleanup();
});
beforeEach(async () => {
  await env.clearFirestore();
  await seed(env, { [RECORD]: attendanceRecord() });
});

describe("read", () => {
  it.each(PERSONAS)("get alice's attendance record as %s", async (persona) => {
    await expectAllowed(getDoc(doc(firestoreAs(env, persona), RECORD)), persona === "owner");
  });

  it.each(PERSONAS)("list alice's attendance as %s", async (persona) => {
    await expectAllowed(
      getDocs(collection(firestoreAs(env, persona), paths.attendance(UID.owner))),
      persona === "owner",
    );
  });
});

describe("write", () => {
  it.each(PERSONAS)("creating an attendance record for alice as %s is denied", async (persona) => {
    const path = paths.attendanceRecord(UID.owner, "box-1");
    await expectAllowed(setDoc(doc(firestoreAs(env, persona), path), attendanceRecord({ classId: "box-1" })), false);
  });

  // The owner turning a no-show into attendance is the attack that matters.
  it.each(PERSONAS)("updating alice's record to attended as %s is denied", async (persona) => {
    await expectAllowed(updateDoc(doc(firestoreAs(env, persona), RECORD), { status: "attended" }), false);
  });

  it.each(PERSONAS)("deleting alice's record as %s is denied", async (persona) => {
    await expectAllowed(deleteDoc(doc(firestoreAs(env, persona), RECORD)), false);
  });
});

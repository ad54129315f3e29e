/**
 * classes/{classId}: signed-in users read; instructors create classes they teach and edit
 * them; admins create, edit and delete any class; members never write. Counts and createdAt are
 * server-owned (the RSVP functions keep them).
 */
import type { RulesTestEnvironment } from "@firebase/rules-unit-testing";
import {
  collection,
  deleteDoc,
  deleteField,
  doc,
  getDoc,
  getDocs,
  serverTimestamp,
  setDoc,
  updateDoc,
  type DocumentData,
  type Firestore,
} from "firebase/firestore";
import { afterAll, beforeAll, beforeEach, describe, it } from "vitest";
import { collections, INTERESTS, paths } from "../../functions/src/model/index.js";
import {
  classCreate,
  daysFromNow,
  expectAllowed,
  firestoreAs,
  firestoreForUser,
  firestoreTestEnv,
  fitnessClass,
  PERSONAS,
  seed,
  withoutField,
  STALE_TIME,
  UID,
  type Persona,
} from "./support.js";

let env: RulesTestEnvironment;

/** A second instructor, who must not touch ivy's classes. */
const OTHER_INSTRUCTOR = "ian";
/** ivy's class, with seats already taken. */
const YOGA = paths.class("yoga-1");
/** A class still naming alice as its instructor, though she is (now) a member. */
const ALICES_OLD_CLASS = paths.class("alice-old");
const NEW_CLASS = paths.class("new-class");

beforeAll(async () => {
  env = await firestoreTestEnv("classes");
});
afterAll(async () => {
  await env.cleanup();
});
beforeEach(async () => {
  await env.clearFirestore();
  await seed(env, {
    // With every server-owned field a busy class carries, so edits must leave them alone.
    [YOGA]: fitnessClass(UID.instructor, {
      confirmedCount: 5,
      waitlistCount: 2,
      ticketsIssued: 9,
      seriesId: null,
      remindersSent: ["24h"],
      recurrence: { weeks: 4 },
    }),
    [paths.class("box-1")]: fitnessClass(OTHER_INSTRUCTOR, { title: "Boxing basics", tags: ["boxing"] }),
    [ALICES_OLD_CLASS]: fitnessClass(UID.owner),
  });
});

function instructorDb(): Firestore {
  return firestoreAs(env, "instructor");
}

describe("read", () => {
  const signedIn = (persona: Persona) => persona !== "anonymous";

  it.each(PERSONAS)("get a class as %s", async (persona) => {
    await expectAllowed(getDoc(doc(firestoreAs(env, persona), YOGA)), signedIn(persona));
  });

  it.each(PERSONAS)("list classes as %s", async (persona) => {
    await expectAllowed(getDocs(collection(firestoreAs(env, persona), collections.classes)), signedIn(persona));
  });
});

describe("create", () => {
  // Each persona creates a class naming themselves (anonymous names alice) as the instructor.
  const canCreate: Readonly<Record<Persona, boolean>> = {
    anonymous: false,
    owner: false,
    otherMember: false,
    instructor: true,
    admin: true,
  };
  it.each(PERSONAS)("create a class they teach as %s", async (persona) => {
    const instructorId = persona === "anonymous" ? UID.owner : UID[persona];
    await expectAllowed(
      setDoc(doc(firestoreAs(env, persona), NEW_CLASS), classCreate(instructorId)),
      canCreate[persona],
    );
  });

  it("an admin creates a class for an instructor", async () => {
    await expectAllowed(setDoc(doc(firestoreAs(env, "admin"), NEW_CLASS), classCreate(UID.instructor)), true);
  });

  it("an instructor cannot forge another instructorId", async () => {
    await expectAllowed(setDoc(doc(instructorDb(), NEW_CLASS), classCreate(OTHER_INSTRUCTOR)), false);
  });

  it("a member cannot create a class even when naming an instructor", async () => {
    await expectAllowed(setDoc(doc(firestoreAs(env, "owner"), NEW_CLASS), classCreate(UID.instructor)), false);
  });

  it("accepts the limits: 120-char title, 2000-char description, 10 tags, 10..480 min, capacity 500", async () => {
    const data = classCreate(UID.instructor, {
      title: "t".repeat(120),
      description: "d".repeat(2000),
      tags: INTERESTS.slice(0, 10),
      durationMinutes: 480,
      capacity: 500,
    });
    await expectAllowed(setDoc(doc(instructorDb(), NEW_CLASS), data), true);
  });

  // Each value alone on an otherwise valid create by ivy for herself.
  const invalid: ReadonlyArray<[string, DocumentData]> = [
    ["confirmedCount 1 (forged seats)", { confirmedCount: 1 }],
    ["waitlistCount 3", { waitlistCount: 3 }],
    ["ticketsIssued set (jump the line's numbering)", { ticketsIssued: 0 }],
    ["createdAt in the past", { createdAt: STALE_TIME }],
    ["updatedAt in the past", { updatedAt: STALE_TIME }],
    ["startsAt in the past", { startsAt: daysFromNow(-1) }],
    ["startsAt not a timestamp", { startsAt: "next tuesday" }],
    ["status cancelled", { status: "cancelled" }],
    ["an unknown status", { status: "draft" }],
    ["an empty title", { title: "" }],
    ["a whitespace title", { title: "   " }],
    ["a 121-char title", { title: "t".repeat(121) }],
    ["a 2001-char description", { description: "d".repeat(2001) }],
    ["a tag outside the catalog", { tags: ["yoga", "parkour"] }],
    ["11 tags", { tags: INTERESTS.slice(0, 11) }],
    ["a level outside the catalog", { level: "expert" }],
    ["a city outside the catalog", { city: "paris" }],
    ["durationMinutes 9", { durationMinutes: 9 }],
    ["durationMinutes 481", { durationMinutes: 481 }],
    ["durationMinutes 45.5", { durationMinutes: 45.5 }],
    ["capacity 0", { capacity: 0 }],
    ["capacity 501", { capacity: 501 }],
    ["capacity as a string", { capacity: "20" }],
    ["a location latitude of 91", { location: { ...classCreate(UID.instructor).location, lat: 91 } }],
    ["a location with an empty name", { location: { ...classCreate(UID.instructor).location, name: "" } }],
    [
      "a location geohash of 13 chars",
      { location: { ...classCreate(UID.instructor).location, geohash: "gcpvj0duq5abc" } },
    ],
    ["a location with an extra key", { location: { ...classCreate(UID.instructor).location, notes: "gate B" } }],
    ["a location without an address", { location: { name: "Park", lat: 51.5, lng: -0.1, geohash: "gcpvh" } }],
    ["a role field", { role: "admin" }],
    ["an unknown field", { featured: true }],
  ];
  it.each(invalid)("a create with %s is denied", async (_label, change) => {
    await expectAllowed(setDoc(doc(instructorDb(), NEW_CLASS), { ...classCreate(UID.instructor), ...change }), false);
  });

  it.each([null, { weeks: 1 }, { weeks: 12 }])("a create with recurrence %j succeeds", async (recurrence) => {
    await expectAllowed(setDoc(doc(instructorDb(), NEW_CLASS), classCreate(UID.instructor, { recurrence })), true);
  });

  const invalidRecurrence: ReadonlyArray<[string, unknown]> = [
    ["weeks 0", { weeks: 0 }],
    ["weeks 13", { weeks: 13 }],
    ["weeks 1.5", { weeks: 1.5 }],
    ["an extra key", { weeks: 2, days: ["mon"] }],
    ["a number instead of a map", 4],
  ];
  it.each(invalidRecurrence)("a create with a recurrence of %s is denied", async (_label, recurrence) => {
    const data = { ...classCreate(UID.instructor), recurrence };
    await expectAllowed(setDoc(doc(instructorDb(), NEW_CLASS), data), false);
  });

  // Server-owned fields a client could use to skip reminders or pose as part of a series.
  const serverOwned: ReadonlyArray<[string, DocumentData]> = [
    ["seriesId", { seriesId: "yoga-1" }],
    ["seriesId null", { seriesId: null }],
    ["remindersSent", { remindersSent: ["24h", "1h"] }],
  ];
  it.each(serverOwned)("a create with the server-owned %s is denied", async (_label, change) => {
    await expectAllowed(setDoc(doc(instructorDb(), NEW_CLASS), { ...classCreate(UID.instructor), ...change }), false);
  });

  it("a create missing a field is denied", async () => {
    const data = withoutField(classCreate(UID.instructor), "description");
    await expectAllowed(setDoc(doc(instructorDb(), NEW_CLASS), data), false);
  });
});

describe("update", () => {
  const canEditIvysClass: Readonly<Record<Persona, boolean>> = {
    anonymous: false,
    owner: false,
    otherMember: false,
    instructor: true,
    admin: true,
  };
  it.each(PERSONAS)("edit the title of ivy's class as %s", async (persona) => {
    const change = { title: "Sunset yoga", updatedAt: serverTimestamp() };
    await expectAllowed(updateDoc(doc(firestoreAs(env, persona), YOGA), change), canEditIvysClass[persona]);
  });

  it("another instructor cannot edit ivy's class", async () => {
    const db = firestoreForUser(env, OTHER_INSTRUCTOR, { role: "instructor" });
    await expectAllowed(updateDoc(doc(db, YOGA), { title: "Mine now", updatedAt: serverTimestamp() }), false);
  });

  it("a member named as instructorId (e.g. a demoted instructor) cannot edit the class", async () => {
    const change = { title: "Still mine?", updatedAt: serverTimestamp() };
    await expectAllowed(updateDoc(doc(firestoreAs(env, "owner"), ALICES_OLD_CLASS), change), false);
  });

  it("the instructor edits every editable field at once", async () => {
    const change = {
      title: "Evening flow",
      description: "Moved indoors.",
      tags: ["yoga"],
      level: "intermediate",
      city: "berlin",
      startsAt: daysFromNow(14),
      durationMinutes: 90,
      location: { name: "Studio 3", address: "Alexanderplatz 1", lat: 52.52, lng: 13.41, geohash: "u33dc0" },
      capacity: 25,
      status: "scheduled",
      updatedAt: serverTimestamp(),
    };
    await expectAllowed(updateDoc(doc(instructorDb(), YOGA), change), true);
  });

  it("the instructor cancels their class", async () => {
    await expectAllowed(
      updateDoc(doc(instructorDb(), YOGA), { status: "cancelled", updatedAt: serverTimestamp() }),
      true,
    );
  });

  it("an admin hands the class to another instructor", async () => {
    const change = { instructorId: OTHER_INSTRUCTOR, updatedAt: serverTimestamp() };
    await expectAllowed(updateDoc(doc(firestoreAs(env, "admin"), YOGA), change), true);
  });

  it("the instructor cannot hand the class to someone else", async () => {
    const change = { instructorId: OTHER_INSTRUCTOR, updatedAt: serverTimestamp() };
    await expectAllowed(updateDoc(doc(instructorDb(), YOGA), change), false);
  });

  it("capacity may drop to the confirmed seats but not below", async () => {
    await expectAllowed(updateDoc(doc(instructorDb(), YOGA), { capacity: 5, updatedAt: serverTimestamp() }), true);
    await expectAllowed(updateDoc(doc(instructorDb(), YOGA), { capacity: 4, updatedAt: serverTimestamp() }), false);
  });

  it("a class that has started can still be edited without moving its start", async () => {
    await seed(env, { [YOGA]: fitnessClass(UID.instructor, { startsAt: daysFromNow(-1) }) });
    await expectAllowed(
      updateDoc(doc(instructorDb(), YOGA), { description: "Notes", updatedAt: serverTimestamp() }),
      true,
    );
  });

  // Server-owned fields and invalid values: denied for the instructor and for an admin alike.
  const denied: ReadonlyArray<[string, DocumentData]> = [
    ["confirmedCount edited", { confirmedCount: 0 }],
    ["waitlistCount edited", { waitlistCount: 0 }],
    ["confirmedCount removed", { confirmedCount: deleteField() }],
    ["ticketsIssued rewound (reissue tickets already held)", { ticketsIssued: 0 }],
    ["remindersSent edited (suppress reminders)", { remindersSent: ["24h", "1h"] }],
    ["remindersSent removed (resend reminders)", { remindersSent: deleteField() }],
    ["seriesId edited", { seriesId: "other-class" }],
    ["recurrence changed (it only acts at creation)", { recurrence: { weeks: 8 } }],
    ["recurrence removed", { recurrence: deleteField() }],
    ["createdAt rewritten", { createdAt: serverTimestamp() }],
    ["a role field added", { role: "admin" }],
    ["an unknown field added", { featured: true }],
    ["startsAt moved into the past", { startsAt: daysFromNow(-1) }],
    ["an unknown status", { status: "postponed" }],
    ["a tag outside the catalog", { tags: ["parkour"] }],
    ["capacity 501", { capacity: 501 }],
    ["durationMinutes 5", { durationMinutes: 5 }],
    ["an empty title", { title: "" }],
    ["a city outside the catalog", { city: "paris" }],
    ["an editable field removed", { description: deleteField() }],
  ];
  describe.each(["instructor", "admin"] as const)("as %s", (persona) => {
    it.each(denied)("denied: %s", async (_label, change) => {
      await expectAllowed(
        updateDoc(doc(firestoreAs(env, persona), YOGA), { ...change, updatedAt: serverTimestamp() }),
        false,
      );
    });

    it("updatedAt must be request.time", async () => {
      await expectAllowed(
        updateDoc(doc(firestoreAs(env, persona), YOGA), { title: "x", updatedAt: STALE_TIME }),
        false,
      );
    });

    it("updatedAt is required", async () => {
      await expectAllowed(updateDoc(doc(firestoreAs(env, persona), YOGA), { title: "x" }), false);
    });
  });
});

describe("delete", () => {
  it.each(PERSONAS)("delete ivy's class as %s", async (persona) => {
    await expectAllowed(deleteDoc(doc(firestoreAs(env, persona), YOGA)), persona === "admin");
  });
});

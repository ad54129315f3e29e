/**
 * classes/{classId}/attendees/{uid}: RSVPs and the waitlist. A member reads their own row; the
 * class's instructor and admins read the roster; nobody writes from a client (seats are
 * allocated by functions, so a member cannot grant themselves one).
 */
import type { RulesTestEnvironment } from "@firebase/rules-unit-testing";
import {
  collection,
  collectionGroup,
  deleteDoc,
  doc,
  getDoc,
  getDocs,
  query,
  setDoc,
  updateDoc,
  where,
} from "firebase/firestore";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { collections, paths } from "../../functions/src/model/index.js";
import {
  attendeeRow,
  expectAllowed,
  firestoreAs,
  firestoreForUser,
  firestoreTestEnv,
  fitnessClass,
  PERSONAS,
  seed,
  UID,
  type Persona,
  type SignedInPersona,
} from "./support.js";

let env: RulesTestEnvironment;

/** ivy (the instructor persona) teaches yoga-1; ian teaches box-1. */
const OTHER_INSTRUCTOR = "ian";
const YOGA_ID = "yoga-1";
const YOGA = paths.class(YOGA_ID);
const ROSTER = paths.attendees(YOGA_ID);
const ALICE_RSVP = paths.attendee(YOGA_ID, UID.owner);
const BOB_RSVP = paths.attendee(YOGA_ID, UID.otherMember);
/** A class that still names alice as instructor though she is a member (a demoted instructor). */
const ALICES_OLD_CLASS_ID = "alice-old";
const ALICES_OLD_CLASS = paths.class(ALICES_OLD_CLASS_ID);

beforeAll(async () => {
  env = await firestoreTestEnv("attendees");
});
afterAll(async () => {
  await env.cleanup();
});
beforeEach(async () => {
  await env.clearFirestore();
  await seed(env, {
    [YOGA]: fitnessClass(UID.instructor, { confirmedCount: 1, waitlistCount: 1 }),
    [paths.class("box-1")]: fitnessClass(OTHER_INSTRUCTOR),
    [paths.class("box-2")]: fitnessClass(OTHER_INSTRUCTOR),
    [ALICES_OLD_CLASS]: fitnessClass(UID.owner),
    [ALICE_RSVP]: attendeeRow(YOGA_ID, UID.owner),
    [BOB_RSVP]: attendeeRow(YOGA_ID, UID.otherMember, { status: "waitlisted" }),
    [paths.attendee(ALICES_OLD_CLASS_ID, UID.otherMember)]: attendeeRow(ALICES_OLD_CLASS_ID, UID.otherMember),
    // Alice also attends a class of ian's: "my schedule" spans classes.
    [paths.attendee("box-1", UID.owner)]: attendeeRow("box-1", UID.owner),
  });
});

describe("read", () => {
  // Alice's own row: she, ivy (the class's instructor) and admins may read it.
  const canReadAlicesRsvp: Readonly<Record<Persona, boolean>> = {
    anonymous: false,
    owner: true,
    otherMember: false,
    instructor: true,
    admin: true,
  };
  it.each(PERSONAS)("get alice's RSVP as %s", async (persona) => {
    await expectAllowed(getDoc(doc(firestoreAs(env, persona), ALICE_RSVP)), canReadAlicesRsvp[persona]);
  });

  it("alice cannot read bob's RSVP", async () => {
    await expectAllowed(getDoc(doc(firestoreAs(env, "owner"), BOB_RSVP)), false);
  });

  it("an instructor of another class cannot read the RSVP", async () => {
    const db = firestoreForUser(env, OTHER_INSTRUCTOR, { role: "instructor" });
    await expectAllowed(getDoc(doc(db, ALICE_RSVP)), false);
  });

  const canListRoster: Readonly<Record<Persona, boolean>> = {
    anonymous: false,
    owner: false,
    otherMember: false,
    instructor: true,
    admin: true,
  };
  it.each(PERSONAS)("list the roster as %s", async (persona) => {
    await expectAllowed(getDocs(collection(firestoreAs(env, persona), ROSTER)), canListRoster[persona]);
  });

  it("an instructor of another class cannot list the roster", async () => {
    const db = firestoreForUser(env, OTHER_INSTRUCTOR, { role: "instructor" });
    await expectAllowed(getDocs(collection(db, ROSTER)), false);
  });

  it("a member still named as a class's instructor cannot list its roster", async () => {
    await expectAllowed(getDocs(collection(firestoreAs(env, "owner"), paths.attendees(ALICES_OLD_CLASS_ID))), false);
  });
});

describe("my schedule (collection-group query on uid)", () => {
  function mySchedule(persona: SignedInPersona, uid: string) {
    const db = firestoreAs(env, persona);
    return getDocs(query(collectionGroup(db, collections.attendees), where("uid", "==", uid)));
  }

  it("alice lists her own rows across classes", async () => {
    const result = await mySchedule("owner", UID.owner);
    expect(result.docs.map((d) => d.ref.path).sort()).toEqual([paths.attendee("box-1", UID.owner), ALICE_RSVP]);
  });

  it("alice cannot list bob's rows", async () => {
    await expectAllowed(mySchedule("owner", UID.otherMember), false);
  });

  it("an unfiltered collection-group query is denied, even for the instructor", async () => {
    await expectAllowed(getDocs(collectionGroup(firestoreAs(env, "instructor"), collections.attendees)), false);
  });

  it("alice can filter her own class's roster down to her own row", async () => {
    const db = firestoreAs(env, "owner");
    await expectAllowed(getDocs(query(collection(db, ROSTER), where("uid", "==", UID.owner))), true);
  });

  it("an anonymous visitor cannot list a schedule", async () => {
    const db = firestoreAs(env, "anonymous");
    const q = query(collectionGroup(db, collections.attendees), where("uid", "==", UID.owner));
    await expectAllowed(getDocs(q), false);
  });
});

describe("write", () => {
  // RSVPs go through functions: no client writes a row, not even their own, not even an admin.
  // Each persona writes their own row on a class with free seats (a self-RSVP past the functions).
  it.each(PERSONAS)("create their own RSVP row as %s is denied", async (persona) => {
    const uid = persona === "anonymous" ? "newcomer" : UID[persona];
    const path = paths.attendee("box-2", uid);
    await expectAllowed(setDoc(doc(firestoreAs(env, persona), path), attendeeRow("box-2", uid)), false);
  });

  // otherMember is bob himself: promoting oneself is the attack that matters most.
  it.each(PERSONAS)("promote bob from the waitlist as %s is denied", async (persona) => {
    await expectAllowed(updateDoc(doc(firestoreAs(env, persona), BOB_RSVP), { status: "confirmed" }), false);
  });

  it.each(PERSONAS)("delete alice's RSVP as %s is denied", async (persona) => {
    await expectAllowed(deleteDoc(doc(firestoreAs(env, persona), ALICE_RSVP)), false);
  });
});

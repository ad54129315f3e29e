/**
 * classes/{classId}/reviews/{uid}, their reports, and ratingSummaries/{id}. Reviews are written
 * only by the review callables, which check that the author attended, that the class has ended,
 * the review and edit windows and the text; so no client, not even an attendee or an admin,
 * writes a review, a status, a reply or an aggregate. Published reviews are public to members in
 * good standing; a held or hidden one only to its author and admins.
 */
import type { RulesTestEnvironment } from "@firebase/rules-unit-testing";
import {
  collection,
  collectionGroup,
  deleteDoc,
  doc,
  getDoc,
  getDocs,
  orderBy,
  query,
  serverTimestamp,
  setDoc,
  updateDoc,
  where,
} from "firebase/firestore";
import { afterAll, beforeAll, beforeEach, describe, it } from "vitest";
import {
  collections,
  paths,
  ratingSummaryId,
  type ClassReview,
  type Moderation,
  type RatingSummary,
} from "../../functions/src/model/index.js";
import {
  attendeeRow,
  daysFromNow,
  expectAllowed,
  firestoreAs,
  firestoreTestEnv,
  fitnessClass,
  PERSONAS,
  seed,
  STALE_TIME,
  UID,
  type Persona,
} from "./support.js";

let env: RulesTestEnvironment;

const CLASS_ID = "yoga-past";
/** alice (owner) wrote a published review; bob (otherMember) wrote one the content check held. */
const ALICES_REVIEW = paths.review(CLASS_ID, UID.owner);
const BOBS_REVIEW = paths.review(CLASS_ID, UID.otherMember);
const CLASS_SUMMARY = paths.ratingSummary(ratingSummaryId("class", CLASS_ID));

function review(uid: string, overrides: Partial<ClassReview> = {}): ClassReview {
  return {
    uid,
    classId: CLASS_ID,
    instructorId: UID.instructor,
    seriesId: CLASS_ID,
    classTitle: "Sunrise yoga in the park",
    classStartsAt: daysFromNow(-2),
    authorName: "Alice Runner",
    rating: 5,
    text: "Lovely flow",
    status: "published",
    flags: [],
    reply: null,
    reportCount: 0,
    needsModeration: false,
    createdAt: daysFromNow(-1),
    updatedAt: daysFromNow(-1),
    editableUntil: daysFromNow(6),
    ...overrides,
  };
}

const summary = (overrides: Partial<RatingSummary> = {}): RatingSummary => ({
  subject: "class",
  subjectId: CLASS_ID,
  count: 1,
  sum: 5,
  histogram: [0, 0, 0, 0, 1],
  updatedAt: STALE_TIME,
  ...overrides,
});

const suspended: Moderation = {
  standing: "suspended",
  until: daysFromNow(7),
  reason: "Harassment",
  updatedAt: STALE_TIME,
};

beforeAll(async () => {
  env = await firestoreTestEnv("reviews");
});
afterAll(async () => {
  await env.cleanup();
});
beforeEach(async () => {
  await env.clearFirestore();
  await seed(env, {
    [paths.class(CLASS_ID)]: fitnessClass(UID.instructor, { startsAt: daysFromNow(-2) }),
    // Both were there: being an attendee still gives no client write.
    [paths.attendee(CLASS_ID, UID.owner)]: attendeeRow(CLASS_ID, UID.owner, { status: "attended" }),
    [paths.attendee(CLASS_ID, UID.otherMember)]: attendeeRow(CLASS_ID, UID.otherMember, { status: "attended" }),
    [ALICES_REVIEW]: review(UID.owner),
    [BOBS_REVIEW]: review(UID.otherMember, {
      authorName: "Bob",
      rating: 1,
      text: "Call me on 07700 900123",
      status: "held",
      flags: ["phone"],
      needsModeration: true,
    }),
    [paths.reviewReport(CLASS_ID, UID.owner, UID.otherMember)]: {
      reporterId: UID.otherMember,
      reason: "spam",
      details: "",
      createdAt: STALE_TIME,
    },
    [CLASS_SUMMARY]: summary(),
  });
});

describe("read a review", () => {
  const canReadPublished: Readonly<Record<Persona, boolean>> = {
    anonymous: false,
    owner: true,
    otherMember: true,
    instructor: true,
    admin: true,
  };
  it.each(PERSONAS)("get alice's published review as %s", async (persona) => {
    await expectAllowed(getDoc(doc(firestoreAs(env, persona), ALICES_REVIEW)), canReadPublished[persona]);
  });

  // A held review waits for a moderator: its author sees it (with why), nobody else but admins.
  const canReadHeld: Readonly<Record<Persona, boolean>> = {
    anonymous: false,
    owner: false,
    otherMember: true,
    instructor: false,
    admin: true,
  };
  it.each(PERSONAS)("get bob's held review as %s", async (persona) => {
    await expectAllowed(getDoc(doc(firestoreAs(env, persona), BOBS_REVIEW)), canReadHeld[persona]);
  });

  it("a suspended member cannot read reviews, even their own", async () => {
    await seed(env, { [paths.moderation(UID.owner)]: suspended });
    await expectAllowed(getDoc(doc(firestoreAs(env, "owner"), ALICES_REVIEW)), false);
  });
});

describe("list reviews", () => {
  const published = (persona: Persona) =>
    getDocs(
      query(
        collection(firestoreAs(env, persona), paths.reviews(CLASS_ID)),
        where("status", "==", "published"),
        orderBy("createdAt", "desc"),
      ),
    );
  const canListPublished: Readonly<Record<Persona, boolean>> = {
    anonymous: false,
    owner: true,
    otherMember: true,
    instructor: true,
    admin: true,
  };
  it.each(PERSONAS)("list a class's published reviews as %s", async (persona) => {
    await expectAllowed(published(persona), canListPublished[persona]);
  });

  // Rules are not filters: a list that could return a held review is refused outright.
  it.each(["owner", "otherMember", "instructor"] as const)(
    "list every review of a class as %s is denied",
    async (p) => {
      await expectAllowed(getDocs(collection(firestoreAs(env, p), paths.reviews(CLASS_ID))), false);
    },
  );

  it("an instructor lists their published reviews across classes", async () => {
    const db = firestoreAs(env, "otherMember");
    const mine = query(
      collectionGroup(db, collections.reviews),
      where("instructorId", "==", UID.instructor),
      where("status", "==", "published"),
    );
    await expectAllowed(getDocs(mine), true);
  });

  const canListQueue: Readonly<Record<Persona, boolean>> = {
    anonymous: false,
    owner: false,
    otherMember: false,
    instructor: false,
    admin: true,
  };
  it.each(PERSONAS)("list the moderation queue as %s", async (persona) => {
    const queue = query(
      collectionGroup(firestoreAs(env, persona), collections.reviews),
      where("needsModeration", "==", true),
      orderBy("updatedAt"),
    );
    await expectAllowed(getDocs(queue), canListQueue[persona]);
  });
});

describe("write a review: nobody, from a client", () => {
  it.each(PERSONAS)("an attendee's own first review, created directly as %s, is denied", async (persona) => {
    const db = firestoreAs(env, persona);
    const uid = persona === "anonymous" ? "newcomer" : UID[persona];
    await seed(env, { [paths.attendee(CLASS_ID, uid)]: attendeeRow(CLASS_ID, uid, { status: "attended" }) });
    await deleteAsAdmin(paths.review(CLASS_ID, uid));
    await expectAllowed(setDoc(doc(db, paths.review(CLASS_ID, uid)), review(uid)), false);
  });

  it.each(PERSONAS)("changing the rating of alice's review as %s is denied", async (persona) => {
    await expectAllowed(updateDoc(doc(firestoreAs(env, persona), ALICES_REVIEW), { rating: 1 }), false);
  });

  it("bob cannot publish his own held review", async () => {
    const db = firestoreAs(env, "otherMember");
    await expectAllowed(updateDoc(doc(db, BOBS_REVIEW), { status: "published", flags: [] }), false);
  });

  it("bob cannot write a review under another member's id", async () => {
    const db = firestoreAs(env, "otherMember");
    await expectAllowed(setDoc(doc(db, paths.review(CLASS_ID, "carol")), review("carol")), false);
  });

  it("the instructor cannot reply by writing the review", async () => {
    const db = firestoreAs(env, "instructor");
    const reply = { text: "Thanks!", at: serverTimestamp() };
    await expectAllowed(updateDoc(doc(db, ALICES_REVIEW), { reply }), false);
  });

  it.each(PERSONAS)("deleting alice's review as %s is denied", async (persona) => {
    await expectAllowed(deleteDoc(doc(firestoreAs(env, persona), ALICES_REVIEW)), false);
  });
});

describe("review reports: functions only", () => {
  const REPORT = paths.reviewReport(CLASS_ID, UID.owner, UID.otherMember);
  it.each(PERSONAS)("read bob's report of alice's review as %s is denied", async (persona) => {
    await expectAllowed(getDoc(doc(firestoreAs(env, persona), REPORT)), false);
  });

  it.each(PERSONAS)("file a report directly as %s is denied", async (persona) => {
    const reporter = persona === "anonymous" ? "newcomer" : UID[persona];
    const path = paths.reviewReport(CLASS_ID, UID.owner, reporter);
    const report = { reporterId: reporter, reason: "spam", details: "", createdAt: serverTimestamp() };
    await expectAllowed(setDoc(doc(firestoreAs(env, persona), path), report), false);
  });
});

describe("rating summaries", () => {
  const canRead: Readonly<Record<Persona, boolean>> = {
    anonymous: false,
    owner: true,
    otherMember: true,
    instructor: true,
    admin: true,
  };
  it.each(PERSONAS)("read a class's summary as %s", async (persona) => {
    await expectAllowed(getDoc(doc(firestoreAs(env, persona), CLASS_SUMMARY)), canRead[persona]);
  });

  // The instructor is the one with a motive to raise their own average.
  it.each(PERSONAS)("raise a summary as %s is denied", async (persona) => {
    const db = firestoreAs(env, persona);
    await expectAllowed(
      updateDoc(doc(db, CLASS_SUMMARY), { count: 100, sum: 500, histogram: [0, 0, 0, 0, 100] }),
      false,
    );
  });

  it.each(PERSONAS)("create an instructor summary as %s is denied", async (persona) => {
    const path = paths.ratingSummary(ratingSummaryId("instructor", UID.instructor));
    const forged = summary({ subject: "instructor", subjectId: UID.instructor });
    await expectAllowed(setDoc(doc(firestoreAs(env, persona), path), forged), false);
  });

  it.each(PERSONAS)("delete a summary as %s is denied", async (persona) => {
    await expectAllowed(deleteDoc(doc(firestoreAs(env, persona), CLASS_SUMMARY)), false);
  });
});

async function deleteAsAdmin(path: string): Promise<void> {
  await env.withSecurityRulesDisabled(async (context) => {
    await context.firestore().doc(path).delete();
  });
}

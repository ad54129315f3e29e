/**
 * partnerFeedback/{classId}_{author}_{subject}: a member's private answer about a training partner.
 * Only submitPartnerFeedback writes one (it checks attendance, the match and the window, and
 * seals the answer), so no client writes or edits feedback, not even about themselves; only its
 * author reads it: never its subject, another member, an instructor or an admin.
 */
import type { RulesTestEnvironment } from "@firebase/rules-unit-testing";
import { collection, deleteDoc, doc, getDoc, getDocs, query, setDoc, updateDoc, where } from "firebase/firestore";
import { afterAll, beforeAll, beforeEach, describe, it } from "vitest";
import { collections, partnerFeedbackId, paths, type PartnerFeedback } from "../../functions/src/model/index.js";
import {
  daysFromNow,
  expectAllowed,
  firestoreAs,
  firestoreTestEnv,
  PERSONAS,
  seed,
  UID,
  type Persona,
} from "./support.js";

let env: RulesTestEnvironment;

const CLASS_ID = "hiit-past";
/** alice (owner) said bob (otherMember) did not show up. */
const ALICE_ON_BOB = paths.partnerFeedback(partnerFeedbackId(CLASS_ID, UID.owner, UID.otherMember));

function feedback(authorUid: string, subjectUid: string, overrides: Partial<PartnerFeedback> = {}): PartnerFeedback {
  return {
    classId: CLASS_ID,
    authorUid,
    subjectUid,
    showedUp: false,
    trainAgain: null,
    tags: [],
    createdAt: daysFromNow(-1),
    revealAt: daysFromNow(6),
    appliedAt: null,
    ...overrides,
  };
}

beforeAll(async () => {
  env = await firestoreTestEnv("partner-feedback");
});
afterAll(async () => {
  await env.cleanup();
});
beforeEach(async () => {
  await env.clearFirestore();
  await seed(env, { [ALICE_ON_BOB]: feedback(UID.owner, UID.otherMember) });
});

describe("reading partner feedback", () => {
  const canRead: Record<Persona, boolean> = {
    anonymous: false,
    owner: true,
    // The subject above all: reading what their partner said is what sealing prevents.
    otherMember: false,
    instructor: false,
    admin: false,
  };
  it.each(PERSONAS)("get as %s: only its author", async (persona) => {
    await expectAllowed(getDoc(doc(firestoreAs(env, persona), ALICE_ON_BOB)), canRead[persona]);
  });

  it("lets the author list their own answers, and nobody list everyone's or another's", async () => {
    const feedbackOf = (persona: Persona, authorUid: string) =>
      getDocs(
        query(collection(firestoreAs(env, persona), collections.partnerFeedback), where("authorUid", "==", authorUid)),
      );
    await expectAllowed(feedbackOf("owner", UID.owner), true);
    await expectAllowed(feedbackOf("otherMember", UID.owner), false);
    await expectAllowed(getDocs(collection(firestoreAs(env, "admin"), collections.partnerFeedback)), false);
    // The subject filtering on themselves is still someone else's answer.
    await expectAllowed(
      getDocs(
        query(
          collection(firestoreAs(env, "otherMember"), collections.partnerFeedback),
          where("subjectUid", "==", UID.otherMember),
        ),
      ),
      false,
    );
  });
});

describe("writing partner feedback", () => {
  it.each(PERSONAS)("create as %s is denied, even as the author with a valid answer", async (persona) => {
    const author = persona === "anonymous" ? UID.owner : UID[persona];
    const path = paths.partnerFeedback(partnerFeedbackId("hiit-other", author, UID.instructor));
    await expectAllowed(
      setDoc(doc(firestoreAs(env, persona), path), feedback(author, UID.instructor, { classId: "hiit-other" })),
      false,
    );
  });

  it.each(PERSONAS)("update as %s is denied: an answer is final, and its seal is the server's", async (persona) => {
    const ref = doc(firestoreAs(env, persona), ALICE_ON_BOB);
    await expectAllowed(updateDoc(ref, { showedUp: true }), false);
    await expectAllowed(updateDoc(ref, { appliedAt: daysFromNow(0) }), false);
  });

  it.each(PERSONAS)("delete as %s is denied: the subject cannot erase it, nor the author", async (persona) => {
    await expectAllowed(deleteDoc(doc(firestoreAs(env, persona), ALICE_ON_BOB)), false);
  });

  it("refuses an answer forged in another member's name", async () => {
    const forged = paths.partnerFeedback(partnerFeedbackId(CLASS_ID, UID.otherMember, UID.owner));
    await expectAllowed(
      setDoc(doc(firestoreAs(env, "owner"), forged), feedback(UID.otherMember, UID.owner, { showedUp: true })),
      false,
    );
  });
});

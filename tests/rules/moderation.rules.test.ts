/**
 * moderation/{uid}: a member's standing, written only by the moderation callables. The member and
 * admins read it. While it restricts them, a member is refused by every rule that lets members
 * write (settings, classes, messages) and cannot read conversations; a suspension stops at
 * `until` without waiting for the sweep.
 */
import type { RulesTestEnvironment } from "@firebase/rules-unit-testing";
import { collection, deleteDoc, doc, getDoc, getDocs, serverTimestamp, setDoc, updateDoc } from "firebase/firestore";
import { afterAll, beforeAll, beforeEach, describe, it } from "vitest";
import { collections, paths, type Moderation } from "../../functions/src/model/index.js";
import { sendCounted } from "../../functions/test/support/countedMessage.js";
import {
  classCreate,
  daysFromNow,
  expectAllowed,
  firestoreAs,
  firestoreTestEnv,
  PERSONAS,
  privateSettings,
  seed,
  settingsWrite,
  STALE_TIME,
  UID,
} from "./support.js";

let env: RulesTestEnvironment;
const DIRECT_ID = `${UID.owner}_${UID.otherMember}`;
const ALICE = paths.moderation(UID.owner);

const standing = (overrides: Partial<Moderation>): Moderation => ({
  standing: "suspended",
  until: daysFromNow(7),
  reason: "Harassment",
  updatedAt: STALE_TIME,
  ...overrides,
});

beforeAll(async () => {
  env = await firestoreTestEnv("moderation");
});
afterAll(async () => {
  await env.cleanup();
});
beforeEach(async () => {
  await env.clearFirestore();
  await seed(env, {
    [paths.conversation(DIRECT_ID)]: {
      type: "direct",
      memberIds: [UID.owner, UID.otherMember],
      title: null,
      status: "open",
      matchId: DIRECT_ID,
      classId: null,
      lastMessage: null,
      unreadCounts: { [UID.owner]: 0, [UID.otherMember]: 0 },
      createdAt: STALE_TIME,
      updatedAt: STALE_TIME,
    },
    [paths.privateSettings(UID.owner)]: privateSettings(),
    // bob is in alice's Discover queue, so only her standing decides whether she may like him.
    [paths.candidate(UID.owner, UID.otherMember)]: { score: 80 },
    [paths.privateSettings(UID.instructor)]: privateSettings(),
  });
});

describe("moderation/{uid}", () => {
  it.each(PERSONAS)("read alice's standing as %s", async (persona) => {
    await seed(env, { [ALICE]: standing({}) });
    await expectAllowed(getDoc(doc(firestoreAs(env, persona), ALICE)), persona === "owner" || persona === "admin");
  });

  it.each(PERSONAS)("list every standing as %s", async (persona) => {
    await expectAllowed(getDocs(collection(firestoreAs(env, persona), collections.moderation)), persona === "admin");
  });

  it.each(PERSONAS)("write or lift alice's standing directly as %s", async (persona) => {
    await seed(env, { [ALICE]: standing({}) });
    const db = firestoreAs(env, persona);
    await expectAllowed(updateDoc(doc(db, ALICE), { standing: "active" }), false);
    await expectAllowed(deleteDoc(doc(db, ALICE)), false);
    await expectAllowed(setDoc(doc(db, paths.moderation(UID.otherMember)), standing({})), false);
  });
});

describe("a restricted member is refused", () => {
  const sendAsAlice = (id: string) =>
    sendCounted(firestoreAs(env, "owner"), UID.owner, DIRECT_ID, id, {
      senderId: UID.owner,
      text: "hi",
      createdAt: serverTimestamp(),
    });

  it.each([
    ["suspended for a week", standing({})],
    ["banned", standing({ standing: "banned", until: null })],
  ])("while %s: no messages, no conversations, no settings", async (_label, moderation) => {
    await seed(env, { [ALICE]: moderation });
    const db = firestoreAs(env, "owner");
    await expectAllowed(sendAsAlice("while-suspended"), false);
    await expectAllowed(getDoc(doc(db, paths.conversation(DIRECT_ID))), false);
    await expectAllowed(getDocs(collection(db, paths.messages(DIRECT_ID))), false);
    await expectAllowed(setDoc(doc(db, paths.privateSettings(UID.owner)), settingsWrite()), false);
    const like = { targetUid: UID.otherMember, action: "like", createdAt: serverTimestamp() };
    await expectAllowed(setDoc(doc(db, paths.matchAction(UID.owner, UID.otherMember)), like), false);
  });

  it("a suspended instructor cannot create classes", async () => {
    await seed(env, { [paths.moderation(UID.instructor)]: standing({}) });
    const db = firestoreAs(env, "instructor");
    await expectAllowed(setDoc(doc(db, paths.class("new-class")), classCreate(UID.instructor)), false);
    await seed(env, { [paths.moderation(UID.instructor)]: standing({ standing: "active", until: null }) });
    await expectAllowed(setDoc(doc(db, paths.class("new-class")), classCreate(UID.instructor)), true);
  });

  it("is let back in the moment the suspension ends, and when reinstated", async () => {
    await seed(env, { [ALICE]: standing({ until: daysFromNow(-0.001) }) });
    await expectAllowed(sendAsAlice("after-suspension"), true);
    await expectAllowed(
      setDoc(doc(firestoreAs(env, "owner"), paths.privateSettings(UID.owner)), settingsWrite()),
      true,
    );
    await seed(env, { [ALICE]: standing({ standing: "active", until: null }) });
    await expectAllowed(getDoc(doc(firestoreAs(env, "owner"), paths.conversation(DIRECT_ID))), true);
    await expectAllowed(getDocs(collection(firestoreAs(env, "owner"), paths.messages(DIRECT_ID))), true);
    const like = { targetUid: UID.otherMember, action: "like", createdAt: serverTimestamp() };
    await expectAllowed(
      setDoc(doc(firestoreAs(env, "owner"), paths.matchAction(UID.owner, UID.otherMember)), like),
      true,
    );
  });

  it("leaves other members alone", async () => {
    await seed(env, { [ALICE]: standing({}) });
    await expectAllowed(getDoc(doc(firestoreAs(env, "otherMember"), paths.conversation(DIRECT_ID))), true);
  });
});

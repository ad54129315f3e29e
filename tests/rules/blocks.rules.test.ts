/**
 * users/{uid}/blocks/{otherUid}: the owner blocks and unblocks; nobody else reads the list, in
 * particular not the blocked member.
 */
import type { RulesTestEnvironment } from "@firebase/rules-unit-testing";
import { collection, deleteDoc, doc, getDoc, getDocs, serverTimestamp, setDoc } from "firebase/firestore";
import { afterAll, beforeAll, beforeEach, describe, it } from "vitest";
import { paths } from "../../functions/src/model/index.js";
import { expectAllowed, firestoreAs, firestoreTestEnv, PERSONAS, seed, STALE_TIME, UID } from "./support.js";

let env: RulesTestEnvironment;
/** alice has blocked bob. */
const BLOCK_OF_BOB = paths.block(UID.owner, UID.otherMember);

beforeAll(async () => {
  env = await firestoreTestEnv("blocks");
});
afterAll(async () => {
  await env.cleanup();
});
beforeEach(async () => {
  await env.clearFirestore();
  await seed(env, { [BLOCK_OF_BOB]: { blockedUid: UID.otherMember, createdAt: STALE_TIME } });
});

describe("read", () => {
  it.each(PERSONAS)("get alice's block of bob as %s (bob is the blocked one)", async (persona) => {
    await expectAllowed(getDoc(doc(firestoreAs(env, persona), BLOCK_OF_BOB)), persona === "owner");
  });

  it.each(PERSONAS)("list alice's blocks as %s", async (persona) => {
    await expectAllowed(getDocs(collection(firestoreAs(env, persona), paths.blocks(UID.owner))), persona === "owner");
  });
});

describe("write", () => {
  it.each(PERSONAS)("alice blocks ivy, written as %s", async (persona) => {
    const db = firestoreAs(env, persona);
    await expectAllowed(
      setDoc(doc(db, paths.block(UID.owner, UID.instructor)), {
        blockedUid: UID.instructor,
        createdAt: serverTimestamp(),
      }),
      persona === "owner",
    );
  });

  it.each(PERSONAS)("alice's unblock of bob, as %s", async (persona) => {
    await expectAllowed(deleteDoc(doc(firestoreAs(env, persona), BLOCK_OF_BOB)), persona === "owner");
  });

  it.each([
    ["herself", paths.block(UID.owner, UID.owner), { blockedUid: UID.owner, createdAt: serverTimestamp() }],
    ["with a backdated time", paths.block(UID.owner, "carol"), { blockedUid: "carol", createdAt: STALE_TIME }],
    [
      "with an extra field",
      paths.block(UID.owner, "carol"),
      { blockedUid: "carol", createdAt: serverTimestamp(), note: "x" },
    ],
    ["naming someone else", paths.block(UID.owner, "carol"), { blockedUid: "dave", createdAt: serverTimestamp() }],
    ["without naming whom", paths.block(UID.owner, "carol"), { createdAt: serverTimestamp() }],
  ])("the owner cannot block %s", async (_label, path, data) => {
    await expectAllowed(setDoc(doc(firestoreAs(env, "owner"), path), data), false);
  });
});

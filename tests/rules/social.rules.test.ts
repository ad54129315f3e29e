/**
 * Social: users/{uid}/connections/{otherUid} and socialCounts/{uid} are written by functions only
 * (a client could forge a friendship or a follower, or inflate a count); each member reads only
 * their own connections; counts are public to signed-in members. users/{uid}/private/social is the
 * owner's, a complete valid document stamped now.
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
  serverTimestamp,
  setDoc,
  updateDoc,
  where,
} from "firebase/firestore";
import { afterAll, beforeAll, beforeEach, describe, it } from "vitest";
import { collections, paths } from "../../functions/src/model/index.js";
import {
  expectAllowed,
  firestoreAs,
  firestoreForUser,
  firestoreTestEnv,
  PERSONAS,
  seed,
  STALE_TIME,
  UID,
} from "./support.js";

let env: RulesTestEnvironment;
/** alice and bob are friends; each side is stored under its owner. */
const ALICE_SIDE = paths.connection(UID.owner, UID.otherMember);
const BOB_SIDE = paths.connection(UID.otherMember, UID.owner);
const side = (otherUid: string) => ({
  otherUid,
  following: "yes",
  followedBy: "yes",
  friend: "yes",
  friendsSince: STALE_TIME,
  updatedAt: STALE_TIME,
});
const COUNTS = { followers: 1, following: 1, friends: 1, updatedAt: STALE_TIME };
const SETTINGS = paths.socialSettings(UID.owner);
const validSettings = () => ({
  approveFollowers: true,
  friendRequestsFrom: "matches",
  activityAudience: "public",
  updatedAt: serverTimestamp(),
});

beforeAll(async () => {
  env = await firestoreTestEnv("social");
});
afterAll(async () => {
  await env.cleanup();
});
beforeEach(async () => {
  await env.clearFirestore();
  await seed(env, {
    [ALICE_SIDE]: side(UID.otherMember),
    [BOB_SIDE]: side(UID.owner),
    [paths.socialCounts(UID.owner)]: COUNTS,
    [SETTINGS]: {
      approveFollowers: false,
      friendRequestsFrom: "everyone",
      activityAudience: "friends",
      updatedAt: STALE_TIME,
    },
  });
});

describe("connections", () => {
  it.each(PERSONAS)("get alice's side of her friendship with bob as %s", async (persona) => {
    await expectAllowed(getDoc(doc(firestoreAs(env, persona), ALICE_SIDE)), persona === "owner");
  });

  it.each(PERSONAS)("list alice's friends as %s (bob, her friend, included)", async (persona) => {
    const db = firestoreAs(env, persona);
    const friends = query(collection(db, paths.connections(UID.owner)), where("friend", "==", "yes"));
    await expectAllowed(getDocs(friends), persona === "owner");
  });

  it.each(PERSONAS)("find who is connected to alice across everyone's lists as %s", async (persona) => {
    const db = firestoreAs(env, persona);
    const mirrors = query(collectionGroup(db, collections.connections), where("otherUid", "==", UID.owner));
    await expectAllowed(getDocs(mirrors), false);
  });

  it.each(PERSONAS)("forge a friendship between alice and ivy, written as %s", async (persona) => {
    const db = firestoreAs(env, persona);
    await expectAllowed(
      setDoc(doc(db, paths.connection(UID.owner, UID.instructor)), {
        ...side(UID.instructor),
        friendsSince: serverTimestamp(),
        updatedAt: serverTimestamp(),
      }),
      false,
    );
  });

  it.each(PERSONAS)("make bob follow alice from his side, written as %s", async (persona) => {
    await expectAllowed(updateDoc(doc(firestoreAs(env, persona), BOB_SIDE), { following: "yes" }), false);
  });

  it.each(PERSONAS)("unfriend by deleting alice's side, as %s", async (persona) => {
    // Only changeConnection may: deleting one side would leave bob's side and both counts wrong.
    await expectAllowed(deleteDoc(doc(firestoreAs(env, persona), ALICE_SIDE)), false);
  });
});

describe("socialCounts", () => {
  it.each(PERSONAS)("get alice's counts as %s", async (persona) => {
    await expectAllowed(getDoc(doc(firestoreAs(env, persona), paths.socialCounts(UID.owner))), persona !== "anonymous");
  });

  it.each(PERSONAS)("list everyone's counts as %s", async (persona) => {
    await expectAllowed(getDocs(collection(firestoreAs(env, persona), collections.socialCounts)), false);
  });

  it.each(PERSONAS)("inflate alice's followers, written as %s", async (persona) => {
    await expectAllowed(
      setDoc(doc(firestoreAs(env, persona), paths.socialCounts(UID.owner)), { ...COUNTS, followers: 50_000 }),
      false,
    );
  });
});

describe("private/social", () => {
  it.each(PERSONAS)("get alice's social settings as %s", async (persona) => {
    await expectAllowed(getDoc(doc(firestoreAs(env, persona), SETTINGS)), persona === "owner");
  });

  it.each(PERSONAS)("save alice's social settings as %s", async (persona) => {
    await expectAllowed(setDoc(doc(firestoreAs(env, persona), SETTINGS), validSettings()), persona === "owner");
  });

  it.each(PERSONAS)("reset alice's social settings to the defaults as %s", async (persona) => {
    await expectAllowed(deleteDoc(doc(firestoreAs(env, persona), SETTINGS)), persona === "owner");
  });

  it.each([
    ["an unknown audience", { ...validSettings(), friendRequestsFrom: "friends_of_friends" }],
    ["approval as a string", { ...validSettings(), approveFollowers: "yes" }],
    ["a backdated time", { ...validSettings(), updatedAt: STALE_TIME }],
    ["an extra field", { ...validSettings(), followers: 10 }],
    ["a missing field", { approveFollowers: true, friendRequestsFrom: "everyone", updatedAt: serverTimestamp() }],
    ["an unknown activity audience", { ...validSettings(), activityAudience: "followers_of_friends" }],
  ])("the owner cannot save settings with %s", async (_label, data) => {
    await expectAllowed(setDoc(doc(firestoreAs(env, "owner"), SETTINGS), data), false);
  });
});

describe("activities and feeds", () => {
  // alice (owner) and bob (otherMember) are friends; carol follows alice; dave is a stranger.
  const activity = (audience: string) => ({
    authorId: UID.owner,
    kind: "attended_class",
    audience,
    subject: { classId: "c1", classTitle: "Spin", classStartsAt: STALE_TIME },
    createdAt: STALE_TIME,
  });
  const FOLLOWER = "carol";
  const STRANGER = "dave";

  beforeEach(async () => {
    await seed(env, {
      [paths.activity("friends-only")]: activity("friends"),
      [paths.activity("public")]: activity("public"),
      [paths.activity("mine")]: activity("only_me"),
      [paths.connection(FOLLOWER, UID.owner)]: { ...side(UID.owner), friend: "none", followedBy: "none" },
      [paths.feedEntry(UID.otherMember, "friends-only")]: { ...activity("friends"), activityId: "friends-only" },
    });
  });

  const readers = [
    ["alice, the author", UID.owner, { "friends-only": true, public: true, mine: true }],
    ["bob, her friend", UID.otherMember, { "friends-only": true, public: true, mine: false }],
    ["carol, who follows her", FOLLOWER, { "friends-only": false, public: true, mine: false }],
    ["dave, a stranger", STRANGER, { "friends-only": false, public: false, mine: false }],
  ] as const;
  it.each(readers)("what %s may read of alice's activities", async (_label, uid, expected) => {
    const db = firestoreForUser(env, uid);
    for (const [id, allowed] of Object.entries(expected)) {
      await expectAllowed(getDoc(doc(db, paths.activity(id))), allowed);
    }
  });

  it("nobody signed out reads even a public activity", async () => {
    await expectAllowed(getDoc(doc(firestoreAs(env, "anonymous"), paths.activity("public"))), false);
  });

  it.each(PERSONAS)("write an activity in alice's name, as %s", async (persona) => {
    await expectAllowed(setDoc(doc(firestoreAs(env, persona), paths.activity("forged")), activity("public")), false);
  });

  it.each(PERSONAS)("read bob's feed as %s", async (persona) => {
    const db = firestoreAs(env, persona);
    await expectAllowed(getDocs(collection(db, paths.feed(UID.otherMember))), persona === "otherMember");
  });

  it.each(PERSONAS)("slip an entry into bob's feed, as %s", async (persona) => {
    const db = firestoreAs(env, persona);
    await expectAllowed(
      setDoc(doc(db, paths.feedEntry(UID.otherMember, "forged")), { ...activity("public"), activityId: "forged" }),
      false,
    );
  });

  describe("kudos and comments", () => {
    const ACTIVITIES = ["friends-only", "public", "mine"] as const;
    beforeEach(async () => {
      const reactions: Record<string, object> = {};
      for (const id of ACTIVITIES) {
        reactions[paths.kudos(id, UID.otherMember)] = {
          uid: UID.otherMember,
          activityAuthorId: UID.owner,
          createdAt: STALE_TIME,
        };
        reactions[paths.activityComment(id, "c1")] = {
          authorId: UID.otherMember,
          activityAuthorId: UID.owner,
          text: "Strong finish!",
          createdAt: STALE_TIME,
        };
      }
      await seed(env, reactions);
    });

    it.each(readers)("whose kudos and comments %s may list", async (_label, uid, expected) => {
      const db = firestoreForUser(env, uid);
      for (const [id, allowed] of Object.entries(expected)) {
        await expectAllowed(getDocs(collection(db, paths.activityKudos(id))), allowed);
        await expectAllowed(getDocs(collection(db, paths.activityComments(id))), allowed);
        await expectAllowed(getDoc(doc(db, paths.activityComment(id, "c1"))), allowed);
      }
    });

    it("nobody signed out reads the comments of even a public activity", async () => {
      await expectAllowed(getDocs(collection(firestoreAs(env, "anonymous"), paths.activityComments("public"))), false);
    });

    it.each(PERSONAS)("search every comment bob wrote, anywhere, as %s", async (persona) => {
      const everywhere = query(
        collectionGroup(firestoreAs(env, persona), collections.comments),
        where("authorId", "==", UID.otherMember),
      );
      await expectAllowed(getDocs(everywhere), false);
    });

    it.each(PERSONAS)("give kudos without the callable (no count), as %s", async (persona) => {
      const db = firestoreAs(env, persona);
      const giver = persona === "anonymous" ? "nobody" : UID[persona];
      await expectAllowed(
        setDoc(doc(db, paths.kudos("public", giver)), {
          uid: giver,
          activityAuthorId: UID.owner,
          createdAt: serverTimestamp(),
        }),
        false,
      );
    });

    it.each(PERSONAS)("comment in bob's name, as %s", async (persona) => {
      const db = firestoreAs(env, persona);
      await expectAllowed(
        setDoc(doc(db, paths.activityComment("public", "forged")), {
          authorId: UID.otherMember,
          activityAuthorId: UID.owner,
          text: "I quit",
          createdAt: serverTimestamp(),
        }),
        false,
      );
    });

    it.each(PERSONAS)("edit or delete bob's comment directly, as %s", async (persona) => {
      const db = firestoreAs(env, persona);
      await expectAllowed(updateDoc(doc(db, paths.activityComment("public", "c1")), { text: "edited" }), false);
      await expectAllowed(deleteDoc(doc(db, paths.activityComment("public", "c1"))), false);
    });

    it.each(PERSONAS)("inflate an activity's kudos count, as %s", async (persona) => {
      const db = firestoreAs(env, persona);
      await expectAllowed(updateDoc(doc(db, paths.activity("public")), { kudosCount: 1000 }), false);
    });
  });
});

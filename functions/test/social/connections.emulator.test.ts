/**
 * Connections end to end: through the deployed changeConnection callable, the client SDK under
 * the rules, and the block trigger. Friends by request and acceptance, followers by approval when
 * a member asks for it, who may ask, a block that ends everything both ways, and counts that stay
 * exact when many members change at once and a severing runs twice.
 */
import { collection, doc, getDocs, query, serverTimestamp, setDoc, where } from "firebase/firestore";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  pairIdOf,
  paths,
  type ChangeConnectionRequest,
  type ChangeConnectionResponse,
  type ConnectionAction,
  type SocialCounts,
} from "../../src/model/index.js";
import { changeConnection, severConnection } from "../../src/social/connectionStore.js";
import { admin, callError, closeAdmin, isolatedFirestore, shownMessage, waitForDoc } from "../support/emulators.js";
import { notificationsOf, signedInMembers, uniqueId, type Client } from "../support/scenarios.js";

type Member = Client & { uid: string };
let members: Member[] = [];

const act = (m: Member, other: Member, action: ConnectionAction) =>
  m.call<ChangeConnectionRequest, ChangeConnectionResponse>("changeConnection", { uid: other.uid, action });

const countsOf = async (uid: string) => {
  const counts = (await admin.db.doc(paths.socialCounts(uid)).get()).data() as Partial<SocialCounts> | undefined;
  return { followers: counts?.followers ?? 0, following: counts?.following ?? 0, friends: counts?.friends ?? 0 };
};

/** The member's own list, read as the web client reads it: their connections with `field == state`. */
async function listOf(m: Member, field: "friend" | "following" | "followedBy", state: string) {
  const snap = await getDocs(query(collection(m.db, paths.connections(m.uid)), where(field, "==", state)));
  return snap.docs.map((d) => d.id).sort();
}

async function pick(count: number) {
  const crowd = await signedInMembers(count, "social");
  members.push(...crowd);
  // Their profiles are provisioned by a trigger; a member can only be reached once theirs exists.
  await Promise.all(crowd.map((m) => waitForDoc(paths.user(m.uid), (d) => d)));
  return crowd;
}

beforeAll(() => {
  members = [];
});
afterAll(async () => {
  await Promise.all(members.map((m) => m.close()));
  await closeAdmin();
});

describe("friends", () => {
  it("a request, once accepted, makes both friends; each sees the other, the counts move, both are told", async () => {
    const [ana, ben] = await pick(2);
    expect(await act(ana!, ben!, "request_friend")).toEqual({
      following: "none",
      followedBy: "none",
      friend: "sent",
      changed: true,
    });
    expect(await listOf(ben!, "friend", "received")).toEqual([ana!.uid]);
    expect(await listOf(ana!, "friend", "sent")).toEqual([ben!.uid]);
    expect(await countsOf(ana!.uid)).toEqual({ followers: 0, following: 0, friends: 0 });

    expect((await act(ben!, ana!, "accept_friend")).friend).toBe("yes");
    expect(await listOf(ana!, "friend", "yes")).toEqual([ben!.uid]);
    expect(await listOf(ben!, "friend", "yes")).toEqual([ana!.uid]);
    expect(await countsOf(ana!.uid)).toMatchObject({ friends: 1 });
    expect(await countsOf(ben!.uid)).toMatchObject({ friends: 1 });

    // Accepting again (a double tap, a retried call) changes and counts nothing.
    expect((await act(ben!, ana!, "accept_friend")).changed).toBe(false);
    expect(await countsOf(ben!.uid)).toMatchObject({ friends: 1 });

    const toBen = await notificationsOf(ben!.uid);
    expect(toBen.filter((n) => n.type === "connection").map((n) => n.title)).toEqual([
      expect.stringMatching(/sent you a friend request$/),
    ]);
    expect(toBen.find((n) => n.type === "connection")?.data).toEqual({ personUid: ana!.uid });
    const toAna = await notificationsOf(ana!.uid);
    expect(toAna.filter((n) => n.type === "connection").map((n) => n.title)).toEqual([
      expect.stringMatching(/accepted your friend request$/),
    ]);

    expect((await act(ana!, ben!, "remove_friend")).friend).toBe("none");
    expect(await listOf(ben!, "friend", "yes")).toEqual([]);
    expect(await countsOf(ben!.uid)).toMatchObject({ friends: 0 });
    // An empty pair leaves no document behind.
    expect((await admin.db.doc(paths.connection(ben!.uid, ana!.uid)).get()).exists).toBe(false);
  });

  it("asks only those who take requests from the asker: everyone, their matches, or nobody", async () => {
    const [ana, ben, cai] = await pick(3);
    await setDoc(doc(ben!.db, paths.socialSettings(ben!.uid)), {
      approveFollowers: false,
      friendRequestsFrom: "matches",
      activityAudience: "friends",
      updatedAt: serverTimestamp(),
    });
    const pairId = pairIdOf(ana!.uid, ben!.uid);
    await admin.db.doc(paths.match(pairId)).set({
      userIds: [ana!.uid, ben!.uid].sort(),
      createdAt: admin.timestamp(Date.now()),
      conversationId: pairId,
    });

    const refused = await callError(act(cai!, ben!, "request_friend"));
    expect(refused.code).toBe("functions/permission-denied");
    expect(shownMessage(refused)).toBe("This member takes friend requests only from their training partners.");
    expect((await admin.db.doc(paths.connection(ben!.uid, cai!.uid)).get()).exists).toBe(false);
    // A match is one tap from a friendship request.
    expect((await act(ana!, ben!, "request_friend")).friend).toBe("sent");
  });
});

describe("followers", () => {
  it("follows at once, or waits for approval when the member asks for it", async () => {
    const [ana, ben, cai] = await pick(3);
    expect((await act(ana!, ben!, "follow")).following).toBe("yes");
    expect(await countsOf(ben!.uid)).toMatchObject({ followers: 1 });
    expect(await countsOf(ana!.uid)).toMatchObject({ following: 1 });

    await setDoc(doc(ben!.db, paths.socialSettings(ben!.uid)), {
      approveFollowers: true,
      friendRequestsFrom: "everyone",
      activityAudience: "friends",
      updatedAt: serverTimestamp(),
    });
    expect((await act(cai!, ben!, "follow")).following).toBe("requested");
    expect(await listOf(ben!, "followedBy", "requested")).toEqual([cai!.uid]);
    expect(await countsOf(ben!.uid)).toMatchObject({ followers: 1 });

    expect((await act(ben!, cai!, "approve_follower")).followedBy).toBe("yes");
    expect(await listOf(ben!, "followedBy", "yes")).toEqual([ana!.uid, cai!.uid].sort());
    expect(await countsOf(ben!.uid)).toMatchObject({ followers: 2 });
    const toCai = (await notificationsOf(cai!.uid)).filter((n) => n.type === "connection");
    expect(toCai.map((n) => n.title)).toEqual([expect.stringMatching(/approved your follow request$/)]);

    expect((await act(ben!, ana!, "remove_follower")).followedBy).toBe("none");
    expect(await countsOf(ben!.uid)).toMatchObject({ followers: 1 });
    expect(await countsOf(ana!.uid)).toMatchObject({ following: 0 });
  });
});

describe("blocking", () => {
  it("ends every connection both ways, and neither can reach the other again", async () => {
    const [ana, ben, cai] = await pick(3);
    await act(ana!, ben!, "follow");
    await act(ben!, ana!, "follow");
    await act(ana!, ben!, "request_friend");
    await act(ben!, ana!, "accept_friend");
    await act(cai!, ben!, "follow");
    expect(await countsOf(ben!.uid)).toEqual({ followers: 2, following: 1, friends: 1 });

    await setDoc(doc(ben!.db, paths.block(ben!.uid, ana!.uid)), {
      blockedUid: ana!.uid,
      createdAt: serverTimestamp(),
    });
    await waitForDoc(paths.socialCounts(ben!.uid), (d) => (d?.["friends"] === 0 ? true : undefined));
    expect(await countsOf(ben!.uid)).toEqual({ followers: 1, following: 0, friends: 0 });
    expect(await countsOf(ana!.uid)).toEqual({ followers: 0, following: 0, friends: 0 });
    expect(await listOf(ana!, "following", "yes")).toEqual([]);
    expect(await listOf(ben!, "followedBy", "yes")).toEqual([cai!.uid]);

    // Neither can follow or ask the other, and the refusal does not say why.
    for (const [from, to] of [
      [ana!, ben!],
      [ben!, ana!],
    ] as const) {
      const refused = await callError(act(from, to, "follow"));
      expect(refused.code).toBe("functions/not-found");
      expect(shownMessage(refused)).toBe("This member is not available.");
    }

    // The block trigger delivered again finds nothing left to count down.
    expect(await severConnection(admin.db, ben!.uid, ana!.uid)).toBe(false);
    expect(await countsOf(ben!.uid)).toEqual({ followers: 1, following: 0, friends: 0 });
  });
});

describe("changeConnection's input", () => {
  it("refuses a bad action, a bad id and oneself as invalid-argument, naming the field", async () => {
    const [ana] = await pick(1);
    const bad = async (payload: unknown) => {
      const error = await callError(ana!.call("changeConnection", payload));
      return { code: error.code, message: shownMessage(error) };
    };
    expect(await bad({ uid: "someone", action: "befriend" })).toMatchObject({
      code: "functions/invalid-argument",
      message: expect.stringContaining("action") as unknown,
    });
    expect(await bad({ uid: "a/b", action: "follow" })).toMatchObject({
      code: "functions/invalid-argument",
      message: expect.stringContaining("uid") as unknown,
    });
    expect(await bad({ uid: ana!.uid, action: "follow" })).toMatchObject({
      code: "functions/invalid-argument",
      message: expect.stringContaining("uid") as unknown,
    });
    expect((await admin.db.collection(paths.connections(ana!.uid)).get()).empty).toBe(true);
  });
});

describe("counts under concurrency (in process, no triggers)", () => {
  const isolated = isolatedFirestore("demo-numina-social");
  afterAll(isolated.close);
  const { db } = isolated;

  it("stay exact when 60 members follow, unfollow and befriend one member at once, and a severing repeats", async () => {
    const star = `star-${uniqueId()}`;
    await db.doc(paths.user(star)).set({ displayName: "Star" });
    const fans = Array.from({ length: 60 }, (_, i) => `fan-${uniqueId()}-${i}`);
    const profiles = db.batch();
    for (const fan of fans) profiles.set(db.doc(paths.user(fan)), { displayName: fan });
    await profiles.commit();
    const now = Date.now();
    const run = (uid: string, action: ConnectionAction) => changeConnection(db, uid, { uid: star, action }, now);

    // Every fan follows; the even ones also ask to be friends; a third unfollow straight away.
    await Promise.all(
      fans.map(async (fan, i) => {
        await run(fan, "follow");
        if (i % 2 === 0) await run(fan, "request_friend");
        if (i % 3 === 0) await run(fan, "unfollow");
      }),
    );
    // The star accepts every request at once, while a few fans sever (block) their pair twice.
    const severed = fans.filter((_, i) => i % 10 === 1);
    await Promise.all([
      ...fans
        .filter((_, i) => i % 2 === 0)
        .map((fan) => changeConnection(db, star, { uid: fan, action: "accept_friend" }, now)),
      ...severed.flatMap((fan) => [severConnection(db, fan, star), severConnection(db, star, fan)]),
    ]);

    const sides = await db.collection(paths.connections(star)).get();
    const followers = sides.docs.filter((d) => d.get("followedBy") === "yes").length;
    const friends = sides.docs.filter((d) => d.get("friend") === "yes").length;
    const expectedFollowers = fans.filter((_, i) => i % 3 !== 0 && i % 10 !== 1).length;
    expect(followers).toBe(expectedFollowers);
    expect(friends).toBe(30);
    const counts = (await db.doc(paths.socialCounts(star)).get()).data();
    expect(counts).toMatchObject({ followers: expectedFollowers, following: 0, friends: 30 });
    // Each fan's own count agrees with their side.
    const fanCounts = await Promise.all(fans.map(async (fan) => (await db.doc(paths.socialCounts(fan)).get()).data()));
    expect(fanCounts.reduce((sum, c) => sum + ((c?.["following"] as number | undefined) ?? 0), 0)).toBe(
      expectedFollowers,
    );
  });

  it("stops a script sending follows past the daily limit", async () => {
    const limitsDb = isolatedFirestore("demo-numina-social-limits");
    try {
      await limitsDb.db
        .doc(paths.limitsConfig())
        .set({ rates: { connectionRequest: { max: 2, windowMinutes: 1440 } } });
      const targets = Array.from({ length: 3 }, (_, i) => `target-${uniqueId()}-${i}`);
      await Promise.all(targets.map((t) => limitsDb.db.doc(paths.user(t)).set({ displayName: t })));
      const spammer = `spammer-${uniqueId()}`;
      const now = Date.now();
      await changeConnection(limitsDb.db, spammer, { uid: targets[0]!, action: "follow" }, now);
      await changeConnection(limitsDb.db, spammer, { uid: targets[1]!, action: "follow" }, now);
      await expect(
        changeConnection(limitsDb.db, spammer, { uid: targets[2]!, action: "follow" }, now),
      ).rejects.toMatchObject({ code: "resource-exhausted" });
      // Stepping back is never limited.
      expect(
        (await changeConnection(limitsDb.db, spammer, { uid: targets[0]!, action: "unfollow" }, now)).changed,
      ).toBe(true);
      expect((await limitsDb.db.doc(paths.connection(spammer, targets[2]!)).get()).exists).toBe(false);
    } finally {
      await limitsDb.close();
    }
  });
});

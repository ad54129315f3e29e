/**
 * The activity feed through the real trigger: a check-in reaches the feeds its audience allows,
 * a corrected check-in takes it back, unfriending and blocking remove it, and a redelivered
 * publication writes the same copies.
 */
import { doc, getDoc, serverTimestamp, setDoc } from "firebase/firestore";
import { afterAll, describe, expect, it } from "vitest";
import { activityIdOf, paths, type ChangeConnectionRequest } from "../../src/model/index.js";
import { publishActivity } from "../../src/social/feedStore.js";
import { admin, closeAdmin, waitForDoc } from "../support/emulators.js";
import { signedInMembers, uniqueId, type Client } from "../support/scenarios.js";

type Member = Client & { uid: string };
const opened: Member[] = [];
afterAll(async () => {
  await Promise.all(opened.map((m) => m.close()));
  await closeAdmin();
});

const act = (m: Member, other: Member, action: ChangeConnectionRequest["action"]) =>
  m.call("changeConnection", { uid: other.uid, action });
const feedOf = async (uid: string) => (await admin.db.collection(paths.feed(uid)).get()).docs.map((d) => d.id);

/** ana, with ben as a friend, cai as a follower and dee as a stranger. */
async function circle() {
  const [ana, ben, cai, dee] = await signedInMembers(4, "feed");
  opened.push(ana!, ben!, cai!, dee!);
  // Their profiles are provisioned by a trigger; a member can only be reached once theirs exists.
  await Promise.all([ana!, ben!, cai!, dee!].map((m) => waitForDoc(paths.user(m.uid), (d) => d)));
  await act(ana!, ben!, "request_friend");
  await act(ben!, ana!, "accept_friend");
  await act(cai!, ana!, "follow");
  return { ana: ana!, ben: ben!, cai: cai!, dee: dee! };
}

async function checkIn(uid: string, classId: string, status: "attended" | "no_show") {
  await admin.db.doc(paths.attendanceRecord(uid, classId)).set({
    classId,
    classTitle: "Sunrise Spin",
    classStartsAt: admin.timestamp(Date.now() - 60 * 60_000),
    status,
    markedAt: admin.timestamp(Date.now()),
  });
}

describe("a check-in", () => {
  it("reaches friends by default, followers too when public, and comes back out when corrected", async () => {
    const { ana, ben, cai, dee } = await circle();
    const classId = `class-${uniqueId()}`;
    const activityId = activityIdOf("attended_class", ana.uid, classId);

    await checkIn(ana.uid, classId, "attended");
    await waitForDoc(paths.feedEntry(ben.uid, activityId), (d) => d);
    expect(await feedOf(ana.uid)).toEqual([activityId]);
    expect(await feedOf(cai.uid)).toEqual([]);
    expect(await feedOf(dee.uid)).toEqual([]);
    // Ben reads the activity itself under the rules; Dee, a stranger, cannot.
    expect((await getDoc(doc(ben.db, paths.activity(activityId)))).exists()).toBe(true);
    await expect(getDoc(doc(dee.db, paths.activity(activityId)))).rejects.toMatchObject({
      code: "permission-denied",
    });

    // Corrected to a no-show: the activity and every copy go.
    await checkIn(ana.uid, classId, "no_show");
    await waitForDoc(paths.activity(activityId), (d) => (d === undefined ? true : undefined));
    await waitForDoc(paths.feedEntry(ben.uid, activityId), (d) => (d === undefined ? true : undefined));
    expect(await feedOf(ana.uid)).toEqual([]);

    // Public from now on: the next check-in reaches Cai, who follows her.
    await setDoc(doc(ana.db, paths.socialSettings(ana.uid)), {
      approveFollowers: false,
      friendRequestsFrom: "everyone",
      activityAudience: "public",
      updatedAt: serverTimestamp(),
    });
    const next = `class-${uniqueId()}`;
    await checkIn(ana.uid, next, "attended");
    const nextId = activityIdOf("attended_class", ana.uid, next);
    await waitForDoc(paths.feedEntry(cai.uid, nextId), (d) => d);
    expect(await feedOf(ben.uid)).toEqual([nextId]);
    expect(await feedOf(dee.uid)).toEqual([]);
  });

  it("leaves the feed of a friend who is unfriended, and of a member blocked", async () => {
    const { ana, ben, cai } = await circle();
    const classId = `class-${uniqueId()}`;
    const activityId = activityIdOf("attended_class", ben.uid, classId);
    // Ben, public, checks in: Ana sees it as his friend, and goes on following him.
    await setDoc(doc(ben.db, paths.socialSettings(ben.uid)), {
      approveFollowers: false,
      friendRequestsFrom: "everyone",
      activityAudience: "friends",
      updatedAt: serverTimestamp(),
    });
    await act(cai, ben, "request_friend");
    await act(ben, cai, "accept_friend");
    await checkIn(ben.uid, classId, "attended");
    await waitForDoc(paths.feedEntry(cai.uid, activityId), (d) => d);
    expect(await feedOf(ana.uid)).toContain(activityId);

    await act(ana, ben, "remove_friend");
    expect(await feedOf(ana.uid)).not.toContain(activityId);

    await setDoc(doc(cai.db, paths.block(cai.uid, ben.uid)), { blockedUid: ben.uid, createdAt: serverTimestamp() });
    await waitForDoc(paths.feedEntry(cai.uid, activityId), (d) => (d === undefined ? true : undefined));
    expect(await feedOf(ben.uid)).toEqual([activityId]);
  });

  it("published twice (a redelivery) writes the same copies, once each", async () => {
    const { ana, ben } = await circle();
    const classId = `class-${uniqueId()}`;
    const subject = { classId, classTitle: "Track Night", classStartsAt: admin.timestamp(Date.now()) };
    const createdAt = admin.timestamp(Date.now());
    const first = await publishActivity(admin.db, ana.uid, "attended_class", subject, createdAt);
    const again = await publishActivity(admin.db, ana.uid, "attended_class", subject, createdAt);
    expect(again).toEqual(first);
    expect(first.readers).toBe(2);
    expect(await feedOf(ben.uid)).toEqual([first.activityId]);
  });
});

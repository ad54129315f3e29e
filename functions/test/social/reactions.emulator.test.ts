/**
 * Kudos and comments through the real callables and triggers: who may react, counts that stay
 * exact when calls are repeated or arrive at once, the author told on one line per activity, a
 * comment reported and taken down through the same queue as messages, and a block or a withdrawn
 * activity taking reactions with it.
 */
import { collection, doc, getDoc, getDocs, serverTimestamp, setDoc } from "firebase/firestore";
import { afterAll, describe, expect, it } from "vitest";
import {
  activityIdOf,
  activitySchema,
  auditLogSchema,
  collections,
  notificationSchema,
  paths,
  reportSchema,
  type ChangeConnectionRequest,
  type FeedEntry,
  type ReportCommentRequest,
  type ReportResponse,
} from "../../src/model/index.js";
import { addComment, giveKudos } from "../../src/social/reactionStore.js";
import {
  admin,
  callError,
  closeAdmin,
  createTestUser,
  isolatedFirestore,
  shownMessage,
  signedInClient,
  waitForDoc,
} from "../support/emulators.js";
import { RecordingPushSender } from "../support/recordingPushSender.js";
import { notificationsOf, signedInMembers, uniqueId, type Client } from "../support/scenarios.js";

type Member = Client & { uid: string };
const opened: Member[] = [];
afterAll(async () => {
  await Promise.all(opened.map((m) => m.close()));
  await closeAdmin();
});

const act = (m: Member, other: Member, action: ChangeConnectionRequest["action"]) =>
  m.call("changeConnection", { uid: other.uid, action });
const countsOf = async (activityId: string) => {
  const activity = activitySchema.parse((await admin.db.doc(paths.activity(activityId)).get()).data());
  return { kudos: activity.kudosCount, comments: activity.commentCount };
};
const gone = (path: string) => waitForDoc(path, (d) => (d === undefined ? true : undefined));

/** ana checked in to a class; ben is her friend and sees it in his feed; dee is a stranger. */
async function anaAttended() {
  const [ana, ben, dee] = await signedInMembers(3, "reactions");
  opened.push(ana!, ben!, dee!);
  await Promise.all([ana!, ben!, dee!].map((m) => waitForDoc(paths.user(m.uid), (d) => d)));
  await act(ana!, ben!, "request_friend");
  await act(ben!, ana!, "accept_friend");
  const classId = `class-${uniqueId()}`;
  await admin.db.doc(paths.attendanceRecord(ana!.uid, classId)).set({
    classId,
    classTitle: "Sunrise Spin",
    classStartsAt: admin.timestamp(Date.now() - 60 * 60_000),
    status: "attended",
    markedAt: admin.timestamp(Date.now()),
  });
  const activityId = activityIdOf("attended_class", ana!.uid, classId);
  await waitForDoc(paths.feedEntry(ben!.uid, activityId), (d) => d);
  return { ana: ana!, ben: ben!, dee: dee!, classId, activityId };
}

describe("kudos", () => {
  it("a friend gives kudos once however often he taps, the author is told, and he can take it back", async () => {
    const { ana, ben, dee, activityId } = await anaAttended();

    expect(await ben.call("giveKudos", { activityId, given: true })).toEqual({ given: true, changed: true });
    expect(await ben.call("giveKudos", { activityId, given: true })).toEqual({ given: true, changed: false });
    expect(await countsOf(activityId)).toEqual({ kudos: 1, comments: 0 });
    // Ana reads who cheered under the rules, as her activity page does.
    const givers = await getDocs(collection(ana.db, paths.activityKudos(activityId)));
    expect(givers.docs.map((d) => d.id)).toEqual([ben.uid]);

    const told = (await notificationsOf(ana.uid)).filter((n) => n.type === "kudos");
    expect(told).toHaveLength(1);
    expect(told[0]).toMatchObject({ id: `kudos-${activityId}`, body: "For Sunrise Spin.", read: false });
    expect(told[0]!.title).toMatch(/ gave you kudos$/);
    expect(told[0]!.data).toEqual({ activityId });

    expect(await ben.call("giveKudos", { activityId, given: false })).toEqual({ given: false, changed: true });
    expect(await countsOf(activityId)).toEqual({ kudos: 0, comments: 0 });

    // Her own activity is not hers to cheer; a stranger cannot tell it exists.
    const own = await callError(ana.call("giveKudos", { activityId, given: true }));
    expect(own.code).toBe("functions/invalid-argument");
    const stranger = await callError(dee.call("giveKudos", { activityId, given: true }));
    expect(stranger.code).toBe("functions/not-found");
    const missing = await callError(dee.call("giveKudos", { activityId: "no-such-activity", given: true }));
    expect(shownMessage(missing)).toBe(shownMessage(stranger));
    expect(await countsOf(activityId)).toEqual({ kudos: 0, comments: 0 });
  });

  it("stays exact when sixty friends give kudos at once, each call delivered twice", async () => {
    // In process, on a project where no triggers fire: the Functions emulator cannot run a
    // hundred and twenty calls in flight on this machine. The transactions are the callable's.
    const { db, close } = isolatedFirestore();
    try {
      const author = `author-${uniqueId()}`;
      const activityId = activityIdOf("attended_class", author, `class-${uniqueId()}`);
      const entry: Omit<FeedEntry, "createdAt" | "subject"> = {
        activityId,
        authorId: author,
        kind: "attended_class",
        audience: "friends",
      };
      const now = admin.timestamp(Date.now());
      const subject = { classId: "c", classTitle: "Track Night", classStartsAt: now };
      const friends = Array.from({ length: 60 }, (_, i) => `friend-${i}-${uniqueId()}`);
      await db.doc(paths.activity(activityId)).set({ ...entry, subject, createdAt: now });
      await db.doc(paths.user(author)).set({ displayName: "Ana" }, { merge: true });
      await db.doc(paths.device(author, "phone")).set({
        uid: author,
        token: "token-ana",
        platform: "web",
        updatedAt: now,
      });
      const batch = db.batch();
      for (const uid of [author, ...friends]) {
        batch.set(db.doc(paths.feedEntry(uid, activityId)), { ...entry, subject, createdAt: now });
      }
      await batch.commit();

      const push = new RecordingPushSender();
      const give = (uid: string) => giveKudos(db, uid, { activityId, given: true }, Date.now(), { push });
      const results = await Promise.all(friends.flatMap((uid) => [give(uid), give(uid)]));

      expect(results.filter((r) => r.changed)).toHaveLength(60);
      const activity = activitySchema.parse((await db.doc(paths.activity(activityId)).get()).data());
      expect(activity.kudosCount).toBe(60);
      expect((await db.collection(paths.activityKudos(activityId)).get()).size).toBe(60);
      // One line in her notification centre, counting every kudos; a push each, collapsed on her device.
      const notices = await db.collection(paths.notifications(author)).get();
      expect(notices.docs.map((d) => [d.id, notificationSchema.parse(d.data()).count])).toEqual([
        [`kudos-${activityId}`, 60],
      ]);
      expect(push.sent).toHaveLength(60);
      expect(new Set(push.sent.map((m) => m.android.collapseKey))).toEqual(new Set([`kudos-${activityId}`]));
      expect(push.sent[0]!.webpush.fcmOptions.link).toMatch(new RegExp(`/activities/${activityId}$`));
    } finally {
      await close();
    }
  });
});

describe("comments", () => {
  it("a friend comments, a resend is the same comment, the author is told, and either of them may delete it", async () => {
    const { ana, ben, dee, activityId } = await anaAttended();
    const commentId = `c-${uniqueId()}`;
    const request = { activityId, commentId, text: "  Strong finish!  " };

    expect(await ben.call("addComment", request)).toEqual({ commentId, created: true });
    expect(await ben.call("addComment", request)).toEqual({ commentId, created: false });
    expect(await countsOf(activityId)).toEqual({ kudos: 0, comments: 1 });
    const stored = await getDoc(doc(ana.db, paths.activityComment(activityId, commentId)));
    expect(stored.data()).toMatchObject({ authorId: ben.uid, activityAuthorId: ana.uid, text: "Strong finish!" });
    const told = (await notificationsOf(ana.uid)).filter((n) => n.type === "comment");
    expect(told.map((n) => [n.id, n.body])).toEqual([[`comment-${activityId}`, "Strong finish!"]]);
    expect(told[0]!.title).toMatch(/ commented on Sunrise Spin$/);

    // Other words under the same id are not a resend; blank words are no comment.
    const reused = await callError(ben.call("addComment", { ...request, text: "Something else" }));
    expect(reused.code).toBe("functions/already-exists");
    const blank = await callError(ben.call("addComment", { activityId, commentId: `c-${uniqueId()}`, text: "   " }));
    expect(blank.code).toBe("functions/invalid-argument");
    expect(shownMessage(blank)).toMatch(/text: Write something first/);
    const tooLong = await callError(ben.call("addComment", { activityId, commentId: "x", text: "a".repeat(501) }));
    expect(tooLong.code).toBe("functions/invalid-argument");
    // A stranger can neither comment nor read the comments.
    expect((await callError(dee.call("addComment", { ...request, commentId: "d1" }))).code).toBe("functions/not-found");
    await expect(getDocs(collection(dee.db, paths.activityComments(activityId)))).rejects.toMatchObject({
      code: "permission-denied",
    });
    // Ana replies on her own activity: nobody is told of it.
    await ana.call("addComment", { activityId, commentId: `c-${uniqueId()}`, text: "Thanks!" });
    expect(await countsOf(activityId)).toEqual({ kudos: 0, comments: 2 });
    expect((await notificationsOf(ana.uid)).filter((n) => n.type === "comment")).toHaveLength(1);

    // Dee may not delete it; the activity's author may.
    expect((await callError(dee.call("deleteComment", { activityId, commentId }))).code).toBe("functions/not-found");
    expect(await ana.call("deleteComment", { activityId, commentId })).toEqual({ deleted: true });
    expect(await ana.call("deleteComment", { activityId, commentId })).toEqual({ deleted: false });
    expect(await countsOf(activityId)).toEqual({ kudos: 0, comments: 1 });
  });

  it("is reported like a message, and an admin's take-down removes it and keeps its words in the report", async () => {
    const { ana, ben, activityId } = await anaAttended();
    const adaUser = await createTestUser({ role: "admin", label: "ada" });
    const ada = Object.assign(await signedInClient(adaUser.email, adaUser.password), { uid: adaUser.uid });
    opened.push(ada);
    const commentId = `c-${uniqueId()}`;
    await ben.call("addComment", { activityId, commentId, text: "You were so slow lol" });

    const own = await callError(ben.call("reportComment", { activityId, commentId, reason: "harassment" }));
    expect(own.code).toBe("functions/invalid-argument");
    const filed = await ana.call<ReportCommentRequest, ReportResponse>("reportComment", {
      activityId,
      commentId,
      reason: "harassment",
    });
    expect(await ana.call("reportComment", { activityId, commentId, reason: "harassment" })).toEqual({
      reportId: filed.reportId,
      alreadyReported: true,
    });
    const report = reportSchema.parse((await admin.db.doc(paths.report(filed.reportId)).get()).data());
    expect(report).toMatchObject({
      subjectUid: ben.uid,
      subjectKind: "comment",
      activityId,
      commentId,
      commentText: "You were so slow lol",
      status: "open",
    });

    // Only an admin takes it down.
    const notAdmin = await callError(ana.call("takeDownComment", { reportId: filed.reportId, reason: "Mocking" }));
    expect(notAdmin.code).toBe("functions/permission-denied");
    expect(await ada.call("takeDownComment", { reportId: filed.reportId, reason: "Mocking" })).toEqual({
      removed: true,
    });
    expect((await admin.db.doc(paths.activityComment(activityId, commentId)).get()).exists).toBe(false);
    expect(await countsOf(activityId)).toEqual({ kudos: 0, comments: 0 });
    const closed = reportSchema.parse((await admin.db.doc(paths.report(filed.reportId)).get()).data());
    expect(closed).toMatchObject({ status: "actioned", commentText: "You were so slow lol" });
    const audit = await admin.db.collection(collections.auditLogs).where("reportId", "==", filed.reportId).get();
    expect(audit.docs.map((d) => auditLogSchema.parse(d.data()).action)).toEqual(["comment.taken_down"]);
  });
});

describe("reactions leave", () => {
  it("both ways when one member blocks the other, with the counts", async () => {
    const { ana, ben, activityId, classId } = await anaAttended();
    // Ben attended too: Ana cheers his activity while he cheers hers.
    await admin.db.doc(paths.attendanceRecord(ben.uid, classId)).set({
      classId,
      classTitle: "Sunrise Spin",
      classStartsAt: admin.timestamp(Date.now() - 60 * 60_000),
      status: "attended",
      markedAt: admin.timestamp(Date.now()),
    });
    const bensActivity = activityIdOf("attended_class", ben.uid, classId);
    await waitForDoc(paths.feedEntry(ana.uid, bensActivity), (d) => d);
    await ben.call("giveKudos", { activityId, given: true });
    await ben.call("addComment", { activityId, commentId: "from-ben", text: "Nice!" });
    await ana.call("giveKudos", { activityId: bensActivity, given: true });
    await ana.call("addComment", { activityId: bensActivity, commentId: "from-ana", text: "You too!" });

    await setDoc(doc(ana.db, paths.block(ana.uid, ben.uid)), { blockedUid: ben.uid, createdAt: serverTimestamp() });
    await gone(paths.activityComment(activityId, "from-ben"));
    await gone(paths.activityComment(bensActivity, "from-ana"));
    await gone(paths.kudos(bensActivity, ana.uid));
    expect((await admin.db.doc(paths.kudos(activityId, ben.uid)).get()).exists).toBe(false);
    expect(await countsOf(activityId)).toEqual({ kudos: 0, comments: 0 });
    expect(await countsOf(bensActivity)).toEqual({ kudos: 0, comments: 0 });
  });

  it("with the activity when its check-in is corrected to a no-show", async () => {
    const { ana, ben, activityId, classId } = await anaAttended();
    await ben.call("giveKudos", { activityId, given: true });
    await ben.call("addComment", { activityId, commentId: "c1", text: "Nice!" });
    await admin.db.doc(paths.attendanceRecord(ana.uid, classId)).update({ status: "no_show" });
    await gone(paths.activity(activityId));
    await gone(paths.activityComment(activityId, "c1"));
    expect((await admin.db.doc(paths.kudos(activityId, ben.uid)).get()).exists).toBe(false);
    expect((await callError(ben.call("giveKudos", { activityId, given: true }))).code).toBe("functions/not-found");
  });
});

describe("addComment in process", () => {
  it("refuses without writing when the activity goes between the check and the commit", async () => {
    const { db, close } = isolatedFirestore();
    try {
      const author = `author-${uniqueId()}`;
      const reader = `reader-${uniqueId()}`;
      const activityId = `gone-${uniqueId()}`;
      const now = admin.timestamp(Date.now());
      // The reader's copy is still there; the activity itself is already gone.
      await db.doc(paths.feedEntry(reader, activityId)).set({
        activityId,
        authorId: author,
        kind: "attended_class",
        audience: "friends",
        subject: { classId: "c", classTitle: "Track Night", classStartsAt: now },
        createdAt: now,
      });
      await expect(
        addComment(db, reader, { activityId, commentId: "c1", text: "Hello" }, Date.now()),
      ).rejects.toMatchObject({ code: "not-found" });
      expect((await db.doc(paths.activityComment(activityId, "c1")).get()).exists).toBe(false);
    } finally {
      await close();
    }
  });
});

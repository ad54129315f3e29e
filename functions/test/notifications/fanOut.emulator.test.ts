/**
 * Delivering one notice to many members on every channel, driven in-process against an isolated
 * Firestore (no triggers fire there), with FCM replaced by a recording sender.
 */
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { mailSchema, notificationDeliverySchema, paths, type NoticeDraft } from "../../src/model/index.js";
import { prepareCollapsingNotice } from "../../src/notifications/collapsingStore.js";
import { deliverToMany, mailIdFor, type DeliveryOptions } from "../../src/notifications/inboxStore.js";
import { sendHeldPushes } from "../../src/notifications/housekeepingStore.js";
import { isolatedFirestore } from "../support/emulators.js";
import { failingOnce, InjectedFault } from "../support/faults.js";
import { ALL_OFF, seedMember } from "../support/notificationScenario.js";
import { RecordingPushSender } from "../support/recordingPushSender.js";

const { db, close } = isolatedFirestore("demo-numina-notifications");
afterAll(close);

const APP = "http://app.test";
// 12:00 UTC on a winter day: daytime in London and Berlin.
const NOON = Date.UTC(2025, 0, 15, 12, 0);
// 23:30 UTC: quiet in London (22:00–07:00).
const LATE = Date.UTC(2025, 0, 15, 23, 30);
const NIGHT = { start: 22 * 60, end: 7 * 60 };

let push: RecordingPushSender;
let draft: NoticeDraft;
beforeEach(() => {
  push = new RecordingPushSender();
  const classId = `yoga-${Math.random().toString(36).slice(2, 8)}`;
  draft = {
    id: `class_cancelled-${classId}`,
    type: "class_cancelled",
    title: "Cancelled: Yoga",
    body: "Yoga on Tue 4 Mar, 18:30 has been cancelled.",
    data: { classId },
    aboutUids: [],
  };
});

const options = (now = NOON) => ({ push, now: () => now, appUrl: APP });
const exists = async (path: string) => (await db.doc(path).get()).exists;
const delivery = async (uid: string, noticeId: string) =>
  notificationDeliverySchema.parse((await db.doc(paths.notificationDelivery(uid, noticeId)).get()).data());

describe("deliverToMany", () => {
  it("follows each member's wishes on every channel, with one multicast for all tokens", async () => {
    const everything = await seedMember(db, { tokens: ["tok-a1", "tok-a2"] });
    const noInApp = await seedMember(db, {
      tokens: ["tok-b"],
      channels: { class_cancelled: { inApp: false, push: true, email: true } },
    });
    const muted = await seedMember(db, { tokens: ["tok-c"], channels: { class_cancelled: ALL_OFF } });
    const noEmailAddress = await seedMember(db, { email: null, tokens: [] });

    const result = await deliverToMany(db, [everything, noInApp, muted, noEmailAddress], draft, options());

    expect(result).toEqual({ inApp: 2, pushCalls: 1, emails: 2, claimed: 4 });
    expect(await exists(paths.notification(everything, draft.id))).toBe(true);
    expect(await exists(paths.notification(noInApp, draft.id))).toBe(false);
    expect(await exists(paths.notification(muted, draft.id))).toBe(false);
    expect(await exists(paths.notification(noEmailAddress, draft.id))).toBe(true);

    expect(push.sent).toEqual([
      {
        tokens: ["tok-a1", "tok-a2", "tok-b"],
        notification: { title: "Cancelled: Yoga", body: "Yoga on Tue 4 Mar, 18:30 has been cancelled." },
        data: { classId: draft.data["classId"], type: "class_cancelled", noticeId: draft.id },
        webpush: { fcmOptions: { link: `${APP}/classes/${draft.data["classId"]}` } },
        android: { collapseKey: draft.id, notification: { tag: draft.id } },
        apns: { headers: { "apns-collapse-id": draft.id } },
      },
    ]);

    const mail = mailSchema.parse((await db.doc(paths.mail(mailIdFor(draft.id, everything))).get()).data());
    expect(mail).toMatchObject({
      to: `${everything}@numina.test`,
      kind: "class_cancelled",
      unsubscribe: { uid: everything, topic: "class_cancelled" },
      delivery: { state: "PENDING", attempts: 0 },
    });
    expect(mail.message.subject).toBe("Cancelled: Yoga");
    expect(await exists(paths.mail(mailIdFor(draft.id, muted)))).toBe(false);

    expect(await delivery(everything, draft.id)).toMatchObject({
      inApp: true,
      push: "sent",
      mailId: mailIdFor(draft.id, everything),
    });
    expect(await delivery(muted, draft.id)).toMatchObject({ inApp: false, push: "off", mailId: null });
    expect(await delivery(noEmailAddress, draft.id)).toMatchObject({ push: "no-device", mailId: null });
  });

  it("tells nobody twice when the same event is delivered again, even concurrently", async () => {
    const uids = await Promise.all([1, 2, 3].map(() => seedMember(db, { tokens: [`t-${Math.random()}`] })));
    const [first, second] = await Promise.all([
      deliverToMany(db, uids, draft, options()),
      deliverToMany(db, uids, draft, options()),
    ]);
    const third = await deliverToMany(db, uids, draft, options());
    expect(first.claimed + second.claimed).toBe(3);
    expect(third).toEqual({ inApp: 0, pushCalls: 0, emails: 0, claimed: 0 });
    expect(push.tokensSent().sort()).toEqual(
      (
        await Promise.all(
          uids.map(async (uid) => (await db.collection(paths.devices(uid)).get()).docs[0]?.get("token") as string),
        )
      ).sort(),
    );
  });

  it("tells each member once when the first run failed after claiming them, and pushes at most once", async () => {
    const uids = await Promise.all([1, 2].map((n) => seedMember(db, { tokens: [`retry-${n}`] })));
    const faulty = failingOnce(db, { commit: 1, when: "after" });
    await expect(deliverToMany(faulty.db, uids, draft, options())).rejects.toThrow(InjectedFault);

    expect(await deliverToMany(db, uids, draft, options())).toEqual({ inApp: 0, pushCalls: 0, emails: 0, claimed: 0 });
    for (const uid of uids) {
      expect(await exists(paths.notification(uid, draft.id))).toBe(true);
      expect(await exists(paths.mail(mailIdFor(draft.id, uid)))).toBe(true);
      // Claimed before FCM was called, and never pushed: a lost push, not a doubled one.
      expect(await delivery(uid, draft.id)).toMatchObject({ push: "pending" });
    }
    expect(push.sent).toEqual([]);
  });

  it("deletes the devices whose tokens FCM reports dead, for each documented code, and keeps the rest", async () => {
    const uid = await seedMember(db, { tokens: ["alive", "unregistered", "invalid", "malformed", "unavailable"] });
    push.failures.set("unregistered", "messaging/registration-token-not-registered");
    push.failures.set("invalid", "messaging/invalid-registration-token");
    push.failures.set("malformed", "messaging/invalid-argument");
    push.failures.set("unavailable", "messaging/server-unavailable");

    await deliverToMany(db, [uid], draft, options());

    const left = (await db.collection(paths.devices(uid)).get()).docs.map((d) => d.get("token") as string);
    expect(left.sort()).toEqual(["alive", "unavailable"]);
    expect(await delivery(uid, draft.id)).toMatchObject({ push: "sent" });
  });

  it("records a push that reached no device as failed", async () => {
    const uid = await seedMember(db, { tokens: ["gone"] });
    push.failures.set("gone", "messaging/registration-token-not-registered");
    await deliverToMany(db, [uid], draft, options());
    expect(await delivery(uid, draft.id)).toMatchObject({ push: "failed" });
  });
});

describe("quiet hours", () => {
  it("holds a cancellation's push until quiet hours end in the member's zone, then sends it once", async () => {
    const london = await seedMember(db, { tokens: ["tok-london"], quietHours: NIGHT });
    const lisbonDay = await seedMember(db, { tokens: ["tok-day"], quietHours: { start: 60, end: 120 } });

    await deliverToMany(db, [london, lisbonDay], draft, options(LATE));
    expect(push.tokensSent()).toEqual(["tok-day"]);
    expect(await exists(paths.notification(london, draft.id))).toBe(true);
    expect(await delivery(london, draft.id)).toMatchObject({ push: "waiting" });

    expect(await sendHeldPushes(db, push, LATE + 60 * 60_000, APP)).toBe(0);
    const morning = Date.UTC(2025, 0, 16, 7, 0);
    await sendHeldPushes(db, push, morning, APP);
    await sendHeldPushes(db, push, morning, APP);
    expect(push.tokensSent()).toEqual(["tok-day", "tok-london"]);
    expect(push.sent[1]?.notification).toEqual({ title: draft.title, body: draft.body });
    expect(await delivery(london, draft.id)).toMatchObject({ push: "sent", notice: null });
  });

  it("drops a reminder's push during quiet hours, and still shows it in the app", async () => {
    const uid = await seedMember(db, { tokens: ["tok"], quietHours: NIGHT });
    const reminder: NoticeDraft = {
      ...draft,
      id: `class_reminder-1h-${draft.data["classId"]}`,
      type: "class_reminder",
    };
    await deliverToMany(db, [uid], reminder, options(LATE));
    expect(push.sent).toEqual([]);
    expect(await exists(paths.notification(uid, reminder.id))).toBe(true);
    expect(await delivery(uid, reminder.id)).toMatchObject({ push: "quiet-hours" });
  });
});

describe("collapsing notices", () => {
  /** As the message trigger applies one: the in-app writes in a batch of its own, then the push. */
  const notifyCollapsing = async (uid: string, draft: NoticeDraft, opts: DeliveryOptions) => {
    const notice = await prepareCollapsingNotice(db, [uid], draft, opts);
    const batch = db.batch();
    for (const write of notice.inApp) write(batch);
    await batch.commit();
    await notice.push();
  };
  const message = (text: string): NoticeDraft => ({
    id: "message-conv-1",
    type: "message",
    title: "Bob",
    body: text,
    data: { conversationId: "conv-1" },
    aboutUids: ["bob"],
  });

  it("keeps one unread notice per conversation, counting the burst, and pushes under one collapse key", async () => {
    const uid = await seedMember(db, { tokens: ["tok"] });
    await notifyCollapsing(uid, message("Hi"), options());
    await db.doc(paths.notification(uid, "message-conv-1")).update({ read: true });
    await notifyCollapsing(uid, message("Are you coming?"), options());
    await notifyCollapsing(uid, message("See you at 7"), options());

    const notices = await db.collection(paths.notifications(uid)).get();
    expect(notices.size).toBe(1);
    expect(notices.docs[0]?.data()).toMatchObject({ body: "See you at 7", read: false, count: 3 });
    expect(push.sent.map((m) => [m.notification.body, m.android.collapseKey])).toEqual([
      ["Hi", "conversation-conv-1"],
      ["Are you coming?", "conversation-conv-1"],
      ["See you at 7", "conversation-conv-1"],
    ]);
    expect(await db.collection("mail").where("uid", "==", uid).get()).toHaveProperty("size", 0);
  });

  it("obeys the member's switches and drops message pushes in quiet hours", async () => {
    const silent = await seedMember(db, { tokens: ["tok-s"], channels: { message: ALL_OFF } });
    const sleeping = await seedMember(db, { tokens: ["tok-q"], quietHours: NIGHT });
    await notifyCollapsing(silent, message("Hi"), options());
    await notifyCollapsing(sleeping, message("Hi"), options(LATE));
    expect(await exists(paths.notification(silent, "message-conv-1"))).toBe(false);
    expect(await exists(paths.notification(sleeping, "message-conv-1"))).toBe(true);
    expect(push.sent).toEqual([]);
  });
});

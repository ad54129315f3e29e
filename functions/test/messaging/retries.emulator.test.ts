/**
 * Messaging's trigger bodies failing once part-way, then run again as the redelivered event:
 * in-process against an isolated Firestore (no triggers fire there), the failure injected at a
 * commit (support/faults.ts).
 */
import { randomUUID } from "node:crypto";
import { Timestamp } from "firebase-admin/firestore";
import { afterAll, describe, expect, it } from "vitest";
import { syncClassChatMember } from "../../src/messaging/conversationStore.js";
import { recordMessage } from "../../src/messaging/messageStore.js";
import { classConversationId, messageSchema, paths } from "../../src/model/index.js";
import { refs } from "../../src/shared/refs.js";
import { testClassDoc } from "../support/classFixture.js";
import { isolatedFirestore } from "../support/emulators.js";
import { seedGroup } from "../support/messageBurst.js";
import { failingOnce, InjectedFault } from "../support/faults.js";
import { seedMember } from "../support/notificationScenario.js";
import { RecordingPushSender } from "../support/recordingPushSender.js";

const { db, close } = isolatedFirestore("demo-numina-messaging-retries");
afterAll(close);

describe("a new message whose trigger fails once and is delivered again", () => {
  it.each(["before", "after"] as const)(
    "is counted and noticed exactly once when its commit fails %s writing",
    async (when) => {
      const [ana = "", ben = "", cy = ""] = await Promise.all(
        ["ana", "ben", "cy"].map((name) => seedMember(db, { tokens: [name] })),
      );
      const members = [ana, ben, cy];
      const conversationId = await seedGroup(db, members);
      const messageId = `msg-${randomUUID().slice(0, 8)}`;
      const data = { senderId: ana, text: "Run at 7?", createdAt: Timestamp.now() };
      await db.doc(paths.message(conversationId, messageId)).create(data); // as a client writes it
      const message = messageSchema.parse(data);
      const push = new RecordingPushSender();

      const faulty = failingOnce(db, { commit: 1, when });
      await expect(recordMessage(faulty.db, conversationId, messageId, message, { push })).rejects.toThrow(
        InjectedFault,
      );
      const redelivered = await recordMessage(db, conversationId, messageId, message, { push });
      const third = await recordMessage(db, conversationId, messageId, message, { push });

      // Refused before writing: the redelivery applies it. Written: the redelivery finds the receipt.
      expect(redelivered.status).toBe(when === "before" ? "applied" : "duplicate");
      expect(third.status).toBe("duplicate");
      const conversation = (await refs(db).conversation(conversationId).get()).data();
      expect(conversation?.unreadCounts).toEqual({ [ana]: 0, [ben]: 1, [cy]: 1 });
      expect(conversation?.lastMessage?.text).toBe("Run at 7?");
      for (const uid of [ben, cy]) {
        const notices = await refs(db).notifications(uid).get();
        expect(notices.docs.map((d) => [d.id, d.data().count])).toEqual([[`message-${conversationId}`, 1]]);
      }
      expect((await refs(db).notifications(ana).get()).size).toBe(0);
      // Push is at most once: sent by the run whose commit applied the message, never by a redelivery.
      expect(push.tokensSent().sort()).toEqual(when === "before" ? ["ben", "cy"] : []);
    },
  );
});

describe("a message delivered again after it was applied, arriving beside new ones", () => {
  it("is a duplicate, and the new ones it arrived with are each applied once", async () => {
    const [ana = "", ben = "", cy = ""] = await Promise.all(
      ["ana", "ben", "cy"].map((name) => seedMember(db, { tokens: [`late-${name}`] })),
    );
    const conversationId = await seedGroup(db, [ana, ben, cy]);
    const send = async (senderId: string, text: string) => {
      const messageId = `msg-${randomUUID().slice(0, 8)}`;
      const data = { senderId, text, createdAt: Timestamp.now() };
      await db.doc(paths.message(conversationId, messageId)).create(data);
      return { messageId, message: messageSchema.parse(data) };
    };
    const push = new RecordingPushSender();
    const first = await send(ana, "Run at 7?");
    expect((await recordMessage(db, conversationId, first.messageId, first.message, { push })).status).toBe("applied");
    const second = await send(ben, "Yes");
    const third = await send(cy, "Me too");

    // All three reach one group: its commit meets the first one's receipt and applies the others.
    const outcomes = await Promise.all(
      [first, second, third].map((m) => recordMessage(db, conversationId, m.messageId, m.message, { push })),
    );

    expect(outcomes.map((o) => o.status)).toEqual(["duplicate", "applied", "applied"]);
    const conversation = (await refs(db).conversation(conversationId).get()).data();
    expect(conversation?.unreadCounts).toEqual({ [ana]: 2, [ben]: 2, [cy]: 2 });
    expect(conversation?.lastMessage?.text).toBe("Me too");
    for (const uid of [ana, ben, cy]) {
      const notice = (await refs(db).notification(uid, `message-${conversationId}`).get()).data();
      expect(notice?.count, uid).toBe(2);
    }
    expect((await refs(db).messageReceipt(conversationId, "any").parent.count().get()).data().count).toBe(3);
  });
});

describe("a class chat sync that fails once and is delivered again", () => {
  it("adds the member once, after a run that created the chat and then failed", async () => {
    const classId = `retry-class-${randomUUID().slice(0, 8)}`;
    const coach = `coach-${randomUUID().slice(0, 8)}`;
    const member = `member-${randomUUID().slice(0, 8)}`;
    await db.doc(paths.class(classId)).set(testClassDoc({ instructorId: coach, title: "Canal 5k" }));
    const now = Timestamp.now();
    await refs(db).attendee(classId, member).set({
      uid: member,
      classId,
      status: "confirmed",
      ticket: 1,
      joinedAt: now,
      updatedAt: now,
      promotedAt: null,
      checkedInAt: null,
      classTitle: "Canal 5k",
      classStartsAt: now,
    });

    const faulty = failingOnce(db, { commit: 1, when: "after" });
    await expect(syncClassChatMember(faulty.db, classId, member)).rejects.toThrow(InjectedFault);
    const chat = refs(db).conversation(classConversationId(classId));
    expect((await chat.get()).data()?.memberIds).toEqual([coach]);

    expect(await syncClassChatMember(db, classId, member)).toBe("added");
    expect(await syncClassChatMember(db, classId, member)).toBe("unchanged");
    const conversation = (await chat.get()).data();
    expect(conversation?.memberIds).toEqual([coach, member]);
    expect(conversation?.unreadCounts).toEqual({ [coach]: 0, [member]: 0 });
  });
});

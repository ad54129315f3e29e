/**
 * A collapsing notice (new messages in a chat) once the member has read the chat: read when it
 * stands only for what they saw, unread when a newer message refreshed it. In process against an
 * isolated Firestore.
 */
import { randomUUID } from "node:crypto";
import { Timestamp } from "firebase-admin/firestore";
import { afterAll, describe, expect, it } from "vitest";
import { paths, type Notification } from "../../src/model/index.js";
import { markCollapsingNoticeSeen } from "../../src/notifications/index.js";
import { isolatedFirestore } from "../support/emulators.js";

const { db, close } = isolatedFirestore("demo-numina-collapsing-notices");
afterAll(close);

const NOTICE = "message-chat-1";
const notice = (createdAtMs: number): Notification => ({
  type: "message",
  title: "New message from Ben",
  body: "Run at 7?",
  createdAt: Timestamp.fromMillis(createdAtMs),
  read: false,
  data: { conversationId: "chat-1" },
  count: 4,
  aboutUids: ["ben"],
});

describe("markCollapsingNoticeSeen", () => {
  it("marks read a notice the member has read past, and its next count starts again", async () => {
    const uid = `member-${randomUUID().slice(0, 8)}`;
    await db.doc(paths.notification(uid, NOTICE)).set(notice(1_000));

    expect(await markCollapsingNoticeSeen(db, uid, NOTICE, 2_000)).toBe(true);
    const stored = (await db.doc(paths.notification(uid, NOTICE)).get()).data();
    expect(stored?.["read"]).toBe(true);
    expect(stored?.["count"]).toBeUndefined();
    expect(stored?.["body"]).toBe("Run at 7?");
    // Seen twice (a redelivered event): nothing more to do.
    expect(await markCollapsingNoticeSeen(db, uid, NOTICE, 2_000)).toBe(false);
  });

  it("leaves unread a notice refreshed after the member's read mark", async () => {
    const uid = `member-${randomUUID().slice(0, 8)}`;
    await db.doc(paths.notification(uid, NOTICE)).set(notice(3_000));

    expect(await markCollapsingNoticeSeen(db, uid, NOTICE, 2_000)).toBe(false);
    const stored = (await db.doc(paths.notification(uid, NOTICE)).get()).data();
    expect(stored?.["read"]).toBe(false);
    expect(stored?.["count"]).toBe(4);
  });

  it("creates nothing for a member who had no notice of the chat", async () => {
    const uid = `member-${randomUUID().slice(0, 8)}`;
    expect(await markCollapsingNoticeSeen(db, uid, NOTICE, 2_000)).toBe(false);
    expect((await db.doc(paths.notification(uid, NOTICE)).get()).exists).toBe(false);
  });
});

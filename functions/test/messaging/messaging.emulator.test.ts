import { randomUUID } from "node:crypto";
import { FieldValue } from "firebase-admin/firestore";
import { doc, serverTimestamp, updateDoc } from "firebase/firestore";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeConversation, openDirectConversation } from "../../src/messaging/conversationStore.js";
import { recordMessage } from "../../src/messaging/messageStore.js";
import {
  classConversationId,
  membersOfPair,
  messageSchema,
  pairIdOf,
  paths,
  reportSchema,
  type ReportMessageRequest,
  type ReportResponse,
  type RsvpResponse,
} from "../../src/model/index.js";
import { admin, callError, closeAdmin, createTestUser, shownMessage, waitForDoc } from "../support/emulators.js";
import { conversationIn, openDirect, send } from "../support/messagingScenario.js";
import { createClass, notificationsOf, signedInMembers, type Client } from "../support/scenarios.js";

type Member = Client & { uid: string };
let alice: Member;
let bob: Member;
let cara: Member;
let dan: Member;

beforeAll(async () => {
  [alice, bob, cara, dan] = (await signedInMembers(4)) as [Member, Member, Member, Member];
  // Provisioning runs in the same Functions emulator: let it finish so the message trigger is not queued behind it.
  await Promise.all([alice, bob, cara, dan].map((m) => waitForDoc(paths.user(m.uid), (d) => d, 60_000)));
}, 90_000);
afterAll(async () => {
  await Promise.all([alice, bob, cara, dan].map((m) => m?.close()));
  await closeAdmin();
});

/** The first trigger of a run waits for a Functions emulator worker to start: allow for it. */
const TRIGGER_TIMEOUT = 45_000;

const unreadOf = (conversationId: string, uid: string, expected: number) =>
  waitForDoc(
    paths.conversation(conversationId),
    (data) => ((data?.["unreadCounts"] as Record<string, number> | undefined)?.[uid] === expected ? true : undefined),
    TRIGGER_TIMEOUT,
  );

describe("direct conversations opened and closed by matching", () => {
  it("initialises counts and preview on the first open, and keeps history, counts and mutes on a reopen", async () => {
    const [a, b] = [`a-${randomUUID()}`, `b-${randomUUID()}`];
    const id = await openDirect(admin.db, a, b);
    let conversation = await conversationIn(admin.db, id);
    expect(conversation).toMatchObject({ type: "direct", status: "open", lastMessage: null, title: null });
    expect(conversation.memberIds.sort()).toEqual([a, b].sort());
    expect(conversation.unreadCounts).toEqual({ [a]: 0, [b]: 0 });
    expect((await admin.db.doc(paths.conversationMember(id, a)).get()).data()).toEqual({ uid: a, left: false });

    // Some history, then an unmatch and a new match.
    const sentAt = admin.timestamp(Date.now());
    await admin.db.doc(paths.conversation(id)).update({
      [`unreadCounts.${a}`]: 2,
      lastMessage: { text: "hi", senderId: b, sentAt },
    });
    await admin.db.doc(paths.conversationMember(id, a)).update({ muted: true });
    await admin.db.runTransaction((tx) => Promise.resolve(closeConversation(admin.db, tx, id)));
    expect((await conversationIn(admin.db, id)).status).toBe("closed");

    await openDirect(admin.db, a, b);
    conversation = await conversationIn(admin.db, id);
    expect(conversation.status).toBe("open");
    expect(conversation.unreadCounts).toEqual({ [a]: 2, [b]: 0 });
    expect(conversation.lastMessage?.text).toBe("hi");
    expect((await admin.db.doc(paths.conversationMember(id, a)).get()).get("muted")).toBe(true);
  });

  it("opens inside a transaction after the caller's own reads", async () => {
    const [a, b] = [`a-${randomUUID()}`, `b-${randomUUID()}`];
    const id = await admin.db.runTransaction(async (tx) => {
      await tx.get(admin.db.doc(paths.user(a))); // the match trigger reads first, then writes
      return openDirectConversation(admin.db, tx, { pairId: pairIdOf(a, b), userIds: membersOfPair(a, b) });
    });
    expect((await conversationIn(admin.db, id)).status).toBe("open");
  });
});

describe("sending in a direct conversation (through the rules and the message trigger)", () => {
  let id: string;
  beforeAll(async () => {
    id = await openDirect(admin.db, alice.uid, bob.uid);
  });

  it(
    "counts unread messages, previews the latest, and collapses notices into one per conversation",
    { timeout: 90_000 },
    async () => {
      await send(bob, id, "Morning run tomorrow?");
      await send(bob, id, "I'm thinking 7am");
      await send(bob, id, "By the canal");
      await unreadOf(id, alice.uid, 3);
      await waitForDoc(paths.notification(alice.uid, `message-${id}`), (d) => (d?.["count"] === 3 ? d : undefined));
      const conversation = await conversationIn(admin.db, id);
      expect(conversation.unreadCounts[bob.uid]).toBe(0);
      expect(conversation.lastMessage).toMatchObject({ text: "By the canal", senderId: bob.uid });

      const notices = (await notificationsOf(alice.uid)).filter((n) => n.type === "message");
      expect(notices.map((n) => n.id)).toEqual([`message-${id}`]);
      const stored = await admin.db.doc(paths.notification(alice.uid, `message-${id}`)).get();
      expect(stored.get("count")).toBe(3);
      expect(stored.get("body")).toBe("By the canal");
      expect(stored.get("data")).toEqual({ conversationId: id });
      expect((await notificationsOf(bob.uid)).filter((n) => n.type === "message")).toHaveLength(0);
    },
  );

  it("clears the reader's count and marks their notice of the chat read when they read it", async () => {
    await updateDoc(doc(alice.db, paths.conversationMember(id, alice.uid)), { lastReadAt: serverTimestamp() });
    await unreadOf(id, alice.uid, 0);
    const seen = await waitForDoc(paths.notification(alice.uid, `message-${id}`), (d) =>
      d?.["read"] === true ? d : undefined,
    );
    // The next message starts the notice's count again.
    expect(seen["count"]).toBeUndefined();
    await send(bob, id, "See you at the bridge");
    const fresh = await waitForDoc(paths.notification(alice.uid, `message-${id}`), (d) =>
      d?.["read"] === false ? d : undefined,
    );
    expect(fresh["count"]).toBe(1);
    expect(fresh["body"]).toBe("See you at the bridge");
    await updateDoc(doc(alice.db, paths.conversationMember(id, alice.uid)), { lastReadAt: serverTimestamp() });
    await unreadOf(id, alice.uid, 0);
  });

  it("never duplicates a resent message: the second create is refused, a redelivered event counts nothing", async () => {
    const messageId = await send(alice, id, "Deal, see you there");
    await unreadOf(id, bob.uid, 1);
    await expect(send(alice, id, "Deal, see you there", messageId)).rejects.toMatchObject({
      code: "permission-denied",
    });
    // The trigger delivered again (at-least-once): nothing moves.
    const redelivered = await recordMessage(
      admin.db,
      id,
      messageId,
      messageSchema.parse((await admin.db.doc(paths.message(id, messageId)).get()).data()),
    );
    expect(redelivered.status).toBe("duplicate");
    expect((await conversationIn(admin.db, id)).unreadCounts[bob.uid]).toBe(1);
    expect((await admin.db.collection(paths.messages(id)).where("text", "==", "Deal, see you there").get()).size).toBe(
      1,
    );
  });

  it("files one report per reporter per message, with the text copied; bad input names the field", async () => {
    const messageId = await send(bob, id, "Something rude");
    const report = (input: ReportMessageRequest) =>
      alice.call<ReportMessageRequest, ReportResponse>("reportMessage", input);
    const first = await report({ conversationId: id, messageId, reason: "harassment", details: "Not OK" });
    const second = await report({ conversationId: id, messageId, reason: "spam" });
    expect(second).toEqual({ reportId: first.reportId, alreadyReported: true });
    const stored = reportSchema.parse((await admin.db.doc(paths.report(first.reportId)).get()).data());
    expect(stored).toMatchObject({
      reporterId: alice.uid,
      subjectUid: bob.uid,
      subjectKind: "message",
      reason: "harassment",
      messageText: "Something rude",
      status: "open",
    });

    const invalid = await callError(
      alice.call("reportMessage", { conversationId: id, messageId, reason: "boring", details: "" }),
    );
    expect(invalid.code).toBe("functions/invalid-argument");
    expect(shownMessage(invalid)).toContain("reason");
    const outsider = await callError(cara.call("reportMessage", { conversationId: id, messageId, reason: "spam" }));
    expect(outsider.code).toBe("functions/not-found");
  });

  it("answers invalid-argument naming the field when an id cannot be a document id", async () => {
    const leave = await callError(alice.call("leaveConversation", { conversationId: "a/b" }));
    expect(leave.code).toBe("functions/invalid-argument");
    expect(shownMessage(leave)).toContain("conversationId:");
    const report = await callError(
      alice.call("reportMessage", { conversationId: id, messageId: "..", reason: "spam", details: "" }),
    );
    expect(report.code).toBe("functions/invalid-argument");
    expect(shownMessage(report)).toContain("messageId:");
  });
});

describe("a class's group conversation follows its RSVPs", () => {
  it("holds the instructor and the seated, not the waitlist; moves with cancellations; leaving is for good; closes on cancel", async () => {
    const instructor = await createTestUser({ role: "instructor", label: "coach" });
    const classId = await createClass({ capacity: 2, instructorId: instructor.uid, title: "Canal 5k" });
    const chat = classConversationId(classId);
    const members = (want: string[]) =>
      waitForDoc(paths.conversation(chat), (data) => {
        const ids = [...((data?.["memberIds"] as string[] | undefined) ?? [])].sort();
        return JSON.stringify(ids) === JSON.stringify([...want].sort()) ? data : undefined;
      });

    for (const m of [alice, bob, cara]) await m.call<{ classId: string }, RsvpResponse>("rsvpClass", { classId });
    const conversation = await members([instructor.uid, alice.uid, bob.uid]);
    expect(conversation).toMatchObject({ type: "group", title: "Canal 5k", classId, status: "open" });

    // Bob cancels: he leaves the chat and Cara, promoted from the waitlist, joins it.
    await bob.call("cancelRsvp", { classId });
    await members([instructor.uid, alice.uid, cara.uid]);

    // Cara leaves the chat herself; a later RSVP change does not bring her back.
    await cara.call("leaveConversation", { conversationId: chat });
    await members([instructor.uid, alice.uid]);
    await admin.db.doc(paths.attendee(classId, cara.uid)).update({ updatedAt: FieldValue.serverTimestamp() });
    await admin.db.doc(paths.class(classId)).update({ capacity: 3 });
    await dan.call("rsvpClass", { classId });
    await members([instructor.uid, alice.uid, dan.uid]);
    expect((await conversationIn(admin.db, chat)).unreadCounts).not.toHaveProperty(cara.uid);

    // A muted member is counted but not notified.
    await updateDoc(doc(dan.db, paths.conversationMember(chat, dan.uid)), { muted: true });
    await send(alice, chat, "Who's bringing water?");
    await unreadOf(chat, dan.uid, 1);
    await unreadOf(chat, instructor.uid, 1);
    await waitForDoc(paths.notification(instructor.uid, `message-${chat}`), (d) => d);
    expect((await admin.db.doc(paths.notification(dan.uid, `message-${chat}`)).get()).exists).toBe(false);

    const direct = await callError(
      alice.call("leaveConversation", { conversationId: await openDirect(admin.db, alice.uid, dan.uid) }),
    );
    expect(direct.code).toBe("functions/failed-precondition");

    await admin.db.doc(paths.class(classId)).update({ status: "cancelled" });
    await waitForDoc(paths.conversation(chat), (data) => (data?.["status"] === "closed" ? true : undefined));
    await expect(send(alice, chat, "Oh no")).rejects.toMatchObject({ code: "permission-denied" });
  }, 120_000);
});

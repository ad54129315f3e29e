/**
 * conversations/{id}, its messages and its members' state. Members read; members send messages
 * as themselves at the server's time into open conversations, unless the other side of a direct
 * conversation blocked them, each with their messages-per-minute count; only the sender deletes
 * (through a callable, which keeps evidence); each member writes only their
 * own read mark, mute and typing state; everything else (membership, counts, preview) is
 * server-owned.
 */
import type { RulesTestEnvironment } from "@firebase/rules-unit-testing";
import {
  collection,
  deleteDoc,
  doc,
  getDoc,
  getDocs,
  query,
  serverTimestamp,
  setDoc,
  Timestamp,
  updateDoc,
  where,
  writeBatch,
} from "firebase/firestore";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  classConversationId,
  DEFAULT_MESSAGES_PER_MINUTE,
  paths,
  type Conversation,
  type MessageQuotaPlan,
} from "../../functions/src/model/index.js";
import { sendCounted, type OutgoingMessage } from "../../functions/test/support/countedMessage.js";
import {
  daysFromNow,
  expectAllowed,
  firestoreAs,
  firestoreTestEnv,
  PERSONAS,
  seed,
  STALE_TIME,
  UID,
  type Persona,
} from "./support.js";

let env: RulesTestEnvironment;

/** alice (owner) and bob (otherMember) matched; alice is also in ivy's class chat. ada (admin) is in neither. */
const DIRECT_ID = `${UID.owner}_${UID.otherMember}`;
const GROUP_ID = classConversationId("yoga-1");
const DIRECT = paths.conversation(DIRECT_ID);
const BOBS_MESSAGE = paths.message(DIRECT_ID, "m-bob");
const ALICES_MESSAGE = paths.message(DIRECT_ID, "m-alice");

function conversation(overrides: Partial<Conversation>): Conversation {
  return {
    type: "direct",
    memberIds: [UID.owner, UID.otherMember],
    title: null,
    status: "open",
    matchId: DIRECT_ID,
    classId: null,
    lastMessage: null,
    unreadCounts: { [UID.owner]: 0, [UID.otherMember]: 0 },
    createdAt: daysFromNow(-2),
    updatedAt: daysFromNow(-1),
    ...overrides,
  };
}

const storedMessage = (senderId: string, text = "See you at 7?") => ({
  senderId,
  text,
  createdAt: daysFromNow(-1),
});
const newMessage = (senderId: string, text = "On my way") => ({ senderId, text, createdAt: serverTimestamp() });

beforeAll(async () => {
  env = await firestoreTestEnv("conversations");
});
afterAll(async () => {
  await env.cleanup();
});
beforeEach(async () => {
  await env.clearFirestore();
  await seed(env, {
    [DIRECT]: conversation({}),
    [paths.conversation(GROUP_ID)]: conversation({
      type: "group",
      memberIds: [UID.instructor, UID.owner],
      title: "Sunrise yoga",
      matchId: null,
      classId: "yoga-1",
      unreadCounts: { [UID.instructor]: 0, [UID.owner]: 0 },
    }),
    [BOBS_MESSAGE]: storedMessage(UID.otherMember),
    [ALICES_MESSAGE]: storedMessage(UID.owner, "Yes!"),
    [paths.conversationMember(DIRECT_ID, UID.owner)]: { uid: UID.owner, left: false },
    [paths.conversationMember(DIRECT_ID, UID.otherMember)]: { uid: UID.otherMember, left: false },
  });
});

// Who is in the direct conversation between alice and bob.
const inDirect: Readonly<Record<Persona, boolean>> = {
  anonymous: false,
  owner: true,
  otherMember: true,
  instructor: false,
  admin: false,
};

describe("conversations/{id}", () => {
  it.each(PERSONAS)("get the direct conversation as %s", async (persona) => {
    await expectAllowed(getDoc(doc(firestoreAs(env, persona), DIRECT)), inDirect[persona]);
  });

  it.each(PERSONAS)("list my conversations (array-contains my uid) as %s", async (persona) => {
    const db = firestoreAs(env, persona);
    const me = persona === "anonymous" ? "nobody" : UID[persona];
    await expectAllowed(
      getDocs(query(collection(db, "conversations"), where("memberIds", "array-contains", me))),
      persona !== "anonymous",
    );
  });

  it("refuses a list that does not filter on membership, even for an admin", async () => {
    await expectAllowed(getDocs(collection(firestoreAs(env, "admin"), "conversations")), false);
    await expectAllowed(getDocs(collection(firestoreAs(env, "owner"), "conversations")), false);
  });

  it.each(PERSONAS)("nobody writes unreadCounts, members or status: %s", async (persona) => {
    const db = firestoreAs(env, persona);
    await expectAllowed(updateDoc(doc(db, DIRECT), { [`unreadCounts.${UID.owner}`]: 0 }), false);
    await expectAllowed(updateDoc(doc(db, DIRECT), { memberIds: [UID.owner, UID.otherMember, UID.admin] }), false);
    await expectAllowed(setDoc(doc(db, paths.conversation("new-one")), conversation({})), false);
    await expectAllowed(deleteDoc(doc(db, DIRECT)), false);
  });
});

describe("messages: read", () => {
  it.each(PERSONAS)("read a message of the direct conversation as %s", async (persona) => {
    await expectAllowed(getDoc(doc(firestoreAs(env, persona), BOBS_MESSAGE)), inDirect[persona]);
  });

  it.each(PERSONAS)("list the history as %s", async (persona) => {
    await expectAllowed(getDocs(collection(firestoreAs(env, persona), paths.messages(DIRECT_ID))), inDirect[persona]);
  });
});

/** Sends as the client does: the message with the sender's messages-per-minute count, one batch. */
function sendAs(
  persona: Persona,
  conversationId: string,
  messageId: string,
  message: OutgoingMessage,
  plan?: MessageQuotaPlan,
) {
  const uid = persona === "anonymous" ? "nobody" : UID[persona];
  return sendCounted(firestoreAs(env, persona), uid, conversationId, messageId, message, plan);
}

describe("messages: send", () => {
  it.each(PERSONAS)("send a message as %s (as themselves)", async (persona) => {
    const me = persona === "anonymous" ? "nobody" : UID[persona];
    await expectAllowed(sendAs(persona, DIRECT_ID, `new-${persona}`, newMessage(me)), inDirect[persona]);
  });

  it("lets a class chat member send into the group, and refuses a non-member", async () => {
    await expectAllowed(sendAs("instructor", GROUP_ID, "g1", newMessage(UID.instructor)), true);
    await expectAllowed(sendAs("otherMember", GROUP_ID, "g2", newMessage(UID.otherMember)), false);
  });

  it("refuses a forged senderId", async () => {
    await expectAllowed(sendAs("owner", DIRECT_ID, "forged", newMessage(UID.otherMember)), false);
  });

  it("refuses a client-chosen createdAt (backdated or future)", async () => {
    const at = (createdAt: Timestamp) => ({ senderId: UID.owner, text: "hi", createdAt });
    await expectAllowed(sendAs("owner", DIRECT_ID, "old", at(STALE_TIME)), false);
    await expectAllowed(sendAs("owner", DIRECT_ID, "future", at(daysFromNow(1))), false);
  });

  it("refuses empty, blank and over-long text, and extra fields", async () => {
    const send = (id: string, data: OutgoingMessage) => sendAs("owner", DIRECT_ID, id, data);
    await expectAllowed(send("empty", newMessage(UID.owner, "")), false);
    await expectAllowed(send("blank", newMessage(UID.owner, "   ")), false);
    await expectAllowed(send("long", newMessage(UID.owner, "x".repeat(2001))), false);
    await expectAllowed(send("max", newMessage(UID.owner, "x".repeat(2000))), true);
    await expectAllowed(send("extra", { ...newMessage(UID.owner), deleted: false }), false);
    await expectAllowed(send("number", { ...newMessage(UID.owner), text: 42 }), false);
  });

  it("refuses a second create of the same id (a resend never duplicates or overwrites)", async () => {
    await expectAllowed(sendAs("owner", DIRECT_ID, "resend", newMessage(UID.owner, "first")), true);
    await expectAllowed(sendAs("owner", DIRECT_ID, "resend", newMessage(UID.owner, "first")), false);
    await expectAllowed(sendAs("owner", DIRECT_ID, "resend", newMessage(UID.owner, "changed")), false);
  });

  it("refuses a message to someone who blocked the sender, but not the other way round", async () => {
    await seed(env, { [paths.block(UID.otherMember, UID.owner)]: { createdAt: daysFromNow(0) } });
    await expectAllowed(sendAs("owner", DIRECT_ID, "blocked", newMessage(UID.owner)), false);
    // bob blocked alice; he can still write (the matching feature closes the chat on block).
    await expectAllowed(sendAs("otherMember", DIRECT_ID, "blocker", newMessage(UID.otherMember)), true);
  });

  it("refuses messages once the conversation is closed", async () => {
    await seed(env, { [DIRECT]: conversation({ status: "closed" }) });
    await expectAllowed(sendAs("owner", DIRECT_ID, "late", newMessage(UID.owner)), false);
  });
});

describe("messages per minute (users/{uid}/private/messageQuota)", () => {
  const QUOTA = paths.messageQuota(UID.owner);
  const quota = (windowStartedAt: Timestamp, count: number) => ({
    windowStartedAt,
    count,
    conversationId: "c",
    messageId: "m",
  });
  const secondsAgo = (s: number) => Timestamp.fromMillis(Date.now() - s * 1000);

  it("refuses a message sent without its count", async () => {
    const db = firestoreAs(env, "owner");
    await expectAllowed(setDoc(doc(db, paths.message(DIRECT_ID, "uncounted")), newMessage(UID.owner)), false);
  });

  it("sends the limit in a minute, refuses one more and writes nothing", async () => {
    await seed(env, { [QUOTA]: quota(secondsAgo(10), DEFAULT_MESSAGES_PER_MINUTE - 1) });
    await expectAllowed(sendAs("owner", DIRECT_ID, "last", newMessage(UID.owner)), true);
    const over = sendAs("owner", DIRECT_ID, "over", newMessage(UID.owner), {
      kind: "bump",
      count: DEFAULT_MESSAGES_PER_MINUTE + 1,
    });
    await expectAllowed(over, false);
    // Starting a new window early is the other way round the limit.
    await expectAllowed(sendAs("owner", DIRECT_ID, "reset", newMessage(UID.owner), { kind: "newWindow" }), false);
    let written: unknown[] = [];
    await env.withSecurityRulesDisabled(async (context) => {
      const db = context.firestore();
      written = [
        (await db.doc(paths.message(DIRECT_ID, "over")).get()).exists,
        (await db.doc(QUOTA).get()).get("count"),
      ];
    });
    expect(written).toEqual([false, DEFAULT_MESSAGES_PER_MINUTE]);
  });

  it("starts a new window once a minute has passed, and honours an admin's limit", async () => {
    await seed(env, { [QUOTA]: quota(secondsAgo(61), DEFAULT_MESSAGES_PER_MINUTE) });
    await expectAllowed(sendAs("owner", DIRECT_ID, "next-minute", newMessage(UID.owner)), true);
    await seed(env, { [paths.limitsConfig()]: { messagesPerMinute: 1 } });
    await expectAllowed(sendAs("owner", DIRECT_ID, "second", newMessage(UID.owner), { kind: "bump", count: 2 }), false);
  });

  it("keeps counting in a late window for a slow clock, but not forever", async () => {
    await seed(env, { [QUOTA]: quota(secondsAgo(75), 3) });
    await expectAllowed(
      sendAs("owner", DIRECT_ID, "late-bump", newMessage(UID.owner), { kind: "bump", count: 4 }),
      true,
    );
    await seed(env, { [QUOTA]: quota(secondsAgo(100), 3) });
    await expectAllowed(
      sendAs("owner", DIRECT_ID, "stale-bump", newMessage(UID.owner), { kind: "bump", count: 4 }),
      false,
    );
  });

  it("refuses forged counts: skipping, backdating, no message, someone else's counter, deleting", async () => {
    await seed(env, { [QUOTA]: quota(secondsAgo(10), 5) });
    const db = firestoreAs(env, "owner");
    await expectAllowed(sendAs("owner", DIRECT_ID, "down", newMessage(UID.owner), { kind: "bump", count: 5 }), false);
    const backdated = writeBatch(db);
    backdated.set(doc(db, paths.message(DIRECT_ID, "backdated")), newMessage(UID.owner));
    backdated.set(doc(db, QUOTA), { ...quota(secondsAgo(120), 1), conversationId: DIRECT_ID, messageId: "backdated" });
    await expectAllowed(backdated.commit(), false);
    await expectAllowed(setDoc(doc(db, QUOTA), { ...quota(secondsAgo(10), 6) }), false);
    await expectAllowed(deleteDoc(doc(db, QUOTA)), false);
    const bobs = firestoreAs(env, "otherMember");
    await expectAllowed(getDoc(doc(bobs, QUOTA)), false);
    await expectAllowed(setDoc(doc(bobs, QUOTA), quota(secondsAgo(0), 1)), false);
  });
});

describe("messages: edit and delete", () => {
  // Deleting goes through the deleteMessage callable, which keeps the text as evidence.
  it.each(PERSONAS)("tombstone alice's message directly as %s", async (persona) => {
    await expectAllowed(updateDoc(doc(firestoreAs(env, persona), ALICES_MESSAGE), { text: "", deleted: true }), false);
  });

  it("refuses editing the text, editing someone else's message, and hard deletes", async () => {
    const alice = firestoreAs(env, "owner");
    await expectAllowed(updateDoc(doc(alice, ALICES_MESSAGE), { text: "Actually no" }), false);
    await expectAllowed(updateDoc(doc(alice, ALICES_MESSAGE), { text: "sneaky", deleted: true }), false);
    await expectAllowed(updateDoc(doc(alice, BOBS_MESSAGE), { text: "", deleted: true }), false);
    await expectAllowed(updateDoc(doc(alice, ALICES_MESSAGE), { createdAt: serverTimestamp() }), false);
    await expectAllowed(deleteDoc(doc(alice, ALICES_MESSAGE)), false);
    await expectAllowed(deleteDoc(doc(firestoreAs(env, "admin"), BOBS_MESSAGE)), false);
  });

  it("refuses bringing a tombstone back", async () => {
    await seed(env, { [ALICES_MESSAGE]: { ...storedMessage(UID.owner), text: "", deleted: true } });
    await expectAllowed(
      updateDoc(doc(firestoreAs(env, "owner"), ALICES_MESSAGE), { text: "back", deleted: false }),
      false,
    );
  });
});

describe("evidence: deleted messages' text", () => {
  const EVIDENCE = paths.messageEvidence(DIRECT_ID, "gone");

  it.each(PERSONAS)("read the kept text of a deleted message as %s", async (persona) => {
    await seed(env, {
      [EVIDENCE]: {
        senderId: UID.otherMember,
        text: "said",
        sentAt: STALE_TIME,
        deletedAt: STALE_TIME,
        expiresAt: STALE_TIME,
      },
    });
    await expectAllowed(getDoc(doc(firestoreAs(env, persona), EVIDENCE)), persona === "admin");
  });

  it.each(PERSONAS)("write or wipe evidence as %s", async (persona) => {
    const db = firestoreAs(env, persona);
    await expectAllowed(setDoc(doc(db, EVIDENCE), { text: "" }), false);
    await expectAllowed(deleteDoc(doc(db, EVIDENCE)), false);
  });
});

describe("members/{uid}: read marks, mute, typing", () => {
  const ALICE_STATE = paths.conversationMember(DIRECT_ID, UID.owner);

  it.each(PERSONAS)("read alice's state in the direct conversation as %s", async (persona) => {
    await expectAllowed(getDoc(doc(firestoreAs(env, persona), ALICE_STATE)), inDirect[persona]);
  });

  it.each(PERSONAS)("mark alice's conversation read as %s", async (persona) => {
    await expectAllowed(
      updateDoc(doc(firestoreAs(env, persona), ALICE_STATE), { lastReadAt: serverTimestamp() }),
      persona === "owner",
    );
  });

  it("lets the member mute and announce typing a few seconds ahead", async () => {
    const ref = doc(firestoreAs(env, "owner"), ALICE_STATE);
    await expectAllowed(updateDoc(ref, { muted: true }), true);
    await expectAllowed(updateDoc(ref, { typingUntil: Timestamp.fromMillis(Date.now() + 4_000) }), true);
    await expectAllowed(updateDoc(ref, { typingUntil: null }), true);
  });

  it("refuses a backdated read mark, typing for minutes, and server-owned fields", async () => {
    const ref = doc(firestoreAs(env, "owner"), ALICE_STATE);
    await expectAllowed(updateDoc(ref, { lastReadAt: STALE_TIME }), false);
    await expectAllowed(updateDoc(ref, { typingUntil: Timestamp.fromMillis(Date.now() + 10 * 60_000) }), false);
    await expectAllowed(updateDoc(ref, { left: true }), false);
    await expectAllowed(updateDoc(ref, { muted: "yes" }), false);
    await expectAllowed(
      setDoc(doc(firestoreAs(env, "admin"), paths.conversationMember(DIRECT_ID, UID.admin)), { uid: UID.admin }),
      false,
    );
  });

  it("refuses a member who is no longer in the conversation", async () => {
    await seed(env, { [DIRECT]: conversation({ memberIds: [UID.otherMember] }) });
    await expectAllowed(
      updateDoc(doc(firestoreAs(env, "owner"), ALICE_STATE), { lastReadAt: serverTimestamp() }),
      false,
    );
  });

  it("keeps the server's delivery receipts private", async () => {
    await seed(env, { [paths.messageReceipt(DIRECT_ID, "m-bob")]: { senderId: UID.otherMember } });
    await expectAllowed(getDoc(doc(firestoreAs(env, "owner"), paths.messageReceipt(DIRECT_ID, "m-bob"))), false);
    await expectAllowed(
      setDoc(doc(firestoreAs(env, "owner"), paths.messageReceipt(DIRECT_ID, "m-new")), { senderId: UID.owner }),
      false,
    );
  });
});

/**
 * Messaging's reactions to documents: a new message updates counters, the preview and notices; a
 * moved read mark clears the reader's count and marks their notice of the chat read; an RSVP
 * change moves the member in or out of the class chat; a cancelled class closes its chat. Each retries after a failure (shared/triggers.ts)
 * and is idempotent (see the stores), as Firestore delivers events at least once and in any order.
 */
import { onDocumentCreated, onDocumentUpdated, onDocumentWritten } from "firebase-functions/firestore";
import { classSchema, conversationMemberSchema, messageSchema, patterns } from "../model/index.js";
import { db } from "../shared/firebase.js";
import { dropWhenStale, retried, validEventDocument } from "../shared/triggers.js";
import { closeClassConversation, syncClassChatMember } from "./conversationStore.js";
import { log } from "./logs.js";
import { recordMessage, resetUnread } from "./messageStore.js";

export const onMessageCreated = onDocumentCreated(
  retried(patterns.message),
  dropWhenStale("onMessageCreated", async (event) => {
    const { conversationId, messageId } = event.params;
    const message = validEventDocument("onMessageCreated", messageSchema, event.data);
    if (!message) return;
    const outcome = await recordMessage(db(), conversationId, messageId, message);
    if (outcome.status === "skipped") log.messageSkipped(conversationId, messageId, outcome.reason);
  }),
);

export const onConversationMemberUpdated = onDocumentUpdated(
  retried(patterns.conversationMember),
  dropWhenStale("onConversationMemberUpdated", async (event) => {
    const trigger = "onConversationMemberUpdated";
    const before = validEventDocument(trigger, conversationMemberSchema, event.data?.before);
    const after = validEventDocument(trigger, conversationMemberSchema, event.data?.after);
    if (!after) return;
    const readBefore = before?.lastReadAt?.toMillis() ?? 0;
    const readAfter = after.lastReadAt?.toMillis() ?? 0;
    // Typing and mute changes land here too; only a read mark that moved forward clears the count.
    if (readAfter > readBefore && !after.left) {
      await resetUnread(db(), event.params.conversationId, event.params.uid, readAfter);
    }
  }),
);

export const onAttendeeWrittenSyncClassChat = onDocumentWritten(
  retried(patterns.attendee),
  dropWhenStale("onAttendeeWrittenSyncClassChat", async (event) => {
    const { classId, uid } = event.params;
    const change = await syncClassChatMember(db(), classId, uid);
    if (change !== "unchanged") log.classChatMember(classId, uid, change);
  }),
);

/** Only the status matters here: the rest of the class is the classes feature's to check. */
const classStatusSchema = classSchema.pick({ status: true });

export const onClassCancelledCloseChat = onDocumentUpdated(
  retried(patterns.class),
  dropWhenStale("onClassCancelledCloseChat", async (event) => {
    const trigger = "onClassCancelledCloseChat";
    const before = validEventDocument(trigger, classStatusSchema, event.data?.before);
    const after = validEventDocument(trigger, classStatusSchema, event.data?.after);
    if (before?.status !== "cancelled" && after?.status === "cancelled") {
      const classId = event.params.classId;
      if (await closeClassConversation(db(), classId)) log.classChatClosed(classId);
    }
  }),
);

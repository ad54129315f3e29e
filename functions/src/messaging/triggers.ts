/**
 * Messaging's reactions to documents: a new message updates counters, the preview and notices; a
 * moved read mark clears the reader's count; an RSVP change moves the member in or out of the
 * class chat; a cancelled class closes its chat. Every reaction is idempotent (see the stores),
 * as Firestore delivers events at least once and in any order.
 */
import { onDocumentCreated, onDocumentUpdated, onDocumentWritten } from "firebase-functions/firestore";
import { logger } from "firebase-functions";
import { conversationMemberSchema, documentPatterns } from "../model/index.js";
import { db } from "../shared/firebase.js";
import { closeClassConversation, syncClassChatMember } from "./conversationStore.js";
import { recordMessage, resetUnread } from "./messageStore.js";

export const onMessageCreated = onDocumentCreated(documentPatterns.message, async (event) => {
  const { conversationId, messageId } = event.params;
  const outcome = await recordMessage(db(), conversationId, messageId, event.data?.data());
  if (outcome.status === "skipped") {
    logger.warn("message skipped", { event: "message.skipped", conversationId, messageId, reason: outcome.reason });
  }
});

export const onConversationMemberUpdated = onDocumentUpdated(documentPatterns.conversationMember, async (event) => {
  const before = conversationMemberSchema.safeParse(event.data?.before.data());
  const after = conversationMemberSchema.safeParse(event.data?.after.data());
  if (!after.success) return;
  const readBefore = before.success ? (before.data.lastReadAt?.toMillis() ?? 0) : 0;
  const readAfter = after.data.lastReadAt?.toMillis() ?? 0;
  // Typing and mute changes land here too; only a read mark that moved forward clears the count.
  if (readAfter > readBefore && !after.data.left) {
    await resetUnread(db(), event.params.conversationId, event.params.uid);
  }
});

export const onAttendeeWrittenSyncClassChat = onDocumentWritten(documentPatterns.attendee, async (event) => {
  const { classId, uid } = event.params;
  const change = await syncClassChatMember(db(), classId, uid);
  if (change !== "unchanged") logger.info("class chat member", { event: "classChat.member", classId, uid, change });
});

export const onClassCancelledCloseChat = onDocumentUpdated(documentPatterns.class, async (event) => {
  const wasCancelled = event.data?.before.get("status") === "cancelled";
  const isCancelled = event.data?.after.get("status") === "cancelled";
  if (!wasCancelled && isCancelled) {
    const closed = await closeClassConversation(db(), event.params.classId);
    if (closed) logger.info("class chat closed", { event: "classChat.closed", classId: event.params.classId });
  }
});

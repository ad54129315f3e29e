/**
 * What happens after a member sends a message, marks a conversation read, leaves it or reports a
 * message.
 *
 * Unread counts under a burst: every message bumps counters on its one conversation document.
 * A read-then-write transaction per message would serialise on that document (the emulator even
 * deadlocks such transactions into lock timeouts), so each message is applied by one blind batch:
 * create a receipt named after the message, and increment the counters. A redelivered event finds
 * the receipt and the whole batch is refused, so nothing is counted twice; commits on the hot
 * document queue but never conflict.
 */
import { FieldValue, Timestamp, type Firestore } from "firebase-admin/firestore";
import {
  conversationMemberSchema,
  conversationSchema,
  messageSchema,
  paths,
  type ReportMessageRequest,
  type ReportMessageResponse,
  reportMessageRequestSchema,
} from "../model/index.js";
import { notifyCollapsing } from "../notifications/inboxStore.js";
import { DomainError } from "../shared/errors.js";
import { GRPC, grpcCode } from "../shared/transactions.js";
import { parseOrThrow } from "../shared/validation.js";
import { unreadField } from "./conversationStore.js";
import {
  messageNotice,
  messageReportId,
  planDelivery,
  previewOf,
  type DeliveryPlan,
  type IncomingMessage,
} from "./delivery.js";

export type RecordOutcome =
  { status: "applied"; plan: DeliveryPlan } | { status: "duplicate" } | { status: "skipped"; reason: string };

/**
 * Applies a new message to its conversation: unread counts, the preview, and a collapsing notice
 * for every member who is counted and has not muted the conversation. Safe to run twice for the
 * same message.
 */
export async function recordMessage(
  db: Firestore,
  conversationId: string,
  messageId: string,
  data: unknown,
): Promise<RecordOutcome> {
  const parsed = messageSchema.safeParse(data);
  if (!parsed.success) return { status: "skipped", reason: "invalid message" };
  const { senderId, text, createdAt, deleted } = parsed.data;
  if (deleted) return { status: "skipped", reason: "deleted" };

  const [conversationSnap, membersSnap, senderSnap] = await Promise.all([
    db.doc(paths.conversation(conversationId)).get(),
    db.collection(paths.conversationMembers(conversationId)).get(),
    db.doc(paths.user(senderId)).get(),
  ]);
  const conversation = conversationSchema.safeParse(conversationSnap.data());
  if (!conversation.success) return { status: "skipped", reason: "no conversation" };

  const message: IncomingMessage = { conversationId, messageId, senderId, text, createdAtMs: createdAt.toMillis() };
  const members = new Map(
    membersSnap.docs.flatMap((doc) => {
      const member = conversationMemberSchema.safeParse(doc.data());
      if (!member.success) return [];
      return [[doc.id, { muted: member.data.muted, lastReadAtMs: member.data.lastReadAt?.toMillis() ?? null }]];
    }),
  );
  const plan = planDelivery(
    message,
    {
      type: conversation.data.type,
      title: conversation.data.title,
      memberIds: conversation.data.memberIds,
      lastMessageAtMs: conversation.data.lastMessage?.sentAt.toMillis() ?? null,
    },
    members,
  );

  const batch = db.batch();
  batch.create(db.doc(paths.messageReceipt(conversationId, messageId)), {
    senderId,
    counted: plan.unread,
    appliedAt: FieldValue.serverTimestamp(),
  });
  const counters = plan.unread.flatMap((uid) => [unreadField(uid), FieldValue.increment(1)]);
  const sentAt = Timestamp.fromMillis(message.createdAtMs);
  // Two messages applied at the same moment may each see the other's preview as older; the later
  // write wins and the next message corrects it. Never an older message over a newer one otherwise.
  const preview = plan.becomesPreview
    ? ["lastMessage", { text: previewOf(text), senderId, sentAt }, "updatedAt", sentAt]
    : [];
  const fieldsAndValues = [...counters, ...preview];
  if (fieldsAndValues.length > 0) {
    const [field, value, ...more] = fieldsAndValues;
    batch.update(db.doc(paths.conversation(conversationId)), field as string, value, ...more);
  }
  try {
    await batch.commit();
  } catch (error) {
    if (grpcCode(error) === GRPC.ALREADY_EXISTS) return { status: "duplicate" };
    throw error;
  }

  const senderName = (senderSnap.get("displayName") as string | undefined) ?? "A member";
  const notice = messageNotice(message, conversation.data, senderName);
  await Promise.all(plan.notify.map((uid) => notifyCollapsing(db, uid, notice)));
  return { status: "applied", plan };
}

/**
 * A member's read mark moved forward: their unread count for the conversation is zero again.
 * Called from the trigger on their member document; unreadCounts itself is server-owned.
 */
export async function resetUnread(db: Firestore, conversationId: string, uid: string): Promise<void> {
  await db.doc(paths.conversation(conversationId)).update(unreadField(uid), 0);
}

/**
 * Leaves a group conversation: out of memberIds (so the rules stop reading and writing for them),
 * no unread count, and marked as left so class RSVPs do not bring them back. A direct
 * conversation ends by unmatching instead.
 */
export async function leaveConversation(
  db: Firestore,
  conversationId: string,
  uid: string,
): Promise<{ left: boolean }> {
  const snap = await db.doc(paths.conversation(conversationId)).get();
  const conversation = conversationSchema.safeParse(snap.data());
  if (!conversation.success || !conversation.data.memberIds.includes(uid)) {
    throw new DomainError("not-found", "You are not in this conversation.");
  }
  if (conversation.data.type !== "group") {
    throw new DomainError("failed-precondition", "A direct conversation ends when you unmatch or block.");
  }
  const batch = db.batch();
  batch.update(snap.ref, "memberIds", FieldValue.arrayRemove(uid), unreadField(uid), FieldValue.delete());
  batch.set(db.doc(paths.conversationMember(conversationId, uid)), { uid, left: true }, { merge: true });
  await batch.commit();
  return { left: true };
}

/**
 * Files a member's report of a message in the admin queue, with a copy of the text (the sender
 * may delete it later). The id names reporter and message, so reporting twice files one report.
 */
export async function reportMessage(
  db: Firestore,
  reporterId: string,
  request: ReportMessageRequest,
): Promise<ReportMessageResponse> {
  const input = parseOrThrow(reportMessageRequestSchema, request, "report");
  const [conversationSnap, messageSnap] = await Promise.all([
    db.doc(paths.conversation(input.conversationId)).get(),
    db.doc(paths.message(input.conversationId, input.messageId)).get(),
  ]);
  const conversation = conversationSchema.safeParse(conversationSnap.data());
  if (!conversation.success || !conversation.data.memberIds.includes(reporterId)) {
    throw new DomainError("not-found", "You are not in this conversation.");
  }
  const message = messageSchema.safeParse(messageSnap.data());
  if (!message.success) throw new DomainError("not-found", "This message does not exist.");
  if (message.data.senderId === reporterId) {
    throw new DomainError("invalid-argument", "messageId: You cannot report your own message.");
  }
  if (message.data.deleted) throw new DomainError("failed-precondition", "This message was deleted.");

  const reportId = messageReportId(input.conversationId, input.messageId, reporterId);
  try {
    await db.doc(paths.report(reportId)).create({
      reporterId,
      subjectUid: message.data.senderId,
      subjectKind: "message",
      reason: input.reason,
      details: input.details,
      conversationId: input.conversationId,
      messageId: input.messageId,
      messageText: message.data.text,
      status: "open",
      createdAt: FieldValue.serverTimestamp(),
      reviewedBy: null,
      reviewedAt: null,
    });
    return { reportId, alreadyReported: false };
  } catch (error) {
    if (grpcCode(error) === GRPC.ALREADY_EXISTS) return { reportId, alreadyReported: true };
    throw error;
  }
}

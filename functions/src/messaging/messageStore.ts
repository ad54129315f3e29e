/**
 * What happens after a member sends a message, marks a conversation read, or deletes a message.
 *
 * Unread counts under a burst: every message bumps counters on its one conversation document.
 * A read-then-write transaction per message would serialise on that document (the emulator even
 * deadlocks such transactions into lock timeouts), so each message is applied by one blind batch:
 * create a receipt named after the message, increment the counters, move the preview and refresh
 * the members' collapsing notices. A redelivered event finds the receipt and the whole batch is
 * refused, so nothing is counted or noticed twice, whether the first run failed before or after
 * its commit; commits on the hot document queue but never conflict. Pushes follow the commit, at
 * most once (see ADR 0007).
 */
import { FieldValue, Timestamp, type Firestore, type Transaction } from "firebase-admin/firestore";
import { MESSAGE_EVIDENCE_DAYS, type DeleteMessageResponse, type Message } from "../model/index.js";
import { prepareCollapsingNotice, type BatchWrite, type DeliveryOptions } from "../notifications/index.js";
import { DomainError } from "../shared/errors.js";
import { refs } from "../shared/refs.js";
import { GRPC, grpcCode } from "../shared/transactions.js";
import { unreadField } from "./conversationStore.js";
import { messageNotice, planDelivery, previewOf, type DeliveryPlan, type IncomingMessage } from "./delivery.js";
import { dataOrAbsent } from "../shared/firestore.js";

export type RecordOutcome =
  { status: "applied"; plan: DeliveryPlan } | { status: "duplicate" } | { status: "skipped"; reason: string };

/**
 * Notices that fit in the message's own batch beside the receipt and the conversation (Firestore
 * takes 500 writes a commit). Only a class chat of almost 500 members has more; the rest of its
 * notices are written after the commit, and a redelivery after a failure there does not write them.
 */
const NOTICES_IN_BATCH = 498;

/**
 * Applies a new message to its conversation: unread counts, the preview, and a collapsing notice
 * for every member who is counted and has not muted the conversation. Safe to run twice for the
 * same message.
 */
export async function recordMessage(
  db: Firestore,
  conversationId: string,
  messageId: string,
  stored: Message,
  options: DeliveryOptions = {},
): Promise<RecordOutcome> {
  const { senderId, text, createdAt, deleted } = stored;
  if (deleted) return { status: "skipped", reason: "deleted" };

  const [conversationSnap, membersSnap, senderSnap] = await Promise.all([
    refs(db).conversation(conversationId).get(),
    refs(db).conversationMembers(conversationId).get(),
    refs(db).user(senderId).get(),
  ]);
  const conversation = dataOrAbsent(conversationSnap);
  if (!conversation) return { status: "skipped", reason: "no conversation" };

  const message: IncomingMessage = { conversationId, messageId, senderId, text, createdAtMs: createdAt.toMillis() };
  const members = new Map(
    membersSnap.docs.flatMap((doc) => {
      const member = dataOrAbsent(doc);
      return member ? [[doc.id, { muted: member.muted, lastReadAtMs: member.lastReadAt?.toMillis() ?? null }]] : [];
    }),
  );
  const plan = planDelivery(
    message,
    {
      type: conversation.type,
      title: conversation.title,
      memberIds: conversation.memberIds,
      lastMessageAtMs: conversation.lastMessage?.sentAt.toMillis() ?? null,
    },
    members,
  );
  const senderName = dataOrAbsent(senderSnap)?.displayName ?? "A member";
  const notice = await prepareCollapsingNotice(
    db,
    plan.notify,
    messageNotice(message, conversation, senderName),
    options,
  );

  const batch = db.batch();
  batch.create(refs(db).messageReceipt(conversationId, messageId), {
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
    batch.update(refs(db).conversation(conversationId), field as string, value, ...more);
  }
  const inBatch = notice.inApp.slice(0, NOTICES_IN_BATCH);
  for (const write of inBatch) write(batch);
  try {
    await batch.commit();
  } catch (error) {
    if (grpcCode(error) === GRPC.ALREADY_EXISTS) return { status: "duplicate" };
    throw error;
  }
  await commitInBatches(db, notice.inApp.slice(NOTICES_IN_BATCH));
  await notice.push();
  return { status: "applied", plan };
}

async function commitInBatches(db: Firestore, writes: readonly BatchWrite[]): Promise<void> {
  for (let i = 0; i < writes.length; i += 500) {
    const batch = db.batch();
    for (const write of writes.slice(i, i + 500)) write(batch);
    await batch.commit();
  }
}

/**
 * A member's read mark moved forward: their unread count for the conversation is zero again.
 * Called from the trigger on their member document; unreadCounts itself is server-owned.
 */
export async function resetUnread(db: Firestore, conversationId: string, uid: string): Promise<void> {
  await refs(db).conversation(conversationId).update(unreadField(uid), 0);
}

/**
 * Tombstones a message and keeps its text as evidence that only moderators can read, in the
 * caller's transaction (after its reads). The evidence expires after MESSAGE_EVIDENCE_DAYS.
 */
export function tombstoneWithEvidence(
  tx: Transaction,
  db: Firestore,
  at: { conversationId: string; messageId: string },
  message: Message,
  nowMs: number,
  removedByModerator = false,
): void {
  tx.set(refs(db).messageEvidence(at.conversationId, at.messageId), {
    senderId: message.senderId,
    text: message.text,
    sentAt: message.createdAt,
    deletedAt: Timestamp.fromMillis(nowMs),
    expiresAt: Timestamp.fromMillis(nowMs + MESSAGE_EVIDENCE_DAYS * 24 * 60 * 60_000),
  });
  tx.update(refs(db).message(at.conversationId, at.messageId), {
    text: "",
    deleted: true,
    ...(removedByModerator ? { removedByModerator: true } : {}),
  });
}

/**
 * The sender deletes their message: it becomes a tombstone for everyone, and its text moves to
 * evidence in the same transaction, so a harasser cannot wipe what their target is about to report.
 */
export async function deleteMessage(
  db: Firestore,
  uid: string,
  conversationId: string,
  messageId: string,
  nowMs = Date.now(),
): Promise<DeleteMessageResponse> {
  return db.runTransaction(async (tx) => {
    const message = dataOrAbsent(await tx.get(refs(db).message(conversationId, messageId)));
    // Someone else's message answers as a missing one: the caller learns nothing about it.
    if (!message || message.senderId !== uid) throw new DomainError("not-found", "This message does not exist.");
    if (message.deleted) return { alreadyDeleted: true };
    tombstoneWithEvidence(tx, db, { conversationId, messageId }, message, nowMs);
    return { alreadyDeleted: false };
  });
}

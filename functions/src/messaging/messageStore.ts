/**
 * What happens after a member sends a message, marks a conversation read, or deletes a message.
 *
 * Unread counts under a burst: every message bumps counters on its one conversation document, and
 * a class chat's message refreshes hundreds of members' notices. One commit per message queues a
 * burst on that document, so the messages of a conversation that arrive while an earlier group is
 * being applied wait and are applied together (ConversationQueue): one commit creates each
 * message's receipt, adds each member's count over the whole group, moves the preview to the
 * newest and refreshes every told member's collapsing notice once, counting all the messages it
 * stands for. A receipt already there (a redelivered event, applied earlier or by another
 * instance) fails that commit as a whole; the group is then applied one message at a time, so
 * each message is applied exactly once and the redelivery is a no-op. Pushes follow the commit,
 * at most once, outside the queue: the next group commits while the last one's pushes go out.
 * Members' wishes and devices are read once per burst (`burstRecipients`), not once per group
 * (ADR 0007, ADR 0014).
 */
import { FieldValue, Timestamp, type FieldPath, type Firestore, type Transaction } from "firebase-admin/firestore";
import { MESSAGE_EVIDENCE_DAYS, type DeleteMessageResponse, type Message } from "../model/index.js";
import {
  burstRecipients,
  prepareCollapsingNotice,
  type DeliveryOptions,
  type RecipientSource,
} from "../notifications/index.js";
import { DomainError } from "../shared/errors.js";
import { refs } from "../shared/refs.js";
import { GRPC, grpcCode } from "../shared/transactions.js";
import { unreadField } from "./conversationStore.js";
import { ConversationQueue } from "./conversationQueue.js";
import { messageNotice, planBatch, previewOf, type DeliveryPlan, type IncomingMessage } from "./delivery.js";
import { dataOrAbsent, readAll } from "../shared/firestore.js";

export type RecordOutcome =
  { status: "applied"; plan: DeliveryPlan } | { status: "duplicate" } | { status: "skipped"; reason: string };

interface Queued {
  message: IncomingMessage;
  options: DeliveryOptions;
}

/** Callers that asked for the same delivery (tests pass their own push sender) share a commit. */
const sameDelivery = (a: Queued, b: Queued) =>
  a.options.push === b.options.push && a.options.now === b.options.now && a.options.appUrl === b.options.appUrl;

/** A group's outcome for one caller, and its pushes, which go out after the queue moved on. */
interface Applied {
  outcome: RecordOutcome;
  pushed: Promise<void>;
}

/**
 * Wishes and devices read during a conversation's burst, kept until its queue is idle. A member
 * who turns push off in the middle of a burst may still get that burst's pushes; a burst that
 * lasts longer than this reads them again.
 */
const BURST_RECIPIENTS_MAX_AGE_MS = 10_000;

interface Messaging {
  queue: ConversationQueue<string, Queued, Applied>;
  bursts: Map<string, { recipients: RecipientSource; sinceMs: number }>;
}

/** One queue per database: tests talk to several (one that fails on purpose, for instance). */
const perDatabase = new WeakMap<Firestore, Messaging>();

function messagingOf(db: Firestore): Messaging {
  let messaging = perDatabase.get(db);
  if (!messaging) {
    const bursts: Messaging["bursts"] = new Map();
    const queue = new ConversationQueue<string, Queued, Applied>(
      (conversationId, items) => applyGroup(db, conversationId, items, recipientsOf(db, bursts, conversationId)),
      sameDelivery,
      (conversationId) => bursts.delete(conversationId),
    );
    messaging = { queue, bursts };
    perDatabase.set(db, messaging);
  }
  return messaging;
}

function recipientsOf(db: Firestore, bursts: Messaging["bursts"], conversationId: string): RecipientSource {
  const nowMs = Date.now();
  const current = bursts.get(conversationId);
  if (current && nowMs - current.sinceMs < BURST_RECIPIENTS_MAX_AGE_MS) return current.recipients;
  const recipients = burstRecipients(db);
  bursts.set(conversationId, { recipients, sinceMs: nowMs });
  return recipients;
}

/**
 * Applies a new message to its conversation: unread counts, the preview, and a collapsing notice
 * for every member who is counted and has not muted the conversation. Safe to run twice for the
 * same message, at once or later, here or in another instance.
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
  const message: IncomingMessage = { conversationId, messageId, senderId, text, createdAtMs: createdAt.toMillis() };
  const { outcome, pushed } = await messagingOf(db).queue.add(conversationId, { message, options });
  await pushed;
  return outcome;
}

/**
 * Applies a group of one conversation's messages in one commit. A message queued twice (two
 * deliveries of one event in this process) is applied for the first and a duplicate for the rest.
 */
async function applyGroup(
  db: Firestore,
  conversationId: string,
  items: readonly Queued[],
  recipients: RecipientSource,
): Promise<Applied[]> {
  const firstIndex = new Map<string, number>();
  items.forEach((item, i) => {
    if (!firstIndex.has(item.message.messageId)) firstIndex.set(item.message.messageId, i);
  });
  const unique = [...firstIndex.values()].map((i) => items[i] as Queued);
  const options = unique[0]?.options ?? {};
  const byId = new Map<string, RecordOutcome>();
  const pushes: Promise<void>[] = [];
  const commit = async (messages: IncomingMessage[]) => {
    const committed = await commitGroup(db, conversationId, messages, options, recipients);
    for (const [id, outcome] of committed.outcomes) byId.set(id, outcome);
    // Handled here at once: a push may fail while a later commit of this group is in flight.
    committed.pushed.catch(() => undefined);
    pushes.push(committed.pushed);
  };
  try {
    await commit(unique.map((u) => u.message));
  } catch (error) {
    if (grpcCode(error) !== GRPC.ALREADY_EXISTS) throw error;
    // Another delivery applied one of them between our read of the receipts and our commit: one
    // at a time, each either commits or finds its receipt.
    for (const u of unique) {
      await commit([u.message]).catch((e: unknown) => {
        if (grpcCode(e) === GRPC.ALREADY_EXISTS) byId.set(u.message.messageId, DUPLICATE);
        else throw e;
      });
    }
  }
  // Every caller of the group waits for all of its pushes: a failed push fails the group's
  // triggers, whose redeliveries find every receipt and push nothing twice.
  const pushed = Promise.all(pushes).then(() => undefined);
  pushed.catch(() => undefined);
  return items.map((item, i) => ({
    outcome: firstIndex.get(item.message.messageId) === i ? (byId.get(item.message.messageId) ?? DUPLICATE) : DUPLICATE,
    pushed,
  }));
}

const DUPLICATE: RecordOutcome = { status: "duplicate" };
const NOTHING_TO_PUSH = Promise.resolve();

async function commitGroup(
  db: Firestore,
  conversationId: string,
  messages: readonly IncomingMessage[],
  options: DeliveryOptions,
  recipients: RecipientSource,
): Promise<{ outcomes: Map<string, RecordOutcome>; pushed: Promise<void> }> {
  const senderIds = [...new Set(messages.map((m) => m.senderId))];
  const [conversationSnap, membersSnap, receipts, senders] = await Promise.all([
    refs(db).conversation(conversationId).get(),
    refs(db).conversationMembers(conversationId).get(),
    readAll(
      db,
      messages.map((m) => refs(db).messageReceipt(conversationId, m.messageId)),
    ),
    readAll(
      db,
      senderIds.map((uid) => refs(db).user(uid)),
    ),
  ]);
  const outcomes = new Map<string, RecordOutcome>();
  const conversation = dataOrAbsent(conversationSnap);
  if (!conversation) {
    for (const m of messages) outcomes.set(m.messageId, { status: "skipped", reason: "no conversation" });
    return { outcomes, pushed: NOTHING_TO_PUSH };
  }
  // A receipt read here is a message applied before: skipped without touching the batch.
  const fresh = messages.filter((_m, i) => !receipts[i]?.exists);
  for (const m of messages) if (!fresh.includes(m)) outcomes.set(m.messageId, DUPLICATE);
  if (fresh.length === 0) return { outcomes, pushed: NOTHING_TO_PUSH };

  const members = new Map(
    membersSnap.docs.flatMap((doc) => {
      const member = dataOrAbsent(doc);
      return member ? [[doc.id, { muted: member.muted, lastReadAtMs: member.lastReadAt?.toMillis() ?? null }]] : [];
    }),
  );
  const plan = planBatch(
    fresh,
    {
      type: conversation.type,
      title: conversation.title,
      memberIds: conversation.memberIds,
      lastMessageAtMs: conversation.lastMessage?.sentAt.toMillis() ?? null,
    },
    members,
  );
  const senderNames = new Map(
    senderIds.map((uid, i) => [uid, dataOrAbsent(senders[i])?.displayName ?? "A member"] as const),
  );
  const notices = await Promise.all(
    [...plan.notices.values()].map(({ message, counts }) =>
      prepareCollapsingNotice(
        db,
        [...counts.keys()],
        messageNotice(message, conversation, senderNames.get(message.senderId) ?? "A member"),
        options,
        counts,
        recipients,
      ),
    ),
  );

  const batch = db.batch();
  fresh.forEach((m, i) =>
    batch.create(refs(db).messageReceipt(conversationId, m.messageId), {
      senderId: m.senderId,
      counted: plan.plans[i]?.unread ?? [],
      appliedAt: FieldValue.serverTimestamp(),
    }),
  );
  const counters = [...plan.unread].flatMap(([uid, n]) => [unreadField(uid), FieldValue.increment(n)]);
  const preview = plan.preview;
  // Two groups applied at the same moment may each see the other's preview as older; the later
  // write wins and the next message corrects it. Never an older message over a newer one otherwise.
  const sentAt = preview ? Timestamp.fromMillis(preview.createdAtMs) : null;
  const previewFields =
    preview && sentAt
      ? ["lastMessage", { text: previewOf(preview.text), senderId: preview.senderId, sentAt }, "updatedAt", sentAt]
      : [];
  const fieldsAndValues = [...counters, ...previewFields];
  if (fieldsAndValues.length > 0) {
    const [field, value, ...more] = fieldsAndValues;
    batch.update(refs(db).conversation(conversationId), field as string | FieldPath, value, ...more);
  }
  // One commit, however many members: Firestore's limit is the request's size (10 MiB) and 500
  // field transforms per document, not 500 writes (each counter here is one transform).
  for (const notice of notices) for (const write of notice.inApp) write(batch);
  await batch.commit();
  fresh.forEach((m, i) => {
    const own = plan.plans[i];
    if (own) outcomes.set(m.messageId, { status: "applied", plan: own });
  });
  return { outcomes, pushed: Promise.all(notices.map((n) => n.push())).then(() => undefined) };
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

/**
 * What happens after a member sends a message, marks a conversation read, or deletes a message.
 *
 * Unread counts under a burst: every message bumps counters on its one conversation document, and
 * a class chat's message refreshes hundreds of members' notices. One commit per message queues a
 * burst on that document, so a conversation's messages are applied in groups (ConversationQueue):
 * a group reads the conversation and its members, takes in every message that arrived meanwhile,
 * and one commit creates each message's receipt, adds each member's count over the whole group,
 * moves the preview to the newest and refreshes every told member's collapsing notice once,
 * counting all the messages it stands for. A receipt already there (a redelivered event, applied
 * earlier or by another instance) fails that commit as a whole; the group's receipts are then
 * read and the rest committed, so each message is applied exactly once and the redelivery is a
 * no-op. Members' wishes and devices are read once per burst, and pushes, at most once, wait for
 * the burst's last commit (ADR 0007, ADR 0014).
 */
import { FieldValue, Timestamp, type FieldPath, type Firestore, type Transaction } from "firebase-admin/firestore";
import { MESSAGE_EVIDENCE_DAYS, type Conversation, type DeleteMessageResponse, type Message } from "../model/index.js";
import {
  burstRecipients,
  markCollapsingNoticeSeen,
  prepareCollapsingNotice,
  type CollapsingNotice,
  type DeliveryOptions,
  type RecipientSource,
} from "../notifications/index.js";
import { DomainError } from "../shared/errors.js";
import { refs } from "../shared/refs.js";
import { GRPC, grpcCode } from "../shared/transactions.js";
import { unreadField } from "./conversationStore.js";
import { onceEach } from "../shared/onceEach.js";
import { ConversationQueue } from "./conversationQueue.js";
import {
  messageNotice,
  messageNoticeId,
  planBatch,
  previewOf,
  type DeliveryPlan,
  type IncomingMessage,
} from "./delivery.js";
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

/** A group's outcome for one caller, and its pushes, which go out when the burst is over. */
interface Applied {
  outcome: RecordOutcome;
  pushed: Promise<void>;
}

/**
 * How long a conversation's burst keeps what it read about its members, from its first read. A
 * member who turns push off, adds a phone or changes their name may see the old choice applied to
 * that conversation's messages for this long; a chat still busy after it reads its members again.
 */
const BURST_MAX_AGE_MS = 10_000;

/**
 * A conversation's burst: its messages within BURST_MAX_AGE_MS of the first. Members' wishes and
 * devices, and senders' names, are read once for all of them: a class chat's 200 messages would
 * otherwise read 500 members' wishes per group, and a lively direct chat the same few documents
 * for every message. Each group's pushes are held until the queue is idle: reading a class chat's
 * devices beside the next group's commit slowed that commit by more than it saved, and a push
 * waiting for the burst's last commit costs a member nothing (ADR 0014).
 */
interface Burst {
  recipients: RecipientSource;
  names: (uids: readonly string[]) => Promise<Map<string, string>>;
  sinceMs: number;
  held: (() => void)[];
}

interface Messaging {
  queue: ConversationQueue<string, Queued, Applied>;
  bursts: Map<string, Burst>;
}

/** One queue per database: tests talk to several (one that fails on purpose, for instance). */
const perDatabase = new WeakMap<Firestore, Messaging>();

function messagingOf(db: Firestore): Messaging {
  let messaging = perDatabase.get(db);
  if (!messaging) {
    const bursts: Messaging["bursts"] = new Map();
    const queue = new ConversationQueue<string, Queued, Applied>(
      (conversationId, items, join) => applyGroup(db, conversationId, items, join, burstOf(db, bursts, conversationId)),
      sameDelivery,
      (conversationId) => {
        const burst = bursts.get(conversationId);
        if (burst) sendHeld(burst);
      },
    );
    messaging = { queue, bursts };
    perDatabase.set(db, messaging);
  }
  return messaging;
}

function burstOf(db: Firestore, bursts: Messaging["bursts"], conversationId: string): Burst {
  const nowMs = Date.now();
  const current = bursts.get(conversationId);
  if (current && nowMs - current.sinceMs < BURST_MAX_AGE_MS) return current;
  if (current) sendHeld(current);
  const burst: Burst = { recipients: burstRecipients(db), names: onceEach(loadNames(db)), sinceMs: nowMs, held: [] };
  bursts.set(conversationId, burst);
  // Forgotten when it is too old to be used, so an instance's memory follows its live chats. A
  // queue still busy then has its own reference and sends what it holds when idle.
  setTimeout(() => {
    if (bursts.get(conversationId) === burst) bursts.delete(conversationId);
  }, BURST_MAX_AGE_MS).unref();
  return burst;
}

function loadNames(db: Firestore) {
  return async (uids: readonly string[]) => {
    const users = await readAll(
      db,
      uids.map((uid) => refs(db).user(uid)),
    );
    return new Map(uids.map((uid, i) => [uid, dataOrAbsent(users[i])?.displayName ?? "A member"] as const));
  };
}

/** Holds a group's pushes until its burst is over; settles once they were sent. */
function holdPushes(burst: Burst, notices: readonly CollapsingNotice[]): Promise<void> {
  if (notices.length === 0) return NOTHING_TO_PUSH;
  return new Promise<void>((resolve, reject) => {
    burst.held.push(() => {
      Promise.all(notices.map((n) => n.push())).then(() => resolve(), reject);
    });
  });
}

function sendHeld(burst: Burst): void {
  const held = burst.held.splice(0);
  for (const send of held) send();
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
 * Applies a group of one conversation's messages in one commit. The conversation and its members
 * are read first; messages that arrived meanwhile `join` the group. A message queued twice (two
 * deliveries of one event in this process) is applied for the first and a duplicate for the rest.
 *
 * Receipts are not read first: a receipt already there (a redelivered event) fails the commit as
 * a whole, and only then are the group's receipts read and the others committed together. A burst
 * does not read 200 receipts for the sake of a rare redelivery.
 */
async function applyGroup(
  db: Firestore,
  conversationId: string,
  given: readonly Queued[],
  join: () => readonly Queued[],
  burst: Burst,
): Promise<Applied[]> {
  const state = await readConversation(db, conversationId, given, burst.recipients);
  const items = [...given, ...join()];
  const firstIndex = new Map<string, number>();
  items.forEach((item, i) => {
    if (!firstIndex.has(item.message.messageId)) firstIndex.set(item.message.messageId, i);
  });
  const unique = [...firstIndex.values()].map((i) => (items[i] as Queued).message);
  const options = items[0]?.options ?? {};
  const byId = new Map<string, RecordOutcome>();
  const notices: CollapsingNotice[] = [];
  const commit = async (messages: readonly IncomingMessage[]) => {
    if (!state) {
      for (const m of messages) byId.set(m.messageId, { status: "skipped", reason: "no conversation" });
      return;
    }
    const committed = await commitGroup(db, state, messages, options, burst);
    for (const [id, outcome] of committed.outcomes) byId.set(id, outcome);
    notices.push(...committed.notices);
  };
  try {
    await commit(unique);
  } catch (error) {
    if (grpcCode(error) !== GRPC.ALREADY_EXISTS) throw error;
    // Some were applied before: the others are committed together.
    const receipts = await readAll(
      db,
      unique.map((m) => refs(db).messageReceipt(conversationId, m.messageId)),
    );
    const fresh = unique.filter((m, i) => {
      if (receipts[i]?.exists) byId.set(m.messageId, DUPLICATE);
      return !receipts[i]?.exists;
    });
    await commit(fresh).catch(async (e: unknown) => {
      if (grpcCode(e) !== GRPC.ALREADY_EXISTS) throw e;
      // Another delivery applied one of them since the receipts were read: one at a time, each
      // either commits or finds its receipt.
      for (const m of fresh) {
        await commit([m]).catch((again: unknown) => {
          if (grpcCode(again) === GRPC.ALREADY_EXISTS) byId.set(m.messageId, DUPLICATE);
          else throw again;
        });
      }
    });
  }
  // Every caller of the group waits for all of its pushes: a failed push fails the group's
  // triggers, whose redeliveries find every receipt and push nothing twice.
  const pushed = holdPushes(burst, notices);
  pushed.catch(() => undefined);
  return items.map((item, i) => ({
    outcome: firstIndex.get(item.message.messageId) === i ? (byId.get(item.message.messageId) ?? DUPLICATE) : DUPLICATE,
    pushed,
  }));
}

const DUPLICATE: RecordOutcome = { status: "duplicate" };
const NOTHING_TO_PUSH = Promise.resolve();

interface ConversationState {
  conversationId: string;
  conversation: Conversation;
  members: Map<string, { muted: boolean; lastReadAtMs: number | null }>;
}

/**
 * The conversation and its members, or null when the conversation is gone. Who may be told is
 * known from the conversation alone: their wishes (a class chat's first read of 500 members) load
 * while the members are still being read.
 */
async function readConversation(
  db: Firestore,
  conversationId: string,
  given: readonly Queued[],
  recipients: RecipientSource,
): Promise<ConversationState | null> {
  const senders = new Set(given.map((item) => item.message.senderId));
  const [conversationSnap, membersSnap] = await Promise.all([
    refs(db)
      .conversation(conversationId)
      .get()
      .then((snap) => {
        const memberIds = dataOrAbsent(snap)?.memberIds ?? [];
        recipients.wishes(memberIds.filter((uid) => !senders.has(uid))).catch(() => undefined);
        return snap;
      }),
    refs(db).conversationMembers(conversationId).get(),
  ]);
  const conversation = dataOrAbsent(conversationSnap);
  if (!conversation) return null;
  const members = new Map(
    membersSnap.docs.flatMap((doc) => {
      const member = dataOrAbsent(doc);
      return member ? [[doc.id, { muted: member.muted, lastReadAtMs: member.lastReadAt?.toMillis() ?? null }]] : [];
    }),
  );
  return { conversationId, conversation, members };
}

async function commitGroup(
  db: Firestore,
  { conversationId, conversation, members }: ConversationState,
  messages: readonly IncomingMessage[],
  options: DeliveryOptions,
  { recipients, names }: Burst,
): Promise<{ outcomes: Map<string, RecordOutcome>; notices: CollapsingNotice[] }> {
  const outcomes = new Map<string, RecordOutcome>();
  if (messages.length === 0) return { outcomes, notices: [] };
  const plan = planBatch(
    messages,
    {
      type: conversation.type,
      title: conversation.title,
      memberIds: conversation.memberIds,
      lastMessageAtMs: conversation.lastMessage?.sentAt.toMillis() ?? null,
    },
    members,
  );
  // Only the messages a notice shows need their sender's name: in a burst, one or two of the group.
  const told = [...plan.notices.values()];
  const senderNames = await names(told.map(({ message }) => message.senderId));
  const notices = await Promise.all(
    told.map(({ message, counts }) =>
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
  messages.forEach((m) =>
    batch.create(refs(db).messageReceipt(conversationId, m.messageId), {
      senderId: m.senderId,
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
  messages.forEach((m, i) => {
    const own = plan.plans[i];
    if (own) outcomes.set(m.messageId, { status: "applied", plan: own });
  });
  return { outcomes, notices };
}

/**
 * A member's read mark moved forward: their unread count for the conversation is zero again, and
 * the conversation's notice in their notification centre is read, unless a newer message
 * refreshed it. Called from the trigger on their member document; unreadCounts itself is
 * server-owned.
 */
export async function resetUnread(db: Firestore, conversationId: string, uid: string, readAtMs: number): Promise<void> {
  await refs(db).conversation(conversationId).update(unreadField(uid), 0);
  await markCollapsingNoticeSeen(db, uid, messageNoticeId(conversationId), readAtMs);
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

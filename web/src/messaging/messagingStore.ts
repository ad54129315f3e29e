/**
 * Data access for messaging. Members write their messages and their own state (read mark, mute,
 * typing) directly under the rules; conversations, counts and membership are server-owned and
 * only read here. Leaving a group and deleting a message go through callables.
 */
import {
  collection,
  doc,
  getDoc,
  getDocs,
  limit,
  orderBy,
  query,
  runTransaction,
  serverTimestamp,
  startAfter,
  Timestamp,
  updateDoc,
  where,
  type DocumentReference,
  type QueryDocumentSnapshot,
  type Unsubscribe,
} from "firebase/firestore";
import { FirebaseError } from "firebase/app";
import { httpsCallable } from "firebase/functions";
import {
  collections,
  conversationMemberSchema,
  DEFAULT_MESSAGES_PER_MINUTE,
  limitsConfigSchema,
  messageQuotaSchema,
  messagesPerMinuteOf,
  otherMessageQuotaPlan,
  planMessageQuota,
  type MessageQuotaPlan,
  conversationSchema,
  MESSAGE_LIMITS,
  messageSchema,
  paths,
  type Conversation,
  type ConversationIdRequest,
  type ConversationMember,
  type DeleteMessageResponse,
  type Message,
  type MessageRequest,
} from "@numina/model";
import { db, functions } from "../firebase";
import { converterFor } from "../shared/converters";
import { allItems, itemOrNull, watchDoc, watchQuery, type Item, type Watcher } from "../shared/watch";

const conversationConverter = converterFor(conversationSchema);
const messageConverter = converterFor(messageSchema);
const memberConverter = converterFor(conversationMemberSchema);

/** Messages per page of history. */
export const PAGE_SIZE = 30;
/** The inbox (and the unread total) covers the most recently active conversations. */
export const INBOX_LIMIT = 100;

export type ConversationItem = Item<Conversation>;
export type MessageItem = Item<Message>;
/** Where the next (older) page of history starts. */
export type MessageCursor = QueryDocumentSnapshot<Message>;

/**
 * The member's conversations, most recently active first. The query says `array-contains uid`
 * because the rules grant exactly that (rules are not filters).
 */
export function watchMyConversations(uid: string, watcher: Watcher<ConversationItem[]>): Unsubscribe {
  const q = query(
    collection(db, collections.conversations).withConverter(conversationConverter),
    where("memberIds", "array-contains", uid),
    orderBy("updatedAt", "desc"),
    limit(INBOX_LIMIT),
  );
  return watchQuery(q, allItems, watcher);
}

/** One conversation, live. null: it does not exist. A non-member gets permission-denied. */
export function watchConversation(conversationId: string, watcher: Watcher<ConversationItem | null>): Unsubscribe {
  return watchDoc(
    doc(db, paths.conversation(conversationId)).withConverter(conversationConverter),
    itemOrNull,
    watcher,
  );
}

/** Every member's own state (read marks, typing), live: "seen" and the typing line come from here. */
export function watchMembers(
  conversationId: string,
  watcher: Watcher<Record<string, ConversationMember>>,
): Unsubscribe {
  return watchQuery(
    collection(db, paths.conversationMembers(conversationId)).withConverter(memberConverter),
    (snapshot) => Object.fromEntries(snapshot.docs.map((d) => [d.id, d.data()])),
    watcher,
  );
}

const newestFirst = (conversationId: string) =>
  query(collection(db, paths.messages(conversationId)).withConverter(messageConverter), orderBy("createdAt", "desc"));

export interface MessagePage {
  messages: MessageItem[];
  /** Where the next (older) page starts; null when this page reached the beginning. */
  cursor: MessageCursor | null;
}

function pageOf(docs: QueryDocumentSnapshot<Message>[]): MessagePage {
  return {
    messages: docs.map((d) => ({ id: d.id, data: d.data() })),
    cursor: docs.length === PAGE_SIZE ? (docs.at(-1) ?? null) : null,
  };
}

/** The newest page, live: new messages, and deletions of recent ones, arrive here. */
export function watchLatestMessages(conversationId: string, watcher: Watcher<MessagePage>): Unsubscribe {
  return watchQuery(query(newestFirst(conversationId), limit(PAGE_SIZE)), (snapshot) => pageOf(snapshot.docs), watcher);
}

/** The page of history just older than `cursor`. */
export async function loadOlderMessages(conversationId: string, cursor: MessageCursor): Promise<MessagePage> {
  const snapshot = await getDocs(query(newestFirst(conversationId), startAfter(cursor), limit(PAGE_SIZE)));
  return pageOf(snapshot.docs);
}

/** A fresh id for a message about to be sent; a retry of the same send reuses it. */
export function newMessageId(conversationId: string): string {
  return doc(collection(db, paths.messages(conversationId))).id;
}

/** config/limits' messagesPerMinute, read once a session (it changes rarely, and rules hold the line). */
let perMinute: Promise<number> | null = null;
function messagesPerMinute(): Promise<number> {
  perMinute ??= getDoc(doc(db, paths.limitsConfig()))
    .then((snap) => messagesPerMinuteOf(limitsConfigSchema.safeParse(snap.data() ?? {}).data))
    .catch(() => DEFAULT_MESSAGES_PER_MINUTE);
  return perMinute;
}

type QuotaWindow = { windowStartedAtMs: number; count: number };

/** Sending faster than the limit: the member is told how long to wait. */
export class SendingTooFastError extends Error {
  constructor(retryAfterMs: number) {
    super(`You're sending messages quickly. Wait ${Math.max(1, Math.ceil(retryAfterMs / 1000))} s and try again.`);
    this.name = "SendingTooFastError";
  }
}

/**
 * One transaction: the message and the sender's messages-per-minute count (rules check one
 * against the other). `choose` picks the count's next state from the stored window.
 */
async function sendCounted(
  ref: DocumentReference,
  senderId: string,
  text: string,
  choose: (current: QuotaWindow | null) => MessageQuotaPlan | null,
): Promise<MessageQuotaPlan | null> {
  const quotaRef = doc(db, paths.messageQuota(senderId));
  return runTransaction(db, async (tx) => {
    const stored = messageQuotaSchema.safeParse((await tx.get(quotaRef)).data());
    const current = stored.success
      ? { windowStartedAtMs: stored.data.windowStartedAt.toMillis(), count: stored.data.count }
      : null;
    const plan = choose(current);
    if (!plan || plan.kind === "wait") return plan;
    tx.set(ref, { senderId, text, createdAt: serverTimestamp() });
    tx.set(quotaRef, {
      windowStartedAt: plan.kind === "newWindow" || !stored.success ? serverTimestamp() : stored.data.windowStartedAt,
      count: plan.kind === "newWindow" ? 1 : plan.count,
      conversationId: ref.parent.parent?.id ?? "",
      messageId: ref.id,
    });
    return plan;
  });
}

/**
 * Sends with the client-chosen id, counted against the member's messages per minute. The count's
 * window is judged by this device's clock; if the server's clock disagrees (rules refuse), the
 * other reading is tried once. If the first attempt reached the server but its answer was lost,
 * the retry is refused (a message is create-only); finding our own message under that id means
 * it was sent.
 */
export async function sendMessage(conversationId: string, messageId: string, senderId: string, text: string) {
  const ref = doc(db, paths.message(conversationId, messageId));
  const allowed = await messagesPerMinute();
  const attempt: { current: QuotaWindow | null; plan: MessageQuotaPlan | null } = { current: null, plan: null };
  try {
    const plan = await sendCounted(ref, senderId, text, (current) => {
      attempt.current = current;
      attempt.plan = planMessageQuota(current, Date.now(), allowed);
      return attempt.plan;
    });
    if (plan?.kind === "wait") throw new SendingTooFastError(plan.retryAfterMs);
  } catch (error) {
    if (!(error instanceof FirebaseError && error.code === "permission-denied")) throw error;
    const existing = await getDoc(ref).catch(() => null);
    if (existing?.exists() && existing.get("senderId") === senderId) return;
    const other = attempt.plan ? otherMessageQuotaPlan(attempt.plan, attempt.current, allowed) : null;
    if (!other) throw error;
    await sendCounted(ref, senderId, text, () => other);
  }
}

/**
 * The sender's delete: the message stays as a tombstone so the conversation has no gap. A callable,
 * because the server keeps the text for moderators in the same step (a report can still see it).
 */
export async function deleteMessage(conversationId: string, messageId: string): Promise<void> {
  await deleteCallable({ conversationId, messageId });
}

function memberRef(conversationId: string, uid: string) {
  return doc(db, paths.conversationMember(conversationId, uid));
}

/** Moves the member's read mark to now; the server clears their unread count. */
export async function markRead(conversationId: string, uid: string): Promise<void> {
  await updateDoc(memberRef(conversationId, uid), { lastReadAt: serverTimestamp() });
}

export async function setMuted(conversationId: string, uid: string, muted: boolean): Promise<void> {
  await updateDoc(memberRef(conversationId, uid), { muted });
}

/** "Typing until a few seconds from now": written at most every few seconds, not per keystroke. */
export async function announceTyping(conversationId: string, uid: string): Promise<void> {
  // A little inside the window the rules allow, for a clock that runs slightly fast.
  const until = Timestamp.fromMillis(Date.now() + MESSAGE_LIMITS.typingWindowMs - 1_500);
  await updateDoc(memberRef(conversationId, uid), { typingUntil: until });
}

export async function stopTyping(conversationId: string, uid: string): Promise<void> {
  await updateDoc(memberRef(conversationId, uid), { typingUntil: null });
}

const leaveCallable = httpsCallable<ConversationIdRequest, { left: boolean }>(functions, "leaveConversation");
const deleteCallable = httpsCallable<MessageRequest, DeleteMessageResponse>(functions, "deleteMessage");

export async function leaveConversation(conversationId: string): Promise<void> {
  await leaveCallable({ conversationId });
}

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
  serverTimestamp,
  setDoc,
  startAfter,
  Timestamp,
  updateDoc,
  where,
  type QueryDocumentSnapshot,
  type Unsubscribe,
} from "firebase/firestore";
import { FirebaseError } from "firebase/app";
import { httpsCallable } from "firebase/functions";
import {
  collections,
  conversationMemberSchema,
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

/**
 * Sends with the client-chosen id. If the first attempt reached the server but its answer was
 * lost, the retry is refused (a message is create-only); finding our own message under that id
 * means it was sent.
 */
export async function sendMessage(conversationId: string, messageId: string, senderId: string, text: string) {
  const ref = doc(db, paths.message(conversationId, messageId));
  try {
    await setDoc(ref, { senderId, text, createdAt: serverTimestamp() });
  } catch (error) {
    if (error instanceof FirebaseError && error.code === "permission-denied") {
      const existing = await getDoc(ref).catch(() => null);
      if (existing?.exists() && existing.get("senderId") === senderId) return;
    }
    throw error;
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

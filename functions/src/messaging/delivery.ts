/**
 * What a new message changes, decided without Firebase: whose unread count rises, who is told,
 * whether it becomes the conversation's preview, and what the notice says. messageStore.ts applies
 * the plan.
 */
import {
  MESSAGE_LIMITS,
  type AttendeeStatus,
  type ConversationMember,
  type ConversationType,
  type NoticeDraft,
} from "../model/index.js";

export interface IncomingMessage {
  conversationId: string;
  messageId: string;
  senderId: string;
  text: string;
  createdAtMs: number;
}

export interface ConversationView {
  type: ConversationType;
  title: string | null;
  memberIds: readonly string[];
  /** sentAt of the current preview, if any. */
  lastMessageAtMs: number | null;
}

export interface DeliveryPlan {
  /** Members whose unread count rises by one. */
  unread: string[];
  /** Members who get (or get a refreshed) message notice: the unread ones who did not mute. */
  notify: string[];
  /** The message is at least as new as the current preview. */
  becomesPreview: boolean;
}

/**
 * Everyone but the sender who has not already read past this message. A member whose read mark is
 * at or after the message (they had the chat open) is not counted: the count means "messages you
 * have not seen".
 */
export function planDelivery(
  message: IncomingMessage,
  conversation: ConversationView,
  members: ReadonlyMap<string, Pick<ConversationMember, "muted"> & { lastReadAtMs: number | null }>,
): DeliveryPlan {
  const unread = conversation.memberIds.filter((uid) => {
    if (uid === message.senderId) return false;
    const readAt = members.get(uid)?.lastReadAtMs ?? null;
    return readAt === null || readAt < message.createdAtMs;
  });
  return {
    unread,
    notify: unread.filter((uid) => members.get(uid)?.muted !== true),
    becomesPreview: conversation.lastMessageAtMs === null || conversation.lastMessageAtMs <= message.createdAtMs,
  };
}

/** One line of a message for the inbox and notices: whitespace folded, cut at a word. */
export function previewOf(text: string, max: number = MESSAGE_LIMITS.previewMax): string {
  const flat = text.replace(/\s+/g, " ").trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max - 1);
  const space = cut.lastIndexOf(" ");
  return `${space > max / 2 ? cut.slice(0, space) : cut}…`;
}

/**
 * The notice for new messages in a conversation. Its id is the conversation's, so a burst
 * collapses into one line per conversation that always shows the latest message.
 */
export function messageNotice(
  message: IncomingMessage,
  conversation: Pick<ConversationView, "type" | "title">,
  senderName: string,
): NoticeDraft {
  const group = conversation.type === "group";
  return {
    id: `message-${message.conversationId}`,
    type: "message",
    title: group ? `New messages in ${conversation.title ?? "your group"}` : `New message from ${senderName}`,
    body: group ? `${senderName}: ${previewOf(message.text)}` : previewOf(message.text),
    data: { conversationId: message.conversationId },
    aboutUids: [message.senderId],
  };
}

/** A class's chat is for people with a seat (or who came) and the instructor. */
export function inClassChat(status: AttendeeStatus | null): boolean {
  return status === "confirmed" || status === "attended";
}

/** The class chat's title, from the class. */
export const classChatTitle = (classTitle: string): string => classTitle;

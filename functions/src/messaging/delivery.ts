/**
 * What a new message changes, decided without Firebase: whose unread count rises, who is told,
 * whether it becomes the conversation's preview, and what the notice says. messageStore.ts applies
 * the plan.
 */
import { previewOf } from "../shared/preview.js";
import {
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

/** A message's preview: the shared one line (kept exported here, where messaging code finds it). */
export { previewOf };

/**
 * The notice for new messages in a conversation. Its id is the conversation's, so a burst
 * collapses into one line per conversation that always shows the latest message.
 */
/** A conversation's one collapsing notice per member. */
export const messageNoticeId = (conversationId: string) => `message-${conversationId}`;

export function messageNotice(
  message: IncomingMessage,
  conversation: Pick<ConversationView, "type" | "title">,
  senderName: string,
): NoticeDraft {
  const group = conversation.type === "group";
  return {
    id: messageNoticeId(message.conversationId),
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

export interface BatchPlan {
  /** Each message's own plan, in the order given. */
  plans: DeliveryPlan[];
  /** How much each member's unread count rises, over all the messages. */
  unread: Map<string, number>;
  /**
   * Who is told, grouped by the message their notice shows (the newest one they are told of),
   * with how many of the messages each of them is told of.
   */
  notices: Map<string, { message: IncomingMessage; counts: Map<string, number> }>;
  /** The newest message that may become the preview, if any. */
  preview: IncomingMessage | null;
}

/**
 * The plan of several messages of one conversation applied together, in one commit: the sum of
 * what each would have done alone, with the preview and each member's notice showing the newest.
 */
export function planBatch(
  messages: readonly IncomingMessage[],
  conversation: ConversationView,
  members: Parameters<typeof planDelivery>[2],
): BatchPlan {
  const plans = messages.map((m) => planDelivery(m, conversation, members));
  const unread = new Map<string, number>();
  const told = new Map<string, { message: IncomingMessage; count: number }>();
  let preview: IncomingMessage | null = null;
  messages.forEach((message, i) => {
    const plan = plans[i];
    if (!plan) return;
    for (const uid of plan.unread) unread.set(uid, (unread.get(uid) ?? 0) + 1);
    for (const uid of plan.notify) {
      const seen = told.get(uid);
      const newest = !seen || seen.message.createdAtMs <= message.createdAtMs ? message : seen.message;
      told.set(uid, { message: newest, count: (seen?.count ?? 0) + 1 });
    }
    if (plan.becomesPreview && (!preview || preview.createdAtMs <= message.createdAtMs)) preview = message;
  });
  const notices = new Map<string, { message: IncomingMessage; counts: Map<string, number> }>();
  for (const [uid, { message, count }] of told) {
    const group = notices.get(message.messageId) ?? { message, counts: new Map<string, number>() };
    group.counts.set(uid, count);
    notices.set(message.messageId, group);
  }
  return { plans, unread, notices, preview };
}

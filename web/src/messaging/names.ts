/** How a conversation is named and previewed for one member. Pure: no Firebase. */
import type { Conversation } from "@numina/model";

/** A group by its title; a direct conversation by the other member's name. */
export function conversationName(conversation: Conversation, me: string, names: Record<string, string>): string {
  if (conversation.type === "group") return conversation.title ?? "Group chat";
  const other = conversation.memberIds.find((uid) => uid !== me);
  return (other && names[other]) ?? "…";
}

export function previewLine(conversation: Conversation, me: string, names: Record<string, string>): string {
  const last = conversation.lastMessage;
  if (!last) return "No messages yet. Say hello!";
  if (last.senderId === me) return `You: ${last.text}`;
  return conversation.type === "group" ? `${names[last.senderId] ?? "Someone"}: ${last.text}` : last.text;
}

/** "14:05" today, "Mon 14:05" this week, "3 Mar" before that. */
export function shortTime(ms: number, nowMs: number = Date.now()): string {
  const date = new Date(ms);
  const sameDay = new Date(nowMs).toDateString() === date.toDateString();
  if (sameDay) return date.toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" });
  if (nowMs - ms < 6 * 24 * 60 * 60 * 1000) {
    return date.toLocaleString([], { weekday: "short", hour: "2-digit", minute: "2-digit" });
  }
  return date.toLocaleDateString([], { day: "numeric", month: "short" });
}

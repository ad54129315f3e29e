import { unreadTotal, useMyConversations } from "./hooks";

/** The member's total unread messages, for the header's Messages link. Nothing when zero. */
export function UnreadBadge({ uid }: { uid: string }) {
  const conversations = useMyConversations(uid);
  const total = conversations.status === "ready" ? unreadTotal(conversations.value, uid) : 0;
  if (total === 0) return null;
  return (
    <span className="unread-badge" data-testid="unread-total" aria-label={`${total} unread`}>
      {total > 99 ? "99+" : total}
    </span>
  );
}

import { Link } from "react-router";
import { classConversationId } from "@numina/model";
import { useConversation } from "./hooks";

/**
 * "Class chat", for the people in it: the instructor and everyone with a seat. Anyone else cannot
 * read the conversation (the rules say so), and sees nothing.
 */
export function ClassChatLink({ classId, uid }: { classId: string; uid: string }) {
  const conversation = useConversation(classConversationId(classId));
  if (conversation.status !== "ready" || !conversation.value?.data.memberIds.includes(uid)) return null;
  return (
    <section className="card row" aria-label="Class chat">
      <span className="muted">Talk to your instructor and the others coming.</span>
      <Link to={`/messages/${conversation.value.id}`} className="button button-small" data-testid="class-chat-link">
        Class chat
      </Link>
    </section>
  );
}

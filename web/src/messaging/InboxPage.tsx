import { Link } from "react-router";
import { useReadyProfile } from "../app/guards";
import { Alert, Spinner } from "../shared/ui";
import { usePeople } from "../shared/usePeople";
import { useMyConversations } from "./hooks";
import { conversationName, previewLine, shortTime } from "./names";
import "./messaging.css";

/** Every conversation the member is in, most recent first, with live previews and unread counts. */
export function InboxPage() {
  const { session } = useReadyProfile();
  const uid = session.uid;
  const conversations = useMyConversations(uid);
  const people = usePeople(
    conversations.status === "ready"
      ? conversations.value.flatMap((c) => [...c.data.memberIds, c.data.lastMessage?.senderId ?? uid])
      : [],
  );

  return (
    <div className="page narrow">
      <header className="page-header">
        <h1>Messages</h1>
        <p className="muted">Your matches and class chats.</p>
      </header>
      {conversations.status === "loading" && <Spinner label="Loading conversations…" />}
      {conversations.status === "error" && (
        <Alert kind="error" testId="inbox-error">
          {conversations.message}
        </Alert>
      )}
      {conversations.status === "ready" && conversations.value.length === 0 && (
        <section className="card center-text" data-testid="inbox-empty">
          <p>No conversations yet. Match with someone or join a class to start talking.</p>
        </section>
      )}
      {conversations.status === "ready" && conversations.value.length > 0 && (
        <ul className="inbox card" data-testid="inbox">
          {conversations.value.map(({ id, data }) => {
            const unread = data.unreadCounts[uid] ?? 0;
            return (
              <li key={id}>
                <Link
                  to={`/messages/${id}`}
                  className={`inbox-row${unread > 0 ? " inbox-row-unread" : ""}`}
                  data-testid="inbox-row"
                  data-conversation-id={id}
                >
                  <span className="inbox-main">
                    <span className="inbox-name">
                      {conversationName(data, uid, people)}
                      {data.type === "group" && <span className="badge badge-soon">Group</span>}
                      {data.status === "closed" && <span className="badge badge-cancelled">Closed</span>}
                    </span>
                    <span className="inbox-preview" data-testid="inbox-preview">
                      {previewLine(data, uid, people)}
                    </span>
                  </span>
                  <span className="inbox-side">
                    {data.lastMessage && <time className="hint">{shortTime(data.lastMessage.sentAt.toMillis())}</time>}
                    {unread > 0 && (
                      <span className="unread-badge" data-testid="inbox-unread">
                        {unread}
                      </span>
                    )}
                  </span>
                </Link>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}

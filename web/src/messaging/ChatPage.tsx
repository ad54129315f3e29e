import { useEffect, useLayoutEffect, useRef, useState, type FormEvent } from "react";
import { Link, useNavigate, useParams } from "react-router";
import { MESSAGE_LIMITS, type ConversationMember, type ReportReason } from "@numina/model";
import { useReadyProfile } from "../app/guards";
import { errorMessage } from "../shared/errors";
import { useTicker } from "../shared/hooks";
import { Alert, ConfirmDialog, ReportReasonOptions, Spinner } from "../shared/ui";
import { usePeople } from "../shared/usePeople";
import { useConversation, useHistory, useMembers } from "./hooks";
import {
  announceTyping,
  deleteMessage,
  leaveConversation,
  markRead,
  newMessageId,
  sendMessage,
  setMuted,
  stopTyping,
  type ConversationItem,
  type MessageItem,
} from "./messagingStore";
import { reportMessage, receivedText } from "../reports/reportService";
import { conversationName, shortTime } from "./names";
import "./messaging.css";

export function ChatPage() {
  const { conversationId = "" } = useParams();
  const { session } = useReadyProfile();
  const conversation = useConversation(conversationId);

  if (conversation.status === "loading") return <Spinner label="Loading conversation…" />;
  if (conversation.status === "error" || !conversation.value) {
    return (
      <div className="page narrow">
        <section className="card stack center-text" data-testid="chat-missing">
          <h1>Conversation not available</h1>
          <p className="muted">It does not exist, or you are not in it.</p>
          <Link to="/messages" className="button">
            All messages
          </Link>
        </section>
      </div>
    );
  }
  return <Chat key={conversationId} item={conversation.value} uid={session.uid} />;
}

/** Pixels from the top of the history at which the next older page starts loading. */
const LOAD_OLDER_AT_PX = 80;

function Chat({ item, uid }: { item: ConversationItem; uid: string }) {
  const { id, data } = item;
  const history = useHistory(id);
  const members = useMembers(id);
  const names = usePeople(data.memberIds);
  const memberStates: Record<string, ConversationMember> = members.status === "ready" ? members.value : {};
  const me = memberStates[uid];
  const open = data.status === "open";
  const [error, setError] = useState<string | null>(null);

  // Reading: while the chat is on screen, the read mark follows the newest message from others.
  const newestFromOthers = [...history.messages].reverse().find((m) => m.data.senderId !== uid);
  const unread = data.unreadCounts[uid] ?? 0;
  const readMs = me?.lastReadAt?.toMillis() ?? 0;
  const needsRead =
    unread > 0 || (newestFromOthers !== undefined && newestFromOthers.data.createdAt.toMillis() > readMs);
  const markedFor = useRef<string | null>(null);
  useEffect(() => {
    if (!needsRead || members.status !== "ready" || !me || document.visibilityState !== "visible") return;
    const key = `${newestFromOthers?.id ?? ""}:${unread}`;
    if (markedFor.current === key) return;
    markedFor.current = key;
    markRead(id, uid).catch((e: unknown) => setError(errorMessage(e)));
  }, [needsRead, newestFromOthers?.id, unread, members.status, me, id, uid]);

  // Typing: others whose "typing until" is still ahead.
  const now = useTicker(Object.values(memberStates).some((m) => m.typingUntil !== null));
  const typing = data.memberIds.filter(
    (other) => other !== uid && (memberStates[other]?.typingUntil?.toMillis() ?? 0) > now,
  );

  // Seen (direct conversations): the other member's read mark has passed my latest message.
  const other = data.type === "direct" ? data.memberIds.find((m) => m !== uid) : undefined;
  const myLatest = [...history.messages].reverse().find((m) => m.data.senderId === uid);
  const otherReadMs = other ? (memberStates[other]?.lastReadAt?.toMillis() ?? 0) : 0;
  const seenId = myLatest && otherReadMs >= myLatest.data.createdAt.toMillis() ? myLatest.id : null;

  return (
    <div className="page narrow chat-page">
      <p>
        <Link to="/messages">← All messages</Link>
      </p>
      <ChatHeader item={item} uid={uid} names={names} muted={me?.muted ?? false} onError={setError} />
      {!open && (
        <Alert kind="info" testId="chat-closed">
          This conversation is closed. You can read it, but no new messages can be sent.
        </Alert>
      )}
      {error && (
        <Alert kind="error" testId="chat-error">
          {error}
        </Alert>
      )}
      <MessageList
        conversationId={id}
        uid={uid}
        names={names}
        history={history}
        seenId={seenId}
        showSenders={data.type === "group"}
        onError={setError}
      />
      <p className="typing-line" aria-live="polite" data-testid="typing-indicator">
        {typing.length > 0 &&
          `${typing.map((t) => names[t] ?? "Someone").join(", ")} ${typing.length > 1 ? "are" : "is"} typing…`}
      </p>
      {open && <Composer conversationId={id} uid={uid} onError={setError} />}
    </div>
  );
}

function ChatHeader({
  item,
  uid,
  names,
  muted,
  onError,
}: {
  item: ConversationItem;
  uid: string;
  names: Record<string, string>;
  muted: boolean;
  onError: (message: string) => void;
}) {
  const navigate = useNavigate();
  const [confirmLeave, setConfirmLeave] = useState(false);
  const [leaving, setLeaving] = useState(false);
  const [leaveError, setLeaveError] = useState<string | null>(null);
  const { id, data } = item;
  return (
    <header className="page-header chat-header">
      <div>
        <h1 data-testid="chat-title">{conversationName(data, uid, names)}</h1>
        {data.type === "group" && <p className="muted">{data.memberIds.length} members</p>}
      </div>
      <div className="row">
        <button
          type="button"
          className="button button-small"
          data-testid="mute-toggle"
          aria-pressed={muted}
          onClick={() => void setMuted(id, uid, !muted).catch((e: unknown) => onError(errorMessage(e)))}
        >
          {muted ? "Unmute" : "Mute"}
        </button>
        {data.type === "group" && (
          <button
            type="button"
            className="button button-small"
            data-testid="leave"
            onClick={() => setConfirmLeave(true)}
          >
            Leave
          </button>
        )}
      </div>
      <ConfirmDialog
        open={confirmLeave}
        title="Leave this chat?"
        confirmLabel="Leave"
        busy={leaving}
        error={leaveError}
        onCancel={() => setConfirmLeave(false)}
        onConfirm={() => {
          setLeaving(true);
          leaveConversation(id)
            .then(() => navigate("/messages"))
            .catch((e: unknown) => setLeaveError(errorMessage(e)))
            .finally(() => setLeaving(false));
        }}
      >
        <p>You will stop receiving its messages, and cannot rejoin it.</p>
      </ConfirmDialog>
    </header>
  );
}

function MessageList({
  conversationId,
  uid,
  names,
  history,
  seenId,
  showSenders,
  onError,
}: {
  conversationId: string;
  uid: string;
  names: Record<string, string>;
  history: ReturnType<typeof useHistory>;
  seenId: string | null;
  showSenders: boolean;
  onError: (message: string) => void;
}) {
  const listRef = useRef<HTMLDivElement>(null);
  const firstId = history.messages[0]?.id;
  const lastId = history.messages.at(-1)?.id;
  const lastIsMine = history.messages.at(-1)?.data.senderId === uid;
  const previous = useRef<{ firstId?: string; lastId?: string; height: number; nearBottom: boolean }>({
    height: 0,
    nearBottom: true,
  });

  // Older messages were prepended: keep the reader where they were. A new message arrived: follow
  // it if the reader was at the bottom (or sent it).
  useLayoutEffect(() => {
    const list = listRef.current;
    if (!list) return;
    const before = previous.current;
    if (before.firstId && firstId !== before.firstId && lastId === before.lastId) {
      list.scrollTop += list.scrollHeight - before.height;
    } else if (lastId !== before.lastId && (before.nearBottom || lastIsMine)) {
      list.scrollTop = list.scrollHeight;
    }
    previous.current = { firstId, lastId, height: list.scrollHeight, nearBottom: before.nearBottom };
  }, [firstId, lastId, lastIsMine]);

  const onScroll = () => {
    const list = listRef.current;
    if (!list) return;
    previous.current.nearBottom = list.scrollHeight - list.scrollTop - list.clientHeight < 60;
    previous.current.height = list.scrollHeight;
    if (list.scrollTop < LOAD_OLDER_AT_PX && history.hasOlder) history.loadOlder();
  };

  return (
    <div className="message-list card" ref={listRef} onScroll={onScroll} data-testid="message-list">
      {history.status === "loading" && <Spinner label="Loading messages…" />}
      {history.error && <Alert kind="error">{history.error}</Alert>}
      {history.loadingOlder && <p className="hint center-text">Loading earlier messages…</p>}
      {history.status === "ready" && !history.hasOlder && history.messages.length > 0 && (
        <p className="hint center-text" data-testid="history-start">
          Start of the conversation
        </p>
      )}
      {history.status === "ready" && history.messages.length === 0 && (
        <p className="muted center-text">No messages yet. Say hello!</p>
      )}
      <ol className="messages">
        {history.messages.map((m) => (
          <MessageRow
            key={m.id}
            conversationId={conversationId}
            message={m}
            mine={m.data.senderId === uid}
            senderName={showSenders ? (names[m.data.senderId] ?? "…") : null}
            seen={m.id === seenId}
            onError={onError}
          />
        ))}
      </ol>
    </div>
  );
}

function MessageRow({
  conversationId,
  message,
  mine,
  senderName,
  seen,
  onError,
}: {
  conversationId: string;
  message: MessageItem;
  mine: boolean;
  senderName: string | null;
  seen: boolean;
  onError: (message: string) => void;
}) {
  const [reporting, setReporting] = useState(false);
  const { data } = message;
  return (
    <li
      className={`message ${mine ? "message-mine" : "message-theirs"}`}
      data-testid="message"
      data-message-id={message.id}
    >
      {senderName && !mine && <span className="message-sender">{senderName}</span>}
      <div className={`bubble${data.deleted ? " bubble-deleted" : ""}`} data-testid="message-text">
        {data.removedByModerator ? "Removed by a moderator" : data.deleted ? "Message deleted" : data.text}
      </div>
      <div className="message-meta">
        <time className="hint">{shortTime(data.createdAt.toMillis())}</time>
        {seen && (
          <span className="hint" data-testid="seen">
            · Seen
          </span>
        )}
        {!data.deleted && mine && (
          <button
            type="button"
            className="link-button"
            data-testid="delete-message"
            onClick={() =>
              void deleteMessage(conversationId, message.id).catch((e: unknown) => onError(errorMessage(e)))
            }
          >
            Delete
          </button>
        )}
        {!data.deleted && !mine && !reporting && (
          <button type="button" className="link-button" data-testid="report" onClick={() => setReporting(true)}>
            Report
          </button>
        )}
      </div>
      {reporting && (
        <ReportForm conversationId={conversationId} messageId={message.id} onDone={() => setReporting(false)} />
      )}
    </li>
  );
}

function ReportForm({
  conversationId,
  messageId,
  onDone,
}: {
  conversationId: string;
  messageId: string;
  onDone: () => void;
}) {
  const [reason, setReason] = useState<ReportReason>("harassment");
  const [details, setDetails] = useState("");
  const [state, setState] = useState<
    { kind: "idle" | "busy" } | { kind: "done"; text: string } | { kind: "error"; message: string }
  >({ kind: "idle" });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setState({ kind: "busy" });
    reportMessage({ conversationId, messageId, reason, details })
      .then((response) => setState({ kind: "done", text: receivedText(response) }))
      .catch((e: unknown) => setState({ kind: "error", message: errorMessage(e) }));
  };

  if (state.kind === "done") {
    return (
      <p className="hint" data-testid="reported">
        {state.text} <Link to="/reports">Your reports</Link>{" "}
        <button type="button" className="link-button" onClick={onDone}>
          Close
        </button>
      </p>
    );
  }
  return (
    <form className="report-form stack" onSubmit={submit} aria-label="Report message">
      <label>
        Reason
        <select value={reason} onChange={(e) => setReason(e.target.value as ReportReason)}>
          <ReportReasonOptions />
        </select>
      </label>
      <label>
        Details (optional)
        <textarea value={details} maxLength={1000} rows={2} onChange={(e) => setDetails(e.target.value)} />
      </label>
      {state.kind === "error" && <Alert kind="error">{state.message}</Alert>}
      <div className="row">
        <button type="submit" className="button button-small" disabled={state.kind === "busy"}>
          Send report
        </button>
        <button type="button" className="link-button" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}

function Composer({
  conversationId,
  uid,
  onError,
}: {
  conversationId: string;
  uid: string;
  onError: (message: string) => void;
}) {
  const [text, setText] = useState("");
  const lastTypingWrite = useRef(0);
  const trimmed = text.trim();

  const onChange = (value: string) => {
    setText(value);
    // One write every few seconds while typing, never one per keystroke.
    if (value.trim() && Date.now() - lastTypingWrite.current > MESSAGE_LIMITS.typingThrottleMs) {
      lastTypingWrite.current = Date.now();
      announceTyping(conversationId, uid).catch(() => undefined);
    }
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!trimmed) return;
    const sent = text;
    setText("");
    // The id is chosen once, so a retry after a lost answer lands on the same document.
    sendMessage(conversationId, newMessageId(conversationId), uid, sent).catch((e: unknown) => {
      setText(sent);
      onError(errorMessage(e));
    });
    if (lastTypingWrite.current > 0) {
      lastTypingWrite.current = 0;
      stopTyping(conversationId, uid).catch(() => undefined);
    }
  };

  return (
    <form className="composer" onSubmit={submit}>
      <label className="visually-hidden" htmlFor="composer-text">
        Message
      </label>
      <textarea
        id="composer-text"
        data-testid="composer"
        value={text}
        rows={2}
        maxLength={MESSAGE_LIMITS.textMax}
        placeholder="Write a message…"
        onChange={(e) => onChange(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === "Enter" && !e.shiftKey) submit(e);
        }}
      />
      <button type="submit" className="button" data-testid="send" disabled={!trimmed}>
        Send
      </button>
    </form>
  );
}

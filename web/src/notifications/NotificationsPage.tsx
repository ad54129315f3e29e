import { useState } from "react";
import { Link, useNavigate } from "react-router";
import { noticeLinkPath } from "@numina/model";
import { useReadyProfile } from "../app/guards";
import { errorMessage } from "../shared/errors";
import { Alert, Spinner } from "../shared/ui";
import { formatLocalDateTime } from "../shared/time";
import { useNotices } from "./hooks";
import { deleteNotice, markAllRead, markRead, type NoticeItem } from "./notificationsStore";

const PAGE = 20;

/** The notification centre: newest first, a page at a time; open, mark read, delete. */
export function NotificationsPage() {
  const { session } = useReadyProfile();
  const uid = session.uid;
  const [count, setCount] = useState(PAGE);
  const notices = useNotices(uid, count);
  const [error, setError] = useState<string | null>(null);
  const act = (work: Promise<unknown>) => {
    setError(null);
    work.catch((e: unknown) => setError(errorMessage(e)));
  };

  const items = notices.status === "ready" ? notices.value : [];
  return (
    <div className="page">
      <header className="page-header spread">
        <div>
          <p className="eyebrow">Inbox</p>
          <h1>Notifications</h1>
        </div>
        <div className="row">
          <button
            type="button"
            className="button button-small"
            data-testid="mark-all-read"
            disabled={!items.some((i) => !i.notice.read)}
            onClick={() => act(markAllRead(uid))}
          >
            Mark all read
          </button>
          <Link to="/settings/notifications" className="button button-small" data-testid="notification-settings-link">
            Settings
          </Link>
        </div>
      </header>
      {error && <Alert kind="error">{error}</Alert>}
      {notices.status === "loading" && <Spinner label="Loading notifications…" />}
      {notices.status === "error" && <Alert kind="error">{notices.message}</Alert>}
      {notices.status === "ready" && items.length === 0 && (
        <div className="card empty-state" data-testid="notifications-empty">
          <p className="muted">Nothing yet. Matches, messages and class news will show up here.</p>
        </div>
      )}
      {items.length > 0 && (
        <ul className="plain-list card" data-testid="notification-list">
          {items.map((item) => (
            <NoticeRow key={item.id} uid={uid} item={item} act={act} />
          ))}
        </ul>
      )}
      {items.length === count && (
        <button
          type="button"
          className="button"
          data-testid="notifications-older"
          onClick={() => setCount(count + PAGE)}
        >
          Show older
        </button>
      )}
    </div>
  );
}

function NoticeRow({ uid, item, act }: { uid: string; item: NoticeItem; act: (work: Promise<unknown>) => void }) {
  const navigate = useNavigate();
  const { notice } = item;
  const open = () => {
    if (!notice.read) act(markRead(uid, item.id));
    void navigate(noticeLinkPath(notice.data));
  };
  return (
    <li
      className={`notice-row${notice.read ? "" : " notice-unread"}`}
      data-testid="notification-item"
      data-read={notice.read}
    >
      <button type="button" className="link-button notice-open" onClick={open}>
        <strong>{notice.title}</strong>
        <span>{notice.body}</span>
        <span className="hint">{formatLocalDateTime(notice.createdAt.toMillis())}</span>
      </button>
      <div className="row">
        <button
          type="button"
          className="button button-small"
          data-testid="notification-toggle-read"
          onClick={() => act(markRead(uid, item.id, !notice.read))}
        >
          {notice.read ? "Mark unread" : "Mark read"}
        </button>
        <button
          type="button"
          className="button button-small button-danger"
          data-testid="notification-delete"
          aria-label={`Delete ${notice.title}`}
          onClick={() => act(deleteNotice(uid, item.id))}
        >
          Delete
        </button>
      </div>
    </li>
  );
}

import { Link } from "react-router";
import { UNREAD_CAP } from "./notificationsStore";
import { useUnreadCount } from "./hooks";

/** The header's bell: a link to the notification centre with the live number of unread notices. */
export function NotificationBell({ uid }: { uid: string }) {
  const unread = useUnreadCount(uid);
  const count = unread.status === "ready" ? unread.value : 0;
  const label = count >= UNREAD_CAP ? `${UNREAD_CAP - 1}+` : String(count);
  return (
    <Link
      to="/notifications"
      className="notification-bell"
      data-testid="notification-bell"
      data-unread={count}
      aria-label={count > 0 ? `Notifications, ${label} unread` : "Notifications"}
    >
      <BellIcon />
      {count > 0 && (
        <span className="notification-count" data-testid="notification-count">
          {label}
        </span>
      )}
    </Link>
  );
}

/** Drawn, not an emoji: an emoji bell is a blank box where the system has no emoji font. */
function BellIcon() {
  return (
    <svg
      className="notification-bell-icon"
      viewBox="0 0 24 24"
      width="22"
      height="22"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      <path d="M6 8a6 6 0 0 1 12 0c0 7 3 9 3 9H3s3-2 3-9" />
      <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
    </svg>
  );
}

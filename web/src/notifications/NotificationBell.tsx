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
      <span aria-hidden="true">🔔</span>
      {count > 0 && (
        <span className="notification-count" data-testid="notification-count">
          {label}
        </span>
      )}
    </Link>
  );
}

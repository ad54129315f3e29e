import type { NotificationPreferences } from "@numina/model";
import { useLive } from "../shared/hooks";
import { watchNotices, watchPreferences, watchUnreadCount, type NoticeItem } from "./notificationsStore";

export const useUnreadCount = (uid: string) => useLive<number>(`unread:${uid}`, (w) => watchUnreadCount(uid, w));

export const useNotices = (uid: string, count: number) =>
  useLive<NoticeItem[]>(`notices:${uid}:${count}`, (w) => watchNotices(uid, count, w));

export const useNotificationPreferences = (uid: string) =>
  useLive<NotificationPreferences | null>(`prefs:${uid}`, (w) => watchPreferences(uid, w));

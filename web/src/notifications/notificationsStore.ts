/**
 * The member's notification centre, wishes and devices in Firestore. Reads are live listeners;
 * writes are the few the rules allow the owner: flip `read`, delete a notice, save preferences,
 * register a device.
 */
import {
  collection,
  deleteDoc,
  doc,
  getDocs,
  limit,
  orderBy,
  query,
  serverTimestamp,
  setDoc,
  updateDoc,
  where,
  writeBatch,
  type Unsubscribe,
} from "firebase/firestore";
import {
  notificationPreferencesSchema,
  notificationSchema,
  paths,
  type ChannelSwitches,
  type Notification,
  type NotificationPreferences,
  type NotificationType,
  type QuietHours,
} from "@numina/model";
import { db } from "../firebase";
import { converterFor } from "../shared/converters";
import { dataOrNull, watchDoc, watchQuery, type Watcher } from "../shared/watch";

const notificationConverter = converterFor(notificationSchema);
const preferencesConverter = converterFor(notificationPreferencesSchema);

export interface NoticeItem {
  id: string;
  notice: Notification;
}

/** Beyond this many unread the bell says "99+": the listener never reads more than 100 documents. */
export const UNREAD_CAP = 100;

/**
 * Unread notices, counted live. A listener rather than a count() aggregation: count() answers once
 * and would need polling, while the listener updates the bell the moment a notice arrives or is
 * read, and costs one read per change. The limit keeps a neglected inbox from loading in full.
 */
export function watchUnreadCount(uid: string, watcher: Watcher<number>): Unsubscribe {
  return watchQuery(
    query(collection(db, paths.notifications(uid)), where("read", "==", false), limit(UNREAD_CAP)),
    (snapshot) => snapshot.size,
    watcher,
  );
}

/** The newest `count` notices, live; a page is "Show older" asking for more. */
export function watchNotices(uid: string, count: number, watcher: Watcher<NoticeItem[]>): Unsubscribe {
  return watchQuery(
    query(
      collection(db, paths.notifications(uid)).withConverter(notificationConverter),
      orderBy("createdAt", "desc"),
      limit(count),
    ),
    (snapshot) => snapshot.docs.map((d) => ({ id: d.id, notice: d.data() })),
    watcher,
  );
}

export const markRead = (uid: string, id: string, read = true) =>
  updateDoc(doc(db, paths.notification(uid, id)), { read });

export const deleteNotice = (uid: string, id: string) => deleteDoc(doc(db, paths.notification(uid, id)));

/** Marks every unread notice read, 500 (one batch) at a time. */
export async function markAllRead(uid: string): Promise<void> {
  for (;;) {
    const unread = await getDocs(
      query(collection(db, paths.notifications(uid)), where("read", "==", false), limit(500)),
    );
    if (unread.empty) return;
    const batch = writeBatch(db);
    for (const d of unread.docs) batch.update(d.ref, { read: true });
    await batch.commit();
  }
}

export function watchPreferences(uid: string, watcher: Watcher<NotificationPreferences | null>): Unsubscribe {
  return watchDoc(doc(db, paths.notificationPreferences(uid)).withConverter(preferencesConverter), dataOrNull, watcher);
}

export function savePreferences(
  uid: string,
  prefs: { channels: Partial<Record<NotificationType, ChannelSwitches>>; quietHours: QuietHours | null },
): Promise<void> {
  return setDoc(doc(db, paths.notificationPreferences(uid)), { ...prefs, updatedAt: serverTimestamp() });
}

export function saveDevice(uid: string, deviceId: string, token: string): Promise<void> {
  return setDoc(doc(db, paths.device(uid, deviceId)), { uid, token, platform: "web", updatedAt: serverTimestamp() });
}

export const deleteDevice = (uid: string, deviceId: string) => deleteDoc(doc(db, paths.device(uid, deviceId)));

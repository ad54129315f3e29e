/**
 * The scheduled jobs' data access: the 90-day clean-up of the notification centre, pushes held by
 * quiet hours, and the weekly digest of unread messages.
 */
import { Timestamp, type Firestore, type Query } from "firebase-admin/firestore";
import { noticeLinkPath, type NoticeDraft } from "../model/index.js";
import { refs } from "../shared/refs.js";
import { enqueueMail } from "./mailStore.js";
import { channelsFor } from "./preferences.js";
import type { PushSender } from "./push.js";
import { loadDevices, sendPush } from "./pushStore.js";
import { loadWishes } from "./recipientStore.js";
import { weeklyDigestEmail, type DigestLine } from "./templates.js";
import { dataOrAbsent } from "../shared/firestore.js";

export const RETENTION_DAYS = 90;
const DAY_MS = 24 * 60 * 60 * 1000;

async function deleteAll<T>(db: Firestore, query: Query<T>): Promise<number> {
  let deleted = 0;
  for (;;) {
    const page = await query.limit(500).get();
    if (page.empty) return deleted;
    const batch = db.batch();
    for (const doc of page.docs) batch.delete(doc.ref);
    await batch.commit();
    deleted += page.size;
  }
}

/** Deletes in-app notices and delivery records older than 90 days, for every member. */
export async function cleanUpOldNotifications(db: Firestore, nowMs: number) {
  const cutoff = Timestamp.fromMillis(nowMs - RETENTION_DAYS * DAY_MS);
  const notices = await deleteAll(db, refs(db).allNotifications().where("createdAt", "<", cutoff));
  const deliveries = await deleteAll(db, refs(db).allNotificationDeliveries().where("createdAt", "<", cutoff));
  return { notices, deliveries };
}

/**
 * Sends the pushes quiet hours held back, once they are due. Each is claimed (waiting → pending,
 * guarded by the record's update time) before FCM is called, so two overlapping runs send it once.
 */
export async function sendHeldPushes(db: Firestore, sender: PushSender, nowMs: number, appUrl: string) {
  const due = await refs(db)
    .allNotificationDeliveries()
    .where("push", "==", "waiting")
    .where("pushAt", "<=", Timestamp.fromMillis(nowMs))
    .limit(500)
    .get();
  let sent = 0;
  for (const doc of due.docs) {
    const record = dataOrAbsent(doc);
    const uid = doc.ref.parent.parent?.id;
    if (!record?.notice || !uid) continue;
    const claimed = await doc.ref
      .update({ push: "pending", notice: null }, { lastUpdateTime: doc.updateTime })
      .then(() => true)
      .catch(() => false);
    if (!claimed) continue;
    const draft: NoticeDraft = { id: doc.id, type: record.type, ...record.notice, aboutUids: record.aboutUids };
    const devices = await loadDevices(db, [uid]);
    const outcome = await sendPush(db, sender, draft, new URL(noticeLinkPath(draft.data), appUrl).toString(), devices);
    await refs(db)
      .notificationDelivery(uid, doc.id)
      .update({ push: outcome.delivered.has(uid) ? "sent" : "failed" });
    if (outcome.delivered.has(uid)) sent += 1;
  }
  return sent;
}

/** Monday of the week of `nowMs` (UTC), as YYYY-MM-DD: one digest per member per week. */
export function weekOf(nowMs: number): string {
  const day = new Date(nowMs);
  const monday = new Date(
    Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate() - ((day.getUTCDay() + 6) % 7)),
  );
  return monday.toISOString().slice(0, 10);
}

/**
 * Emails each member with unread message notices a summary, if they want message emails. The
 * mail id carries the week, so a second run in the same week queues nothing.
 */
export async function queueWeeklyDigests(db: Firestore, nowMs: number, appUrl: string) {
  const unread = await refs(db).allNotifications().where("type", "==", "message").where("read", "==", false).get();
  const byMember = new Map<string, DigestLine[]>();
  const namedBy = new Map<string, Set<string>>();
  for (const doc of unread.docs) {
    const uid = doc.ref.parent.parent?.id;
    const notice = dataOrAbsent(doc);
    if (!uid || !notice) continue;
    const lines = byMember.get(uid) ?? [];
    lines.push({ title: notice.title, body: notice.body, count: notice.count ?? 1 });
    byMember.set(uid, lines);
    namedBy.set(uid, new Set([...(namedBy.get(uid) ?? []), ...notice.aboutUids]));
  }
  const members = [...byMember];
  const wishes = await loadWishes(
    db,
    members.map(([uid]) => uid),
  );
  let queued = 0;
  for (const [i, [uid, lines]] of members.entries()) {
    const wish = wishes[i];
    const email = wish?.email;
    if (!wish || !email || !channelsFor(wish.prefs, "message").email) continue;
    const created = await enqueueMail(db, `weekly_digest-${weekOf(nowMs)}-${uid}`, {
      to: email,
      content: weeklyDigestEmail({ lines, appUrl }),
      kind: "weekly_digest",
      uid,
      unsubscribe: { uid, topic: "message" },
      aboutUids: [...(namedBy.get(uid) ?? [])],
    });
    if (created) queued += 1;
  }
  return queued;
}

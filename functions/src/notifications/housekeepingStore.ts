/**
 * The scheduled jobs' data access: the 90-day clean-up of the notification centre, pushes held by
 * quiet hours, and the weekly digest of unread messages.
 */
import { Timestamp, type Firestore, type Query } from "firebase-admin/firestore";
import {
  notificationDeliverySchema,
  notificationGroups,
  notificationPaths,
  noticeLinkPath,
  paths,
  type NoticeDraft,
} from "../model/index.js";
import { enqueueMail } from "./mailStore.js";
import { channelsFor, preferencesOrDefaults } from "./preferences.js";
import type { PushSender } from "./push.js";
import { loadDevices, sendPush } from "./pushStore.js";
import { weeklyDigestEmail, type DigestLine } from "./templates.js";

export const RETENTION_DAYS = 90;
const DAY_MS = 24 * 60 * 60 * 1000;

async function deleteAll(db: Firestore, query: Query): Promise<number> {
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
  const notices = await deleteAll(
    db,
    db.collectionGroup(notificationGroups.notifications).where("createdAt", "<", cutoff),
  );
  const deliveries = await deleteAll(
    db,
    db.collectionGroup(notificationGroups.deliveries).where("createdAt", "<", cutoff),
  );
  return { notices, deliveries };
}

/**
 * Sends the pushes quiet hours held back, once they are due. Each is claimed (waiting → pending,
 * guarded by the record's update time) before FCM is called, so two overlapping runs send it once.
 */
export async function sendHeldPushes(db: Firestore, sender: PushSender, nowMs: number, appUrl: string) {
  const due = await db
    .collectionGroup(notificationGroups.deliveries)
    .where("push", "==", "waiting")
    .where("pushAt", "<=", Timestamp.fromMillis(nowMs))
    .limit(500)
    .get();
  let sent = 0;
  for (const doc of due.docs) {
    const record = notificationDeliverySchema.safeParse(doc.data());
    const uid = doc.ref.parent.parent?.id;
    if (!record.success || !record.data.notice || !uid) continue;
    const claimed = await doc.ref
      .update({ push: "pending", notice: null }, { lastUpdateTime: doc.updateTime })
      .then(() => true)
      .catch(() => false);
    if (!claimed) continue;
    const draft: NoticeDraft = { id: doc.id, type: record.data.type, ...record.data.notice };
    const devices = await loadDevices(db, [uid]);
    const outcome = await sendPush(db, sender, draft, new URL(noticeLinkPath(draft.data), appUrl).toString(), devices);
    await db
      .doc(notificationPaths.delivery(uid, doc.id))
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
  const unread = await db
    .collectionGroup(notificationGroups.notifications)
    .where("type", "==", "message")
    .where("read", "==", false)
    .get();
  const byMember = new Map<string, DigestLine[]>();
  for (const doc of unread.docs) {
    const uid = doc.ref.parent.parent?.id;
    if (!uid) continue;
    const count = doc.get("count") as unknown;
    const lines = byMember.get(uid) ?? [];
    lines.push({
      title: String(doc.get("title")),
      body: String(doc.get("body")),
      count: typeof count === "number" && count > 0 ? count : 1,
    });
    byMember.set(uid, lines);
  }
  let queued = 0;
  for (const [uid, lines] of byMember) {
    const [prefs, settings] = await db.getAll(
      db.doc(paths.notificationPreferences(uid)),
      db.doc(paths.privateSettings(uid)),
    );
    if (!channelsFor(preferencesOrDefaults(prefs?.data()), "message").email) continue;
    const email = settings?.get("email") as unknown;
    if (typeof email !== "string" || !email.includes("@")) continue;
    const created = await enqueueMail(db, `weekly_digest-${weekOf(nowMs)}-${uid}`, {
      to: email,
      content: weeklyDigestEmail({ lines, appUrl }),
      template: "weekly_digest",
      uid,
      unsubscribe: { uid, topic: "message" },
    });
    if (created) queued += 1;
  }
  return queued;
}

/**
 * Writes in-app notifications. Ids are deterministic (see classes/notices.ts) and written with
 * create(), so a notice that already exists is left alone: a retried trigger cannot double-notify.
 */
import { FieldValue, type Firestore } from "firebase-admin/firestore";
import { paths, type NoticeDraft } from "../model/index.js";
import { createAllAbsent } from "../shared/transactions.js";

export function noticeDocument(draft: NoticeDraft) {
  return {
    type: draft.type,
    title: draft.title,
    body: draft.body,
    data: draft.data,
    read: false,
    createdAt: FieldValue.serverTimestamp(),
  };
}

/** Many recipients at once (a cancelled class): batched, skipping anyone already notified. */
export function notifyMany(db: Firestore, uids: readonly string[], draft: NoticeDraft): Promise<number> {
  return createAllAbsent(
    db,
    uids.map((uid) => ({ ref: db.doc(paths.notification(uid, draft.id)), data: noticeDocument(draft) })),
  );
}

/**
 * One notice that stands for a burst (new messages in one conversation): the draft's id names the
 * burst, each call refreshes the text, marks it unread again and counts it, so a member who gets
 * twenty messages sees one line, not twenty.
 */
export function notifyCollapsing(db: Firestore, uid: string, draft: NoticeDraft): Promise<unknown> {
  return db
    .doc(paths.notification(uid, draft.id))
    .set({ ...noticeDocument(draft), count: FieldValue.increment(1) }, { merge: true });
}

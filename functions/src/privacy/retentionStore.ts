/**
 * Enforcing the retention policies (retention.ts): each run deletes what is past its period, a
 * page at a time, up to a cap per policy so one run stays well inside a function's time limit; the
 * next day's run takes the rest. Deleting what is already gone is a no-op, so overlapping or
 * repeated runs do no harm.
 */
import { Timestamp, type Firestore, type Query, type QueryDocumentSnapshot } from "firebase-admin/firestore";
import { dataOrAbsent } from "../shared/firestore.js";
import { refs } from "../shared/refs.js";
import { mailIsFinished, retentionCutoffMs, type RetentionPolicy } from "./retention.js";

const PAGE = 300;
/** Documents one run looks at per policy. */
export const RETENTION_SCAN_CAP = 5_000;

/**
 * Deletes the documents of `query` (ordered on the field it filters) that `expired` accepts.
 * Pages by cursor, so documents kept (an email still retrying) do not hold the next page back.
 */
async function deleteInPages<T>(db: Firestore, query: Query<T>, expired: (data: T | undefined) => boolean) {
  let deleted = 0;
  let scanned = 0;
  let cursor: QueryDocumentSnapshot<T> | undefined;
  while (scanned < RETENTION_SCAN_CAP) {
    const page = await (cursor ? query.startAfter(cursor) : query).limit(PAGE).get();
    if (page.empty) break;
    const doomed = page.docs.filter((doc) => expired(dataOrAbsent(doc)));
    if (doomed.length > 0) {
      const batch = db.batch();
      for (const doc of doomed) batch.delete(doc.ref);
      await batch.commit();
    }
    deleted += doomed.length;
    scanned += page.size;
    cursor = page.docs.at(-1);
    if (page.size < PAGE) break;
  }
  return deleted;
}

/** An export is gone once it expires: its parts first, so no part outlives the export that names it. */
async function deleteExpiredExports(db: Firestore, now: Timestamp): Promise<number> {
  const expired = await refs(db).dataExports().where("expiresAt", "<", now).orderBy("expiresAt").limit(PAGE).get();
  for (const doc of expired.docs) {
    const parts = await refs(db).dataExportParts(doc.id).get();
    const batch = db.batch();
    for (const part of parts.docs) batch.delete(part.ref);
    batch.delete(doc.ref);
    await batch.commit();
  }
  return expired.size;
}

export async function applyRetention(db: Firestore, nowMs: number): Promise<Record<RetentionPolicy, number>> {
  const r = refs(db);
  const before = (policy: RetentionPolicy) => Timestamp.fromMillis(retentionCutoffMs(policy, nowMs));
  return {
    // An email that is still pending or retrying stays, however old: the outbox owns it.
    deliveredMail: await deleteInPages(
      db,
      r.outbox().where("createdAt", "<", before("deliveredMail")).orderBy("createdAt"),
      (mail) => mail !== undefined && mailIsFinished(mail.delivery),
    ),
    // Only reviewed reports have a reviewedAt; an open one is never matched. Checked anyway.
    closedReports: await deleteInPages(
      db,
      r.reports().where("reviewedAt", "<", before("closedReports")).orderBy("reviewedAt"),
      (report) => report !== undefined && report.status !== "open",
    ),
    auditLogs: await deleteInPages(db, r.auditLogs().where("at", "<", before("auditLogs")).orderBy("at"), () => true),
    dataExports: await deleteExpiredExports(db, Timestamp.fromMillis(nowMs)),
    messageReceipts: await deleteInPages(
      db,
      r.allMessageReceipts().where("appliedAt", "<", before("messageReceipts")).orderBy("appliedAt"),
      () => true,
    ),
  };
}

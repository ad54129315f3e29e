/**
 * The data export (GDPR art. 15 and 20): a member asks (requestDataExport), a trigger builds the
 * archive into `dataExports/{id}/parts`, and the member is told in-app and by email that it is
 * ready to download from Settings → Your data, until it expires.
 *
 * Building is idempotent: part ids are their index, so a retried build overwrites the same parts,
 * drops any left over from a longer earlier attempt, and a finished export is never rebuilt.
 */
import { FieldValue, Timestamp, type Firestore } from "firebase-admin/firestore";
import { EXPORT_LIMITS, exportPartId, type NoticeDraft, type RequestDataExportResponse } from "../model/index.js";
import { takeRateLimit } from "../limits/index.js";
import { audit } from "../moderation/index.js";
import { deliverToMany, type DeliveryOptions } from "../notifications/index.js";
import { refs } from "../shared/refs.js";
import { runDomainTransaction } from "../shared/transactions.js";
import { DATA_INVENTORY } from "./dataInventory.js";
import { ArchiveWriter } from "./exportArchive.js";
import { pagesOf } from "./memberDocumentStore.js";
import { MEMBER_DOCUMENT_SOURCES } from "./memberDocuments.js";

const DAY_MS = 24 * 60 * 60_000;

/** An audit entry for what a member did to their own account: labelled without their email. */
export const SELF = (uid: string) => ({ uid, label: "the member" });

export async function requestDataExport(db: Firestore, uid: string, nowMs: number): Promise<RequestDataExportResponse> {
  const exportRef = refs(db).dataExports().doc();
  await runDomainTransaction(db, async (tx) => {
    const commitLimit = await takeRateLimit(tx, db, "dataExport", uid, nowMs, "data exports a day");
    commitLimit();
    tx.create(exportRef, {
      uid,
      status: "building",
      requestedAt: Timestamp.fromMillis(nowMs),
      readyAt: null,
      expiresAt: Timestamp.fromMillis(nowMs + EXPORT_LIMITS.availableDays * DAY_MS),
      partCount: 0,
      size: 0,
      counts: {},
      error: null,
    });
    audit(tx, db, {
      action: "account.export_requested",
      by: SELF(uid),
      targetUid: uid,
      before: {},
      after: { exportId: exportRef.id },
      reason: "",
      reportId: null,
    });
  });
  return { exportId: exportRef.id };
}

/** The sections an export carries, in the inventory's order: the member's own side only. */
const EXPORTED_SOURCES = MEMBER_DOCUMENT_SOURCES.filter(
  (source) => source.side === "own" && DATA_INVENTORY[source.entry].exported,
);

export function exportReadyNotice(exportId: string, expiresAtMs: number): NoticeDraft {
  const until = new Date(expiresAtMs).toUTCString().slice(0, 16);
  return {
    id: `export-ready-${exportId}`,
    type: "privacy",
    title: "Your data is ready",
    body: `Download it from Settings → Your data until ${until}.`,
    data: { exportId },
    aboutUids: [],
  };
}

export type BuildOutcome = "built" | "already-built" | "missing";

export async function buildDataExport(
  db: Firestore,
  exportId: string,
  options: DeliveryOptions & { partChars?: number } = {},
): Promise<BuildOutcome> {
  const exportRef = refs(db).dataExport(exportId);
  const request = (await exportRef.get()).data();
  if (!request) return "missing";
  if (request.status === "ready") return "already-built";
  const { uid, expiresAt } = request;
  const parts = refs(db).dataExportParts(exportId);

  const writer = new ArchiveWriter(
    options.partChars ?? EXPORT_LIMITS.partChars,
    async (index, text) => {
      await parts.doc(exportPartId(index)).set({ uid, index, text, expiresAt });
      await exportRef.update({ partCount: index + 1 });
    },
    { uid, generatedAtMs: Date.now() },
  );
  // One member document can be found by two sources of an entry (an audit entry they both did
  // and were the subject of); the archive lists it once.
  const seen = new Set<string>();
  for (const source of EXPORTED_SOURCES) {
    await writer.beginSection({ entry: source.entry, holds: DATA_INVENTORY[source.entry].holds });
    for await (const page of pagesOf(db, uid, source)) {
      for (const doc of page) {
        if (seen.has(doc.ref.path)) continue;
        seen.add(doc.ref.path);
        await writer.add(doc.ref.path, doc.data());
      }
    }
  }
  const built = await writer.finish();

  // A longer earlier attempt may have left parts past the end.
  const leftover = await parts.where("index", ">=", built.partCount).get();
  await Promise.all(leftover.docs.map((doc) => doc.ref.delete()));

  await exportRef.update({
    status: "ready",
    readyAt: FieldValue.serverTimestamp(),
    partCount: built.partCount,
    size: built.size,
    counts: built.counts,
    error: null,
  });
  await deliverToMany(db, [uid], exportReadyNotice(exportId, expiresAt.toMillis()), options);
  return "built";
}

/** A build that failed for good (its retries ran out): the member sees it and can ask again. */
export async function markExportFailed(db: Firestore, exportId: string, error: string): Promise<void> {
  await refs(db)
    .dataExport(exportId)
    .update({ status: "failed", error: error.slice(0, 500) });
}

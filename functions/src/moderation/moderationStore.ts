/**
 * Moderation actions. Each is one transaction: the member's standing (or the message), the
 * report it answers, and the audit entry with the moderator and the reason commit together.
 * `users/{uid}.disabled` mirrors a restriction so Discover drops the member (matching already
 * honours it); rules and callables read `moderation/{uid}` itself, so they stop at `until` even
 * before the sweep lifts the mirror.
 */
import { FieldValue, Timestamp, type Firestore, type Transaction } from "firebase-admin/firestore";
import {
  type AuditAction,
  type DismissReportRequest,
  type ModerateMemberRequest,
  type ModerateMemberResponse,
  type Report,
  type Standing,
  type TakeDownCommentRequest,
  type TakeDownMessageRequest,
  dismissReportRequestSchema,
  moderateMemberRequestSchema,
  takeDownCommentRequestSchema,
  takeDownMessageRequestSchema,
} from "../model/index.js";
import { tombstoneWithEvidence } from "../messaging/index.js";
import { removeComment } from "../social/index.js";
import { DomainError } from "../shared/errors.js";
import { dataOrAbsent } from "../shared/firestore.js";
import { refs } from "../shared/refs.js";
import { parseOrThrow } from "../shared/validation.js";

export interface Moderator {
  uid: string | null;
  label: string;
}

const DAY_MS = 24 * 60 * 60_000;
const isoOf = (at: { toMillis(): number } | null | undefined) => (at ? new Date(at.toMillis()).toISOString() : null);

async function openReportIn(tx: Transaction, db: Firestore, reportId: string): Promise<Report> {
  const report = dataOrAbsent(await tx.get(refs(db).report(reportId)));
  if (!report) throw new DomainError("not-found", "This report does not exist.");
  if (report.status !== "open") throw new DomainError("failed-precondition", "This report was already closed.");
  return report;
}

function closeReport(
  tx: Transaction,
  db: Firestore,
  reportId: string,
  status: "actioned" | "dismissed",
  by: Moderator,
) {
  tx.update(refs(db).report(reportId), {
    status,
    reviewedBy: by.uid ?? by.label,
    reviewedAt: FieldValue.serverTimestamp(),
  });
}

/** An audit entry, in the transaction of the action it records. Other features' moderation uses it too. */
export function audit(
  tx: Transaction,
  db: Firestore,
  entry: {
    action: AuditAction;
    by: Moderator;
    targetUid: string;
    before: Record<string, unknown>;
    after: Record<string, unknown>;
    reason: string;
    reportId: string | null;
  },
) {
  tx.create(refs(db).auditLogs().doc(), {
    action: entry.action,
    actorUid: entry.by.uid,
    actorLabel: entry.by.label,
    targetUid: entry.targetUid,
    before: entry.before,
    after: entry.after,
    reason: entry.reason,
    reportId: entry.reportId,
    at: FieldValue.serverTimestamp(),
  });
}

const AUDIT_ACTION = { suspend: "member.suspended", ban: "member.banned", reinstate: "member.reinstated" } as const;

/** Suspends (for a number of days), bans or reinstates a member; closes the report acted on. */
export async function moderateMember(
  db: Firestore,
  by: Moderator,
  request: ModerateMemberRequest,
  nowMs = Date.now(),
): Promise<ModerateMemberResponse> {
  const input = parseOrThrow(moderateMemberRequestSchema, request, "moderation");
  if (input.uid === by.uid) throw new DomainError("invalid-argument", "uid: You cannot moderate yourself.");
  const standing: Standing = input.action === "reinstate" ? "active" : input.action === "ban" ? "banned" : "suspended";
  const until = input.action === "suspend" ? Timestamp.fromMillis(nowMs + input.days * DAY_MS) : null;

  return db.runTransaction(async (tx) => {
    const [profileSnap, moderationSnap] = await Promise.all([
      tx.get(refs(db).user(input.uid)),
      tx.get(refs(db).moderation(input.uid)),
    ]);
    const profile = dataOrAbsent(profileSnap);
    if (!profile) throw new DomainError("not-found", "This member does not exist.");
    if (profile.role === "admin") {
      throw new DomainError("failed-precondition", "An admin cannot be suspended. Change their role first.");
    }
    if (input.reportId) {
      const report = await openReportIn(tx, db, input.reportId);
      if (report.subjectUid !== input.uid) {
        throw new DomainError("invalid-argument", "reportId: This report is about someone else.");
      }
    }
    const previous = dataOrAbsent(moderationSnap);

    tx.set(refs(db).moderation(input.uid), {
      standing,
      until,
      reason: input.reason,
      updatedAt: FieldValue.serverTimestamp(),
    });
    if (profile.disabled !== (standing !== "active")) {
      tx.update(refs(db).user(input.uid), { disabled: standing !== "active" });
    }
    if (input.reportId) closeReport(tx, db, input.reportId, "actioned", by);
    audit(tx, db, {
      action: AUDIT_ACTION[input.action],
      by,
      targetUid: input.uid,
      before: { standing: previous?.standing ?? "active", until: isoOf(previous?.until) },
      after: { standing, until: isoOf(until) },
      reason: input.reason,
      reportId: input.reportId,
    });
    return { standing, until: isoOf(until) };
  });
}

/** Removes a reported message for both sides (its text kept as evidence) and closes the report. */
export async function takeDownMessage(
  db: Firestore,
  by: Moderator,
  request: TakeDownMessageRequest,
  nowMs = Date.now(),
): Promise<{ removed: boolean }> {
  const input = parseOrThrow(takeDownMessageRequestSchema, request, "take-down");
  return db.runTransaction(async (tx) => {
    const report = await openReportIn(tx, db, input.reportId);
    const { conversationId, messageId } = report;
    if (report.subjectKind !== "message" || !conversationId || !messageId) {
      throw new DomainError("invalid-argument", "reportId: This report is not about a message.");
    }
    const message = dataOrAbsent(await tx.get(refs(db).message(conversationId, messageId)));
    const removed = Boolean(message && !message.deleted);
    if (message && removed) tombstoneWithEvidence(tx, db, { conversationId, messageId }, message, nowMs, true);
    closeReport(tx, db, input.reportId, "actioned", by);
    audit(tx, db, {
      action: "message.taken_down",
      by,
      targetUid: report.subjectUid,
      before: { deleted: message?.deleted ?? true },
      after: { conversationId, messageId, deleted: true },
      reason: input.reason,
      reportId: input.reportId,
    });
    return { removed };
  });
}

/** Removes a reported comment from its activity (the report keeps its text) and closes the report. */
export async function takeDownComment(
  db: Firestore,
  by: Moderator,
  request: TakeDownCommentRequest,
): Promise<{ removed: boolean }> {
  const input = parseOrThrow(takeDownCommentRequestSchema, request, "take-down");
  return db.runTransaction(async (tx) => {
    const report = await openReportIn(tx, db, input.reportId);
    const { activityId, commentId } = report;
    if (report.subjectKind !== "comment" || !activityId || !commentId) {
      throw new DomainError("invalid-argument", "reportId: This report is not about a comment.");
    }
    const comment = await tx.get(refs(db).activityComment(activityId, commentId));
    // Already deleted by its author, or by the activity's: the report still closes as actioned.
    const removed = comment.exists;
    if (removed) removeComment(tx, db, activityId, commentId);
    closeReport(tx, db, input.reportId, "actioned", by);
    audit(tx, db, {
      action: "comment.taken_down",
      by,
      targetUid: report.subjectUid,
      before: { exists: removed },
      after: { activityId, commentId, exists: false },
      reason: input.reason,
      reportId: input.reportId,
    });
    return { removed };
  });
}

/** Closes a report with no action, with the moderator's reason in the audit log. */
export async function dismissReport(db: Firestore, by: Moderator, request: DismissReportRequest): Promise<void> {
  const input = parseOrThrow(dismissReportRequestSchema, request, "dismissal");
  await db.runTransaction(async (tx) => {
    const report = await openReportIn(tx, db, input.reportId);
    closeReport(tx, db, input.reportId, "dismissed", by);
    audit(tx, db, {
      action: "report.dismissed",
      by,
      targetUid: report.subjectUid,
      before: { status: "open" },
      after: { status: "dismissed" },
      reason: input.reason,
      reportId: input.reportId,
    });
  });
}

/**
 * Lifts suspensions that have run out: standing active, Discover sees the member again, and the
 * audit log says the schedule did it. Safe to run twice: each member is re-read in its transaction.
 */
export async function liftExpiredSuspensions(db: Firestore, nowMs = Date.now(), batchSize = 200): Promise<number> {
  const now = Timestamp.fromMillis(nowMs);
  const due = await refs(db)
    .moderations()
    .where("standing", "==", "suspended")
    .where("until", "<=", now)
    .limit(batchSize)
    .get();
  let lifted = 0;
  for (const doc of due.docs) {
    const uid = doc.id;
    const done = await db.runTransaction(async (tx) => {
      const [moderationSnap, profileSnap] = await Promise.all([
        tx.get(refs(db).moderation(uid)),
        tx.get(refs(db).user(uid)),
      ]);
      const [moderation, profile] = [dataOrAbsent(moderationSnap), dataOrAbsent(profileSnap)];
      if (moderation?.standing !== "suspended" || !moderation.until || moderation.until.toMillis() > nowMs)
        return false;
      tx.update(refs(db).moderation(uid), { standing: "active", until: null, updatedAt: FieldValue.serverTimestamp() });
      if (profile?.disabled) tx.update(refs(db).user(uid), { disabled: false });
      audit(tx, db, {
        action: "member.reinstated",
        by: { uid: null, label: "suspension ended" },
        targetUid: uid,
        before: { standing: "suspended", until: isoOf(moderation.until) },
        after: { standing: "active", until: null },
        reason: "The suspension ended.",
        reportId: null,
      });
      return true;
    });
    if (done) lifted += 1;
  }
  return lifted;
}

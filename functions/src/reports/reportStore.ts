/**
 * Filing reports. Each report is created in one transaction with the reporter's daily limit, so
 * a refused report writes nothing and a retried call files nothing twice (the ids are
 * deterministic, and only functions create reports).
 */
import { FieldValue, type Firestore, type Transaction } from "firebase-admin/firestore";
import {
  commentReportId,
  memberReportId,
  messageReportId,
  type Report,
  type ReportCommentRequest,
  type ReportMemberRequest,
  type ReportMessageRequest,
  type ReportResponse,
  reportCommentRequestSchema,
  reportMemberRequestSchema,
  reportMessageRequestSchema,
} from "../model/index.js";
import { takeRateLimit } from "../limits/index.js";
import { DomainError } from "../shared/errors.js";
import { dataOrAbsent } from "../shared/firestore.js";
import { refs } from "../shared/refs.js";
import { parseOrThrow } from "../shared/validation.js";

type NewReport = Omit<Report, "createdAt" | "status" | "reviewedBy" | "reviewedAt">;

/** The open report as it is created: the server stamps the time; nobody has reviewed it yet. */
function openReport(report: NewReport) {
  return {
    ...report,
    status: "open" as const,
    createdAt: FieldValue.serverTimestamp(),
    reviewedBy: null,
    reviewedAt: null,
  };
}

/**
 * Reads the report's id; if the caller filed it already, answers so without counting. Otherwise
 * runs `prepare` (the transaction's other reads), takes a place in the daily limit and creates it.
 */
async function fileOnce(
  db: Firestore,
  reportId: string,
  reporterId: string,
  nowMs: number,
  prepare: (tx: Transaction) => Promise<NewReport>,
): Promise<ReportResponse> {
  return db.runTransaction(async (tx) => {
    const ref = refs(db).report(reportId);
    if ((await tx.get(ref)).exists) return { reportId, alreadyReported: true };
    const report = await prepare(tx);
    const record = await takeRateLimit(tx, db, "report", reporterId, nowMs, "reports a day");
    record();
    tx.create(ref, openReport(report));
    return { reportId, alreadyReported: false };
  });
}

/** A member reports another member. */
export async function reportMember(
  db: Firestore,
  reporterId: string,
  request: ReportMemberRequest,
  nowMs = Date.now(),
): Promise<ReportResponse> {
  const input = parseOrThrow(reportMemberRequestSchema, request, "report");
  if (input.subjectUid === reporterId) {
    throw new DomainError("invalid-argument", "subjectUid: You cannot report yourself.");
  }
  const reportId = memberReportId(input.subjectUid, reporterId, nowMs);
  return fileOnce(db, reportId, reporterId, nowMs, async (tx) => {
    if (!(await tx.get(refs(db).user(input.subjectUid))).exists) {
      throw new DomainError("not-found", "This member does not exist.");
    }
    return {
      reporterId,
      subjectUid: input.subjectUid,
      subjectKind: "user",
      reason: input.reason,
      details: input.details,
      conversationId: null,
      messageId: null,
      messageText: null,
      activityId: null,
      commentId: null,
      commentText: null,
    };
  });
}

/**
 * A member reports a message in a conversation they are in, with a copy of its text. A message
 * the sender has deleted since is reported from its evidence, so deleting does not escape a report.
 */
export async function reportMessage(
  db: Firestore,
  reporterId: string,
  request: ReportMessageRequest,
  nowMs = Date.now(),
): Promise<ReportResponse> {
  const input = parseOrThrow(reportMessageRequestSchema, request, "report");
  const { conversationId, messageId } = input;
  const reportId = messageReportId(conversationId, messageId, reporterId);
  return fileOnce(db, reportId, reporterId, nowMs, async (tx) => {
    const [conversationSnap, messageSnap, evidenceSnap] = await Promise.all([
      tx.get(refs(db).conversation(conversationId)),
      tx.get(refs(db).message(conversationId, messageId)),
      tx.get(refs(db).messageEvidence(conversationId, messageId)),
    ]);
    if (!dataOrAbsent(conversationSnap)?.memberIds.includes(reporterId)) {
      throw new DomainError("not-found", "You are not in this conversation.");
    }
    const message = dataOrAbsent(messageSnap);
    if (!message) throw new DomainError("not-found", "This message does not exist.");
    if (message.senderId === reporterId) {
      throw new DomainError("invalid-argument", "messageId: You cannot report your own message.");
    }
    const evidence = dataOrAbsent(evidenceSnap);
    const text = message.deleted ? evidence?.text : message.text;
    if (text === undefined) {
      throw new DomainError("failed-precondition", "This message was deleted too long ago to report.");
    }
    return {
      reporterId,
      subjectUid: message.senderId,
      subjectKind: "message",
      reason: input.reason,
      details: input.details,
      conversationId,
      messageId,
      messageText: text,
      activityId: null,
      commentId: null,
      commentText: null,
    };
  });
}

/**
 * A member reports a comment on an activity they can see (their feed holds it), with a copy of
 * its text, so the report outlives the comment being deleted.
 */
export async function reportComment(
  db: Firestore,
  reporterId: string,
  request: ReportCommentRequest,
  nowMs = Date.now(),
): Promise<ReportResponse> {
  const input = parseOrThrow(reportCommentRequestSchema, request, "report");
  const { activityId, commentId } = input;
  const reportId = commentReportId(activityId, commentId, reporterId);
  return fileOnce(db, reportId, reporterId, nowMs, async (tx) => {
    const [copySnap, commentSnap] = await Promise.all([
      tx.get(refs(db).feedEntry(reporterId, activityId)),
      tx.get(refs(db).activityComment(activityId, commentId)),
    ]);
    const comment = dataOrAbsent(commentSnap);
    if (!copySnap.exists || !comment) throw new DomainError("not-found", "This comment is not there.");
    if (comment.authorId === reporterId) {
      throw new DomainError("invalid-argument", "commentId: You cannot report your own comment.");
    }
    return {
      reporterId,
      subjectUid: comment.authorId,
      subjectKind: "comment",
      reason: input.reason,
      details: input.details,
      conversationId: null,
      messageId: null,
      messageText: null,
      activityId,
      commentId,
      commentText: comment.text,
    };
  });
}

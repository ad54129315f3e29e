/**
 * Reports: members report a member or one of their messages; admins review the queue. Reports
 * are filed only by functions (reports/callables.ts), which choose the id and count each
 * reporter's daily limit, so nobody can file under an id someone else's report will need.
 */
import { z } from "zod";
import { documentIdSchema, timestampSchema, uidIdSchema } from "./primitives.js";

export const REPORT_REASONS = ["spam", "harassment", "inappropriate", "fake_profile", "safety", "other"] as const;
export type ReportReason = (typeof REPORT_REASONS)[number];

/** What a report is about: a member, one message they sent, or one comment they wrote on an activity. */
export const REPORT_SUBJECT_KINDS = ["user", "message", "comment"] as const;
export type ReportSubjectKind = (typeof REPORT_SUBJECT_KINDS)[number];

export const REPORT_STATUSES = ["open", "actioned", "dismissed"] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

export const REPORT_DETAILS_MAX = 1000;

/**
 * `reports/{id}`: the admin review queue. A message report carries a copy of the text as it was
 * sent (from the message, or from its evidence if the sender has deleted it since).
 */
export const reportSchema = z.object({
  reporterId: z.string(),
  subjectUid: z.string(),
  subjectKind: z.enum(REPORT_SUBJECT_KINDS),
  reason: z.enum(REPORT_REASONS),
  details: z.string().max(REPORT_DETAILS_MAX),
  /** Message reports only. */
  conversationId: z.string().nullable(),
  messageId: z.string().nullable(),
  messageText: z.string().nullable(),
  /** Comment reports only (absent on reports filed before comments existed). */
  activityId: z.string().nullable().default(null),
  commentId: z.string().nullable().default(null),
  /** The comment as it was when reported: it stays here if the comment is deleted or taken down. */
  commentText: z.string().nullable().default(null),
  status: z.enum(REPORT_STATUSES),
  createdAt: timestampSchema,
  reviewedBy: z.string().nullable(),
  reviewedAt: timestampSchema.nullable(),
});
export type Report = z.infer<typeof reportSchema>;

/**
 * The id of a member's report of a message: one report per reporter per message, so a retried
 * call files one report. Only functions create reports, so nobody else can take this id first.
 */
export function messageReportId(conversationId: string, messageId: string, reporterId: string): string {
  return `message-${conversationId}-${messageId}-${reporterId}`;
}

/**
 * The id of a member's report of another member: one per reporter, subject and UTC day. A retry
 * files nothing twice; a new incident on a later day is a new report.
 */
export function memberReportId(subjectUid: string, reporterId: string, atMs: number): string {
  return `member-${subjectUid}-${reporterId}-${new Date(atMs).toISOString().slice(0, 10)}`;
}

/** One report per reporter per comment, like a message's. */
export function commentReportId(activityId: string, commentId: string, reporterId: string): string {
  return `comment-${activityId}-${commentId}-${reporterId}`;
}

/** The reporter of the reports Numina files itself, such as a no-show pattern (partnerFeedback/). */
export const SYSTEM_REPORTER_ID = "numina";

/** One report per no-show pattern: the count it was filed at is in the id, so a retry files it once. */
export function noShowReportId(subjectUid: string, noShows: number): string {
  return `no-shows-${subjectUid}-${noShows}`;
}

const details = z.string().max(REPORT_DETAILS_MAX).default("");

export const reportMemberRequestSchema = z.object({
  subjectUid: uidIdSchema,
  reason: z.enum(REPORT_REASONS),
  details,
});
export type ReportMemberRequest = z.input<typeof reportMemberRequestSchema>;

export const reportMessageRequestSchema = z.object({
  conversationId: documentIdSchema,
  messageId: documentIdSchema,
  reason: z.enum(REPORT_REASONS),
  details,
});
export type ReportMessageRequest = z.input<typeof reportMessageRequestSchema>;

export const reportCommentRequestSchema = z.object({
  activityId: documentIdSchema,
  commentId: documentIdSchema,
  reason: z.enum(REPORT_REASONS),
  details,
});
export type ReportCommentRequest = z.input<typeof reportCommentRequestSchema>;

export interface ReportResponse {
  reportId: string;
  /** The caller had already filed this report: nothing new was filed. */
  alreadyReported: boolean;
}

/**
 * Shapes shared by matching (Discover, matches, blocks, reports) and the features that build on
 * it (messaging opens a conversation per match and honours blocks).
 */
import { z } from "zod";
import { timestampSchema } from "./schemas.js";

export const MATCH_ACTIONS = ["like", "pass", "super_like"] as const;
export type MatchAction = (typeof MATCH_ACTIONS)[number];

/**
 * The id of a pair of members, whoever acts first: both uids sorted and joined by `_`. Used for
 * `matches/{pairId}` and for the pair's direct conversation, so a retry or a race lands on the
 * same document.
 */
export function pairIdOf(a: string, b: string): string {
  if (a === b) throw new Error("A pair needs two different members");
  return a < b ? `${a}_${b}` : `${b}_${a}`;
}

/** Both members of a pair, sorted. */
export function membersOfPair(a: string, b: string): [string, string] {
  return a < b ? [a, b] : [b, a];
}

/** `matches/{pairId}`: written only by functions when both members like each other. */
export const matchSchema = z.object({
  userIds: z.tuple([z.string(), z.string()]),
  createdAt: timestampSchema,
  conversationId: z.string(),
});
export type Match = z.infer<typeof matchSchema>;

export const REPORT_REASONS = ["spam", "harassment", "inappropriate", "fake_profile", "safety", "other"] as const;
export type ReportReason = (typeof REPORT_REASONS)[number];

/** What a report is about: a member, or one message they sent. */
export const REPORT_SUBJECT_KINDS = ["user", "message"] as const;
export type ReportSubjectKind = (typeof REPORT_SUBJECT_KINDS)[number];

export const REPORT_STATUSES = ["open", "actioned", "dismissed"] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

/**
 * `reports/{id}`: the admin review queue. A member reports another member directly (rules check
 * the reporter); a reported message is filed by a function, which copies the message text so the
 * reviewer sees what was said even if the sender deletes it.
 */
export const reportSchema = z.object({
  reporterId: z.string(),
  subjectUid: z.string(),
  subjectKind: z.enum(REPORT_SUBJECT_KINDS),
  reason: z.enum(REPORT_REASONS),
  details: z.string().max(1000),
  /** Message reports only. */
  conversationId: z.string().nullable(),
  messageId: z.string().nullable(),
  messageText: z.string().nullable(),
  status: z.enum(REPORT_STATUSES),
  createdAt: timestampSchema,
  reviewedBy: z.string().nullable(),
  reviewedAt: timestampSchema.nullable(),
});
export type Report = z.infer<typeof reportSchema>;

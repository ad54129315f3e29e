/**
 * Moderation: what an admin does about a member or a message, and a member's standing. Written
 * only by functions (moderation/), every action in the audit log with its moderator and reason.
 */
import { z } from "zod";
import { documentIdSchema, timestampSchema, uidIdSchema } from "./primitives.js";

export const STANDINGS = ["active", "suspended", "banned"] as const;
export type Standing = (typeof STANDINGS)[number];

/** Where a suspended or banned member is told to write to appeal. */
export const APPEALS_EMAIL = "appeals@numina.app";

export const MODERATION_LIMITS = { reasonMax: 500, suspensionDaysMax: 365 } as const;

/**
 * `moderation/{uid}`: a member's standing. Absent for a member never moderated. The member and
 * admins read it; rules and callables refuse a restricted member (see isRestricted). `until` is
 * when a suspension ends; a ban has none. It names neither the moderator nor the report (whose id
 * names the reporter): a suspended member must not learn whom to retaliate against. The audit
 * log, which only admins read, holds both.
 */
export const moderationSchema = z.object({
  standing: z.enum(STANDINGS),
  until: timestampSchema.nullable(),
  /** Shown to the member: why. */
  reason: z.string().max(MODERATION_LIMITS.reasonMax),
  updatedAt: timestampSchema,
});
export type Moderation = z.infer<typeof moderationSchema>;

/** A standing as the pure checks below take it. */
export const standingView = (m: Moderation) => ({
  standing: m.standing,
  untilMs: m.until?.toMillis() ?? null,
  reason: m.reason,
});

/** Restricted now: banned, or suspended until a time still ahead. Pure. */
export function isRestricted(moderation: { standing: Standing; untilMs: number | null } | null, nowMs: number) {
  if (!moderation) return false;
  if (moderation.standing === "banned") return true;
  return moderation.standing === "suspended" && moderation.untilMs !== null && moderation.untilMs > nowMs;
}

/** What the member is told, everywhere a restricted member is refused. */
export function restrictionMessage(moderation: { standing: Standing; untilMs: number | null; reason: string }): string {
  const appeal = `To appeal, write to ${APPEALS_EMAIL}.`;
  if (moderation.standing === "banned") return `Your account is banned: ${moderation.reason}. ${appeal}`;
  const until = moderation.untilMs === null ? "" : ` until ${new Date(moderation.untilMs).toUTCString()}`;
  return `Your account is suspended${until}: ${moderation.reason}. ${appeal}`;
}

const reasonSchema = z.string().trim().min(1).max(MODERATION_LIMITS.reasonMax);

export const MODERATION_ACTIONS = ["suspend", "ban", "reinstate"] as const;
export type ModerationAction = (typeof MODERATION_ACTIONS)[number];

/** `moderateMember`: an admin suspends (for `days`), bans or reinstates a member. */
export const moderateMemberRequestSchema = z.discriminatedUnion("action", [
  z.object({
    action: z.literal("suspend"),
    uid: uidIdSchema,
    days: z.number().int().min(1).max(MODERATION_LIMITS.suspensionDaysMax),
    reason: reasonSchema,
    reportId: documentIdSchema.nullable().default(null),
  }),
  z.object({
    action: z.literal("ban"),
    uid: uidIdSchema,
    reason: reasonSchema,
    reportId: documentIdSchema.nullable().default(null),
  }),
  z.object({
    action: z.literal("reinstate"),
    uid: uidIdSchema,
    reason: reasonSchema,
    reportId: z.null().default(null),
  }),
]);
export type ModerateMemberRequest = z.input<typeof moderateMemberRequestSchema>;
export interface ModerateMemberResponse {
  standing: Standing;
  /** ISO 8601, suspensions only. */
  until: string | null;
}

/** `takeDownMessage`: an admin removes a reported message for both sides. */
export const takeDownMessageRequestSchema = z.object({ reportId: documentIdSchema, reason: reasonSchema });
export type TakeDownMessageRequest = z.input<typeof takeDownMessageRequestSchema>;

/** `takeDownComment`: an admin removes a reported comment from its activity (the report keeps its text). */
export const takeDownCommentRequestSchema = z.object({ reportId: documentIdSchema, reason: reasonSchema });
export type TakeDownCommentRequest = z.input<typeof takeDownCommentRequestSchema>;

/** `dismissReport`: an admin closes a report with no action. */
export const dismissReportRequestSchema = z.object({ reportId: documentIdSchema, reason: reasonSchema });
export type DismissReportRequest = z.input<typeof dismissReportRequestSchema>;

/** How often the scheduled job lifts suspensions that have run out (rules stop at `until` already). */
export const SUSPENSION_SWEEP_MINUTES = 15;

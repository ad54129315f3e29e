/**
 * Limits on abuse paths (location moves, preference writes, reports, messages, account emails,
 * devices): the names, their defaults, and the admin's overrides in `config/limits`. Enforced by
 * functions (`limits/`) and, for what clients write directly, by firestore.rules, which read the
 * same document.
 */
import { z } from "zod";
import { timestampSchema } from "./primitives.js";

/**
 * A count per window: at most `max` in any fixed window of `windowMinutes`, per subject (a uid,
 * or the hash of an email address or a caller's IP).
 */
export const RATE_LIMIT_NAMES = [
  /** A member moving their own location (the trilateration attack needs many vantage points). */
  "locationChange",
  /** A member saving their Discover preferences (each save rebuilds queues across a city). */
  "matchPreferences",
  /** Reports filed by one member. */
  "report",
  /** Password-reset emails to one address. */
  "passwordResetPerAddress",
  /** Password-reset requests from one caller (IP), whatever the address. */
  "passwordResetPerCaller",
  /** Verification emails for one member. */
  "verificationEmail",
  /** Reviews written or edited by one member (each recounts three rating summaries). */
  "reviewWrite",
  /** Data exports one member asks for (each reads their whole history). */
  "dataExport",
  /** Follows and friend requests one member sends (each may notify someone). */
  "connectionRequest",
  /** Kudos one member gives (each may notify the author). */
  "kudos",
  /** Comments one member writes (each notifies the author). */
  "comment",
] as const;
export type RateLimitName = (typeof RATE_LIMIT_NAMES)[number];

export const rateLimitSchema = z.object({
  max: z.number().int().min(0).max(100_000),
  windowMinutes: z
    .number()
    .int()
    .min(1)
    .max(60 * 24 * 31),
});
export type RateLimit = z.infer<typeof rateLimitSchema>;

const HOUR = 60;
const DAY = 24 * HOUR;

/** What applies when an admin never set a limit. Generous for a person, tight for a script. */
export const DEFAULT_RATE_LIMITS: Readonly<Record<RateLimitName, RateLimit>> = {
  locationChange: { max: 10, windowMinutes: DAY },
  matchPreferences: { max: 30, windowMinutes: DAY },
  report: { max: 10, windowMinutes: DAY },
  passwordResetPerAddress: { max: 3, windowMinutes: HOUR },
  passwordResetPerCaller: { max: 10, windowMinutes: HOUR },
  verificationEmail: { max: 5, windowMinutes: HOUR },
  reviewWrite: { max: 30, windowMinutes: DAY },
  dataExport: { max: 3, windowMinutes: DAY },
  connectionRequest: { max: 100, windowMinutes: DAY },
  kudos: { max: 500, windowMinutes: DAY },
  comment: { max: 200, windowMinutes: DAY },
};

/**
 * Messages one member may send per minute. Messages are written by clients directly, so rules
 * enforce this one (with a counter written in the same batch); repeated in firestore.rules.
 */
export const DEFAULT_MESSAGES_PER_MINUTE = 20;
/** Devices (push tokens) one member may register; registering one more drops the oldest. */
export const DEFAULT_MAX_DEVICES_PER_MEMBER = 10;

/** `config/limits`: an admin's overrides; every field optional, defaults above. */
export const limitsConfigSchema = z.object({
  rates: z.partialRecord(z.enum(RATE_LIMIT_NAMES), rateLimitSchema).optional(),
  messagesPerMinute: z.number().int().min(1).max(1000).optional(),
  maxDevicesPerMember: z.number().int().min(1).max(100).optional(),
  updatedAt: timestampSchema.optional(),
});
export type LimitsConfig = z.infer<typeof limitsConfigSchema>;

export function maxDevicesPerMemberOf(config: LimitsConfig | undefined): number {
  return config?.maxDevicesPerMember ?? DEFAULT_MAX_DEVICES_PER_MEMBER;
}

/** `rateLimits/{name}_{subject}`: the current window's count. Functions only. */
export const rateLimitCounterSchema = z.object({
  name: z.enum(RATE_LIMIT_NAMES),
  windowStartMs: z.number().int(),
  count: z.number().int().min(0),
  /** When the counter is of no further use (TTL policy on this field; see docs/runbook.md). */
  expiresAt: timestampSchema,
});
export type RateLimitCounter = z.infer<typeof rateLimitCounterSchema>;

export function rateLimitFor(config: LimitsConfig | undefined, name: RateLimitName): RateLimit {
  return config?.rates?.[name] ?? DEFAULT_RATE_LIMITS[name];
}

export function messagesPerMinuteOf(config: LimitsConfig | undefined): number {
  return config?.messagesPerMinute ?? DEFAULT_MESSAGES_PER_MINUTE;
}

// ---------------------------------------------------------------------------------------------
// Messages per minute: users/{uid}/private/messageQuota, written by the member in the batch that
// creates each message; firestore.rules check one against the other.

export const MESSAGE_WINDOW_MS = 60_000;
/**
 * How long past its minute the rules still let a member count in the same window, so a client
 * whose clock runs behind the server's is not refused. It only ever makes the window longer, so
 * never lets more messages through; a new window still needs a full minute since the last began.
 */
export const MESSAGE_WINDOW_GRACE_MS = 30_000;

export const messageQuotaSchema = z.object({
  /** The server's time when the current window began. */
  windowStartedAt: timestampSchema,
  count: z.number().int().min(1),
  /** The message this count was last bumped for (created in the same batch). */
  conversationId: z.string(),
  messageId: z.string(),
});
export type MessageQuota = z.infer<typeof messageQuotaSchema>;

export type MessageQuotaPlan =
  { kind: "newWindow" } | { kind: "bump"; count: number } | { kind: "wait"; retryAfterMs: number };

/**
 * What the client writes with its next message, judged by its own clock: a new window once the
 * last one's minute has passed, one more in the current window while there is room, or a wait.
 * Pure, shared by the web client and tests.
 */
export function planMessageQuota(
  current: { windowStartedAtMs: number; count: number } | null,
  nowMs: number,
  perMinute: number,
): MessageQuotaPlan {
  if (!current) return { kind: "newWindow" };
  const elapsed = nowMs - current.windowStartedAtMs;
  if (elapsed >= MESSAGE_WINDOW_MS) return { kind: "newWindow" };
  if (current.count < perMinute) return { kind: "bump", count: current.count + 1 };
  return { kind: "wait", retryAfterMs: MESSAGE_WINDOW_MS - elapsed };
}

/**
 * When the server refused the plan the client's clock chose, the other one it may have meant: a
 * new window the server thinks early is a bump, a bump the server thinks late is a new window.
 */
export function otherMessageQuotaPlan(
  refused: MessageQuotaPlan,
  current: { windowStartedAtMs: number; count: number } | null,
  perMinute: number,
): MessageQuotaPlan | null {
  if (!current) return null;
  if (refused.kind === "newWindow")
    return current.count < perMinute ? { kind: "bump", count: current.count + 1 } : null;
  if (refused.kind === "bump") return { kind: "newWindow" };
  return null;
}

/**
 * Shapes shared by matching (Discover, matches, blocks) and the features that build on
 * it (messaging opens a conversation per match and honours blocks).
 */
import { z } from "zod";
import { FITNESS_LEVELS, INTERESTS } from "./catalog.js";
import { timestampSchema, uidIdSchema } from "./primitives.js";

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

// ---------------------------------------------------------------------------------------------
// users/{uid}/private/matchPreferences (written by setMatchPreferences; every field optional)

export const MATCH_AUDIENCES = ["everyone", "members_only"] as const;
export type MatchAudience = (typeof MATCH_AUDIENCES)[number];
export const MAX_DISTANCE_LIMITS = { min: 1, max: 100 } as const;

/** The fields as a client writes them: each may be missing, and a missing one takes its default. */
export const matchPreferencesSchema = z.object({
  /** Furthest a partner may live, in km. */
  maxDistanceKm: z.number().int().min(MAX_DISTANCE_LIMITS.min).max(MAX_DISTANCE_LIMITS.max).optional(),
  /** Levels the member wants to train with; empty means any level. */
  fitnessLevels: z.array(z.enum(FITNESS_LEVELS)).max(FITNESS_LEVELS.length).optional(),
  /** Interests a partner should share at least one of; empty means any. */
  interests: z.array(z.enum(INTERESTS)).max(INTERESTS.length).optional(),
  /** Whether instructors and admins appear too, or members only. */
  audience: z.enum(MATCH_AUDIENCES).optional(),
  /** Off: the member neither sees anyone in Discover nor appears in anyone's. */
  discoverable: z.boolean().optional(),
  updatedAt: timestampSchema.optional(),
});
export type MatchPreferencesDoc = z.infer<typeof matchPreferencesSchema>;
export const MATCH_PREFERENCE_FIELDS = [
  "maxDistanceKm",
  "fitnessLevels",
  "interests",
  "audience",
  "discoverable",
] as const;

export interface MatchPreferences {
  maxDistanceKm: number;
  fitnessLevels: (typeof FITNESS_LEVELS)[number][];
  interests: (typeof INTERESTS)[number][];
  audience: MatchAudience;
  discoverable: boolean;
}

/** What a member who never opened the preferences page gets: anyone within 10 km, discoverable. */
export const DEFAULT_MATCH_PREFERENCES: MatchPreferences = {
  maxDistanceKm: 10,
  fitnessLevels: [],
  interests: [],
  audience: "everyone",
  discoverable: true,
};

export function effectivePreferences(doc: MatchPreferencesDoc | null | undefined): MatchPreferences {
  return {
    maxDistanceKm: doc?.maxDistanceKm ?? DEFAULT_MATCH_PREFERENCES.maxDistanceKm,
    fitnessLevels: doc?.fitnessLevels ?? DEFAULT_MATCH_PREFERENCES.fitnessLevels,
    interests: doc?.interests ?? DEFAULT_MATCH_PREFERENCES.interests,
    audience: doc?.audience ?? DEFAULT_MATCH_PREFERENCES.audience,
    discoverable: doc?.discoverable ?? DEFAULT_MATCH_PREFERENCES.discoverable,
  };
}

// ---------------------------------------------------------------------------------------------
// users/{uid}/matchActions/{targetUid} (owner-written, once per target)

export const matchActionSchema = z.object({
  /**
   * The document id again: a field, so account deletion finds every action on a member with one
   * collection-group query.
   */
  targetUid: z.string(),
  action: z.enum(MATCH_ACTIONS),
  createdAt: timestampSchema,
  /** Server-owned: the pair unmatched or one blocked the other, so they never match again. */
  dissolvedAt: timestampSchema.optional(),
});
export type MatchActionDoc = z.infer<typeof matchActionSchema>;

/**
 * `users/{uid}/private/superLikeQuota`: the owner's super-likes today. Rules cannot count
 * documents, so the client bumps this counter in the same batch as each super-like and the rules
 * check the pair (see docs/adr/0006-partner-matching.md).
 */
export const superLikeQuotaSchema = z.object({
  /** UTC day number: floor(epoch ms / 86 400 000). */
  day: z.number().int(),
  count: z.number().int().min(0),
  /** The super-like this count was last bumped for. */
  lastTargetUid: z.string(),
});
export type SuperLikeQuota = z.infer<typeof superLikeQuotaSchema>;
export const DAY_MS = 24 * 60 * 60 * 1000;
export const utcDayNumber = (ms: number): number => Math.floor(ms / DAY_MS);

// ---------------------------------------------------------------------------------------------
// users/{uid}/blocks/{otherUid} (owner-written)

export const blockSchema = z.object({
  /** The document id again, for the same reason as a match action's `targetUid`. */
  blockedUid: z.string(),
  createdAt: timestampSchema,
});
export type Block = z.infer<typeof blockSchema>;

// ---------------------------------------------------------------------------------------------
// config/matching (admin-written; every field optional, defaults in code)

export const MATCHING_FACTORS = ["level", "interests", "distance", "schedule", "history", "reliability"] as const;
export type MatchingFactor = (typeof MATCHING_FACTORS)[number];

const weightSchema = z.number().min(0).max(100);
export const matchingConfigSchema = z.object({
  weights: z
    .object({
      level: weightSchema.optional(),
      interests: weightSchema.optional(),
      distance: weightSchema.optional(),
      schedule: weightSchema.optional(),
      history: weightSchema.optional(),
      reliability: weightSchema.optional(),
    })
    .optional(),
  superLikesPerDay: z.number().int().min(0).max(100).optional(),
  updatedAt: timestampSchema.optional(),
});
export type MatchingConfigDoc = z.infer<typeof matchingConfigSchema>;
/** Also repeated in firestore.rules, which cannot import it: keep them equal. */
export const DEFAULT_SUPER_LIKES_PER_DAY = 3;

// ---------------------------------------------------------------------------------------------
// users/{uid}/candidates/{candidateUid}: the precomputed Discover queue (functions only)

export const factorBreakdownSchema = z.object({
  level: z.number(),
  interests: z.number(),
  distance: z.number(),
  schedule: z.number(),
  history: z.number(),
  /** Absent on cards computed before the factor existed; the next rebuild adds it. */
  reliability: z.number().optional(),
});
export type FactorBreakdown = z.infer<typeof factorBreakdownSchema>;

export const candidateEntrySchema = z.object({
  uid: z.string(),
  displayName: z.string(),
  photoURL: z.string().nullable(),
  /** 0–100, the same from either side of the pair. */
  score: z.number(),
  /** Order in this member's queue: the score, raised when the candidate super-liked them. */
  rank: z.number(),
  reasons: z.array(z.string()),
  factors: factorBreakdownSchema,
  distanceKm: z.number(),
  superLikedYou: z.boolean(),
  computedAt: timestampSchema,
});
export type CandidateEntry = z.infer<typeof candidateEntrySchema>;

/**
 * `users/{uid}/private/candidateQueue` (functions only): when the member's queue was last rebuilt.
 * `refreshedAt` is the server's read time when that rebuild began reading, so it saw every write
 * committed before it; a trigger for an earlier change skips (see queueFreshness.ts).
 *
 * `discover` is what that rebuild found about the member's own standing in Discover, so a page
 * need not read their four documents again (ADR 0015): what they must fix (`missing`), whether
 * they are `disabled`, and `discoverable`, which setMatchPreferences also writes in the same
 * transaction as the preferences, so hiding takes effect on the next page. Absent on queues
 * built before it existed: a page then reads the member's documents.
 */
export const candidateQueueStateSchema = z.object({
  refreshedAt: timestampSchema,
  discover: z.object({ missing: z.array(z.string()), disabled: z.boolean(), discoverable: z.boolean() }).optional(),
});
export type CandidateQueueState = z.infer<typeof candidateQueueStateSchema>;

// ---------------------------------------------------------------------------------------------
// Callables

export const getPartnerMatchesRequestSchema = z.object({
  limit: z.number().int().min(1).max(50).optional(),
  cursor: z.string().max(500).optional(),
});
export type GetPartnerMatchesRequest = z.infer<typeof getPartnerMatchesRequestSchema>;
export interface PartnerMatch {
  uid: string;
  displayName: string;
  photoURL: string | null;
  score: number;
  reasons: string[];
  factors: FactorBreakdown;
  distanceKm: number;
  superLikedYou: boolean;
}
export interface GetPartnerMatchesResponse {
  matches: PartnerMatch[];
  nextCursor: string | null;
}

/** The preferences as a member saves them; the server stamps `updatedAt`. */
export const setMatchPreferencesRequestSchema = matchPreferencesSchema.omit({ updatedAt: true });
export type SetMatchPreferencesRequest = z.infer<typeof setMatchPreferencesRequestSchema>;

export const unmatchRequestSchema = z.object({ uid: uidIdSchema });
export type UnmatchRequest = z.infer<typeof unmatchRequestSchema>;

export const getClassRecommendationsRequestSchema = z.object({
  limit: z.number().int().min(1).max(50).optional(),
});
export type GetClassRecommendationsRequest = z.infer<typeof getClassRecommendationsRequestSchema>;
export interface ClassRecommendation {
  classId: string;
  title: string;
  /** ISO 8601. */
  startsAt: string;
  score: number;
  reasons: string[];
}
export interface GetClassRecommendationsResponse {
  classes: ClassRecommendation[];
}

/** `setMyLocation`: the member's exact point. Kept private; matching uses a point 1.2–2 km away. */
export const setMyLocationRequestSchema = z.object({
  lat: z.number().min(-90).max(90),
  lng: z.number().min(-180).max(180),
});
export type SetMyLocationRequest = z.infer<typeof setMyLocationRequestSchema>;
export interface SetMyLocationResponse {
  /** False when the point was already the member's location: nothing written, nothing counted. */
  changed: boolean;
}

/**
 * `serverKeys/{name}`: secrets only functions read (no client access). `matchingPoint` keys the
 * offsets of matching points; created on first use.
 */
export const serverKeySchema = z.object({
  key: z.string().min(32),
  createdAt: timestampSchema,
});
export type ServerKey = z.infer<typeof serverKeySchema>;
export const MATCHING_POINT_KEY = "matchingPoint";

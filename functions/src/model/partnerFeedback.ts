/**
 * Partner feedback: after two matched members were both booked into a class that ended, each may
 * tell Numina, privately, whether the other showed up, whether they would train together again,
 * and a few tags. Nobody but its author ever reads one; it is sealed until both have answered or
 * the window closes, and only then counts in the subject's reliability, which partner scoring
 * reads (see docs/adr/0011-partner-feedback.md).
 */
import { z } from "zod";
import { documentIdSchema, timestampSchema, uidIdSchema } from "./primitives.js";

export const PARTNER_FEEDBACK_LIMITS = {
  /** After a class ends, its pairs may leave feedback for this long; then what was given is applied. */
  windowDays: 7,
  maxTags: 5,
} as const;

/** Positive only: a tag is praise, never a label a member could use to shame someone. */
export const PARTNER_FEEDBACK_TAGS = ["punctual", "motivating", "friendly", "good_form", "pushed_me"] as const;
export type PartnerFeedbackTag = (typeof PARTNER_FEEDBACK_TAGS)[number];

export const PARTNER_FEEDBACK_TAG_LABELS: Readonly<Record<PartnerFeedbackTag, string>> = {
  punctual: "Punctual",
  motivating: "Motivating",
  friendly: "Friendly",
  good_form: "Good form",
  pushed_me: "Pushed me",
};

/**
 * One piece of feedback per class, author and subject: a retried or repeated call lands on the
 * same document, and the counterpart's id is the same with the two uids swapped.
 */
export const partnerFeedbackId = (classId: string, authorUid: string, subjectUid: string) =>
  `${classId}_${authorUid}_${subjectUid}`;

/** `partnerFeedback/{classId}_{author}_{subject}` (functions only; its author may read it). */
export const partnerFeedbackSchema = z.object({
  classId: z.string().min(1),
  authorUid: z.string().min(1),
  subjectUid: z.string().min(1),
  showedUp: z.boolean(),
  /** Null when the subject did not show up: there was no session to judge. */
  trainAgain: z.boolean().nullable(),
  tags: z.array(z.enum(PARTNER_FEEDBACK_TAGS)).max(PARTNER_FEEDBACK_LIMITS.maxTags),
  createdAt: timestampSchema,
  /** When the window closes: the scheduled job applies what is still sealed then. */
  revealAt: timestampSchema,
  /** Set once, in the transaction that counted it in the subject's reliability: never counted twice. */
  appliedAt: timestampSchema.nullable(),
});
export type PartnerFeedback = z.infer<typeof partnerFeedbackSchema>;

/**
 * `reliability/{uid}` (functions only, read by nobody else): the sum of the applied feedback about
 * a member. Counts, not a score: the score is computed (partnerFeedback/reliability.ts), so its
 * formula can change without a migration.
 */
export const reliabilitySchema = z.object({
  /** Applied feedback about this member. */
  count: z.number().int().min(0),
  noShows: z.number().int().min(0),
  /** Of those who trained with them (they showed up), how many would again. */
  trainAgain: z.number().int().min(0),
  trainAgainAnswers: z.number().int().min(0),
  tags: z.record(z.string(), z.number().int().min(0)),
  /** The no-show count when moderators were last told of a pattern (0: never). */
  flaggedAtNoShows: z.number().int().min(0),
  updatedAt: timestampSchema,
});
export type Reliability = z.infer<typeof reliabilitySchema>;

export type ReliabilityCounts = Omit<Reliability, "updatedAt">;

export const emptyReliability = (): ReliabilityCounts => ({
  count: 0,
  noShows: 0,
  trainAgain: 0,
  trainAgainAnswers: 0,
  tags: {},
  flaggedAtNoShows: 0,
});

// ---------------------------------------------------------------------------------------------
// The reliability score partner scoring reads. Pure. It is damped towards a prior, like class
// ratings: a member nobody has answered for yet scores the prior, one no-show among many
// sessions barely moves a regular, and a newcomer is never punished for being new.

/** As if each member had `weight` answers at `mean`: most people who book a class turn up. */
export const RELIABILITY_PRIOR = { showRate: 0.9, trainAgainRate: 0.9, weight: 3 } as const;

/** "Reliable: shows up" is said of a member only with this much evidence. */
export const PROVEN_RELIABLE = { minCount: 3, minShowRate: 0.8 } as const;

/** Moderators hear of a member this many no-shows in, and that share of sessions missed. */
export const NO_SHOW_PATTERN = { minNoShows: 3, minShare: 0.5 } as const;

/**
 * The score is quantised so that what matching shows about a member (the pair's factor) moves
 * in steps of 0.05: one more answer rarely shows, so the factor is no detector of one partner's verdict.
 */
const SCORE_STEPS_PER_UNIT = 20;

const damped = (hits: number, total: number, mean: number) =>
  (hits + RELIABILITY_PRIOR.weight * mean) / (total + RELIABILITY_PRIOR.weight);

export interface MemberReliability {
  /** In [0, 1]: mostly whether they show up, partly whether partners would train with them again. */
  score: number;
  /** Enough answers, and they show up: the "Reliable: shows up" reason may be given. */
  proven: boolean;
}

export function memberReliability(counts: ReliabilityCounts | null | undefined): MemberReliability {
  const c = counts ?? emptyReliability();
  const showRate = damped(c.count - c.noShows, c.count, RELIABILITY_PRIOR.showRate);
  const againRate = damped(c.trainAgain, c.trainAgainAnswers, RELIABILITY_PRIOR.trainAgainRate);
  const raw = 0.8 * showRate + 0.2 * againRate;
  return {
    score: Math.round(raw * SCORE_STEPS_PER_UNIT) / SCORE_STEPS_PER_UNIT,
    proven: c.count >= PROVEN_RELIABLE.minCount && (c.count - c.noShows) / c.count >= PROVEN_RELIABLE.minShowRate,
  };
}

/** What a member with no feedback yet gets. */
export const UNKNOWN_RELIABILITY: MemberReliability = memberReliability(null);

// ---------------------------------------------------------------------------------------------
// Callables

/** `submitPartnerFeedback`: final once given, so there is no edit to wait for. */
export const submitPartnerFeedbackRequestSchema = z
  .object({
    classId: documentIdSchema,
    subjectUid: uidIdSchema,
    showedUp: z.boolean(),
    trainAgain: z.boolean().nullable().default(null),
    tags: z
      .array(z.enum(PARTNER_FEEDBACK_TAGS))
      .max(PARTNER_FEEDBACK_LIMITS.maxTags)
      .default([])
      .transform((tags) => [...new Set(tags)]),
  })
  .refine((v) => v.showedUp || (v.trainAgain === null && v.tags.length === 0), {
    message: "A partner who did not show up gets no 'train again' answer and no tags.",
    path: ["showedUp"],
  });
export type SubmitPartnerFeedbackRequest = z.input<typeof submitPartnerFeedbackRequestSchema>;
export type SubmitPartnerFeedback = z.output<typeof submitPartnerFeedbackRequestSchema>;
export interface SubmitPartnerFeedbackResponse {
  /** false when the caller had already given feedback on this partner for this class (it is final). */
  recorded: boolean;
}

/** `getPartnerFeedbackPrompts({ classId })`: whom the caller may give feedback on for a class. */
export const getPartnerFeedbackPromptsRequestSchema = z.object({ classId: documentIdSchema });
export type GetPartnerFeedbackPromptsRequest = z.input<typeof getPartnerFeedbackPromptsRequestSchema>;
export interface PartnerFeedbackPrompt {
  uid: string;
  displayName: string;
  photoURL: string | null;
  /** The caller already answered for this partner. */
  given: boolean;
}
export interface GetPartnerFeedbackPromptsResponse {
  partners: PartnerFeedbackPrompt[];
  /** ISO 8601: feedback closes then; null when the class has not ended, or the caller was not there. */
  closesAt: string | null;
}

/** Accounts and roles: the public profile, private settings, the audit log, role changes. */
import { z } from "zod";
import {
  AVAILABILITY_SLOTS,
  CITY_IDS,
  FITNESS_LEVELS,
  INTERESTS,
  PROFILE_LIMITS,
  ROLES,
  type AvailabilitySlot,
} from "./catalog.js";
import { timestampSchema, uidIdSchema, uidSchema } from "./primitives.js";

export const roleSchema = z.enum(ROLES);
export const fitnessLevelSchema = z.enum(FITNESS_LEVELS);
export const interestSchema = z.enum(INTERESTS);
export const citySchema = z.enum(CITY_IDS);
export const availabilitySlotSchema = z.custom<AvailabilitySlot>(
  (v) => typeof v === "string" && (AVAILABILITY_SLOTS as readonly string[]).includes(v),
  { message: "Expected a weekly slot such as 'tue:evening'" },
);

/** Fields of `users/{uid}` that the owner edits (onboarding and the profile page). */
export const profileEditSchema = z.object({
  displayName: z.string().trim().min(1).max(PROFILE_LIMITS.displayNameMax),
  bio: z.string().max(PROFILE_LIMITS.bioMax),
  fitnessLevel: fitnessLevelSchema,
  interests: z.array(interestSchema).max(PROFILE_LIMITS.interestsMax),
  /** Null until onboarding. */
  city: citySchema.nullable(),
  availability: z.array(availabilitySlotSchema).max(AVAILABILITY_SLOTS.length),
  photoURL: z.string().url().max(2048).nullable(),
  onboardingComplete: z.boolean(),
});
export type ProfileEdit = z.infer<typeof profileEditSchema>;

/** `users/{uid}`: the public profile every signed-in member can read. */
export const userProfileSchema = profileEditSchema.extend({
  /** Read-only mirror of the `role` custom claim, written by functions. */
  role: roleSchema,
  /**
   * Coarse geohash (PUBLIC_GEOHASH_PRECISION characters) of the member's matching point, never of
   * their exact point (matching/matchingPoint.ts); written by functions with the location; null
   * until set.
   */
  geohash: z
    .string()
    .regex(/^[0-9b-hjkmnp-z]{5}$/, "Expected a 5-character geohash")
    .nullable(),
  /** Set by functions when an admin disables the account. */
  disabled: z.boolean(),
  createdAt: timestampSchema,
  updatedAt: timestampSchema,
  /** Bumped by functions whenever the role claim changes, so open sessions refresh their token. */
  claimsUpdatedAt: timestampSchema.nullable(),
});
export type UserProfile = z.infer<typeof userProfileSchema>;

/** Fields of `users/{uid}` that only functions may write. */
export const SERVER_OWNED_PROFILE_FIELDS = ["geohash", "role", "disabled", "createdAt", "claimsUpdatedAt"] as const;

export const exactLocationSchema = z.object({
  lat: z.number().min(-90).max(90),
  lng: z.number().min(-180).max(180),
  /** Full-precision geohash (10 characters) of lat/lng, for geo queries run by functions. */
  geohash: z.string().regex(/^[0-9b-hjkmnp-z]{10}$/),
});
export type ExactLocation = z.infer<typeof exactLocationSchema>;

/**
 * The version of the Terms of Service and Privacy Policy a member must have accepted to use
 * Numina (web /legal/terms, /legal/privacy). A new version asks everyone to accept again. Also
 * repeated in firestore.rules, which cannot import it: keep them equal.
 */
export const TERMS_VERSION = "2026-12-01";

/** `users/{uid}/private/settings`: readable and writable by the owner only. */
export const privateSettingsSchema = z.object({
  /** Copied from Firebase Auth by functions; the owner cannot change it here. */
  email: z.string().email().nullable(),
  location: exactLocationSchema.nullable(),
  timeZone: z.string().min(1).max(64),
  /** When the member accepted `termsVersion`: the server's time, stamped by the rules. */
  tosAcceptedAt: timestampSchema.nullable(),
  /** The TERMS_VERSION accepted; absent or null: none yet (documents from before versions). */
  termsVersion: z.string().max(32).nullable().default(null),
  updatedAt: timestampSchema,
});
export type PrivateSettings = z.infer<typeof privateSettingsSchema>;

/** Whether these settings record acceptance of the terms in force. */
export const acceptedCurrentTerms = (settings: Pick<PrivateSettings, "termsVersion"> | null | undefined) =>
  settings?.termsVersion === TERMS_VERSION;

/**
 * A custom claim the demo seed sets (Admin SDK, `seeded: true`) on the accounts it creates: they
 * get no welcome email. Only the Admin SDK can set a claim, so no client can opt anyone out.
 */
export const SEEDED_ACCOUNT_CLAIM = "seeded";

/** What the audit log records: role changes and every moderation action. */
export const AUDIT_ACTIONS = [
  "role.set",
  "member.suspended",
  "member.banned",
  "member.reinstated",
  "message.taken_down",
  "comment.taken_down",
  "report.dismissed",
  "review.published",
  "review.hidden",
  "review.removed",
  "account.export_requested",
  "account.deletion_requested",
  "account.deletion_cancelled",
  "account.deleted",
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** `auditLogs/{id}`: every privileged action; written by functions, read by admins. */
export const auditLogSchema = z.object({
  action: z.enum(AUDIT_ACTIONS),
  actorUid: z.string().nullable(), // null when done from the CLI with service credentials
  actorLabel: z.string(),
  targetUid: uidSchema,
  before: z.record(z.string(), z.unknown()),
  after: z.record(z.string(), z.unknown()),
  /** The moderator's reason (moderation actions). */
  reason: z.string().nullable().default(null),
  /** The report acted on, if any. */
  reportId: z.string().nullable().default(null),
  at: timestampSchema,
});
export type AuditLog = z.infer<typeof auditLogSchema>;

// ---------------------------------------------------------------------------------------------
// Callable payloads

export const setUserRoleRequestSchema = z.object({
  uid: uidIdSchema,
  role: roleSchema,
});
export type SetUserRoleRequest = z.infer<typeof setUserRoleRequestSchema>;
export interface SetUserRoleResponse {
  uid: string;
  role: (typeof ROLES)[number];
  previousRole: (typeof ROLES)[number];
  changed: boolean;
}

/**
 * When a change makes Discover queues stale: which document changes call for a rebuild, and when a
 * rebuild already covers a change. Pure; the triggers and the rebuild store ask it.
 */
import type { PrivateSettings, UserProfile } from "../model/index.js";

/** The profile fields scoring, preferences or the Discover card read. */
export const SCORED_FIELDS = [
  "displayName",
  "photoURL",
  "fitnessLevel",
  "interests",
  "availability",
  "geohash",
  "city",
  "onboardingComplete",
  "disabled",
  "role",
] as const satisfies readonly (keyof UserProfile)[];

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** A profile edit that changes what anyone's queue shows or who fits whom (null: unknown, so changed). */
export function scoredFieldsChanged(before: UserProfile | null, after: UserProfile | null): boolean {
  return SCORED_FIELDS.some((field) => !same(before?.[field], after?.[field]));
}

/** The exact location moved, appeared or went (settings hold more than the location). */
export function locationChanged(before: PrivateSettings | null, after: PrivateSettings | null): boolean {
  return !same(before?.location, after?.location);
}

/**
 * One edit often writes the profile, the settings and the preferences together: a rebuild that
 * began reading after a change committed saw it, so the change's own rebuild would only repeat it.
 */
export function rebuiltSince(refreshedAtMs: number | null, changedAtMs: number): boolean {
  return refreshedAtMs !== null && refreshedAtMs > changedAtMs;
}

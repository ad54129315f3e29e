/**
 * A member as matching sees them, built from their documents: the public profile, the match
 * preferences, the private settings and what partner feedback says of them (reliability). Matching never sees the exact location: `location` is the
 * member's matching point (matchingPoint.ts). Pure.
 */
import {
  effectivePreferences,
  memberReliability,
  type MemberReliability,
  type ReliabilityCounts,
  type MatchPreferencesDoc,
  type PrivateSettings,
  type UserProfile,
} from "../model/index.js";
import type { DiscoverableMember } from "./preferences.js";
import type { LatLng } from "./scoring.js";

export interface Member extends DiscoverableMember {
  displayName: string;
  photoURL: string | null;
  /** The matching point, 1.2–2 km from the exact point; null without a location. */
  location: LatLng | null;
  reliability: MemberReliability;
}

/**
 * `preferences` and `settings` are null when absent or unreadable: invalid preferences cannot pass
 * the rules, and if one ever does the defaults apply; unreadable settings mean no location.
 */
export function memberFrom(
  uid: string,
  profile: UserProfile,
  preferences: MatchPreferencesDoc | null,
  settings: PrivateSettings | null,
  placeOf: (exact: LatLng) => LatLng,
  reliability: ReliabilityCounts | null = null,
): Member {
  const exact = settings?.location ?? null;
  return {
    uid,
    role: profile.role,
    disabled: profile.disabled,
    onboardingComplete: profile.onboardingComplete,
    fitnessLevel: profile.fitnessLevel,
    interests: profile.interests,
    availability: profile.availability,
    hasLocation: exact !== null,
    preferences: effectivePreferences(preferences),
    displayName: profile.displayName,
    photoURL: profile.photoURL,
    location: exact ? placeOf({ lat: exact.lat, lng: exact.lng }) : null,
    reliability: memberReliability(reliability),
  };
}

/**
 * Who may appear in whose Discover queue. Pure. Matching is reciprocal: a pair is shown only when
 * each member fits the other's preferences, so nobody is shown to someone they would not want to
 * see either.
 */
import type { FitnessLevel, MatchPreferences, Role } from "../model/index.js";

/** What a preference check needs to know about a member. */
export interface DiscoverableMember {
  uid: string;
  role: Role;
  disabled: boolean;
  onboardingComplete: boolean;
  fitnessLevel: FitnessLevel;
  interests: readonly string[];
  availability: readonly string[];
  hasLocation: boolean;
  preferences: MatchPreferences;
}

/** What a member still has to fill in before they can be scored, in the words the app uses. */
export function missingForMatching(member: Omit<DiscoverableMember, "preferences" | "role" | "disabled">): string[] {
  const missing: string[] = [];
  if (!member.onboardingComplete) missing.push("finish onboarding");
  if (member.interests.length === 0) missing.push("add at least one interest");
  if (member.availability.length === 0) missing.push("add when you are free to train");
  if (!member.hasLocation) missing.push("set your location");
  return missing;
}

/** Takes part in Discover at all: discoverable, enabled, scorable. */
export function isDiscoverable(member: DiscoverableMember): boolean {
  return member.preferences.discoverable && !member.disabled && missingForMatching(member).length === 0;
}

/** `candidate` is someone `viewer` said they want to see, at `km` apart. */
export function fitsPreferencesOf(viewer: DiscoverableMember, candidate: DiscoverableMember, km: number): boolean {
  const prefs = viewer.preferences;
  if (km > prefs.maxDistanceKm) return false;
  if (prefs.fitnessLevels.length > 0 && !prefs.fitnessLevels.includes(candidate.fitnessLevel)) return false;
  if (prefs.interests.length > 0 && !prefs.interests.some((i) => candidate.interests.includes(i))) return false;
  if (prefs.audience === "members_only" && candidate.role !== "member") return false;
  return true;
}

/** Both take part and each fits the other's preferences. */
export function isMutualFit(a: DiscoverableMember, b: DiscoverableMember, km: number): boolean {
  return (
    a.uid !== b.uid &&
    isDiscoverable(a) &&
    isDiscoverable(b) &&
    fitsPreferencesOf(a, b, km) &&
    fitsPreferencesOf(b, a, km)
  );
}

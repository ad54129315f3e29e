/** What a brand-new account starts with. Pure: no Firebase imports. */
import type { Role, UserProfile } from "../model/index.js";

export const DEFAULT_TIME_ZONE = "UTC";

export interface NewAccount {
  uid: string;
  email: string | null;
  displayName: string | null;
  photoURL: string | null;
}

/** "jo.smith@example.com" → "jo.smith": a placeholder name until onboarding asks for one. */
export function placeholderName(account: NewAccount): string {
  const fromAuth = account.displayName?.trim();
  if (fromAuth) return fromAuth.slice(0, 60);
  const local = account.email?.split("@")[0]?.trim();
  return local ? local.slice(0, 60) : "New member";
}

/** The public profile fields of a new account (the store adds the timestamps). */
export function initialProfile(account: NewAccount, role: Role): Omit<UserProfile, "createdAt" | "updatedAt"> {
  return {
    displayName: placeholderName(account),
    bio: "",
    fitnessLevel: "beginner",
    interests: [],
    city: null,
    geohash: null,
    availability: [],
    photoURL: account.photoURL,
    onboardingComplete: false,
    role,
    disabled: false,
    claimsUpdatedAt: null,
  };
}

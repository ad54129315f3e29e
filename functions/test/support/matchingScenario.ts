/**
 * Scenario builders for matching tests and benches: members placed at a distance from a point,
 * with the profile, private settings and match preferences scoring reads.
 */
import { FieldValue, type Firestore } from "firebase-admin/firestore";
import { geohashForLocation } from "geofire-common";
import { paths, type MatchPreferencesDoc, type ProfileEdit, type Role } from "../../src/model/index.js";

/** Central London. */
export const ORIGIN = { lat: 51.5072, lng: -0.1276 };
const KM_PER_DEGREE_LAT = 111.2;

/** A point `km` north of `from`. */
export function kmNorthOf(km: number, from = ORIGIN) {
  return { lat: from.lat + km / KM_PER_DEGREE_LAT, lng: from.lng };
}

export interface MemberSpec {
  at?: { lat: number; lng: number };
  profile?: Partial<ProfileEdit>;
  preferences?: MatchPreferencesDoc | null;
  role?: Role;
  disabled?: boolean;
}

/** The documents of a member who can be matched, as onboarding and the preferences page leave them. */
export function memberDocuments(uid: string, spec: MemberSpec = {}) {
  const at = spec.at ?? ORIGIN;
  const geohash = geohashForLocation([at.lat, at.lng], 10);
  const profile = {
    displayName: `Member ${uid}`,
    bio: "",
    fitnessLevel: "intermediate",
    interests: ["hiit", "running"],
    city: "london",
    geohash: geohash.slice(0, 5),
    availability: ["tue:evening", "sat:morning"],
    photoURL: null,
    onboardingComplete: true,
    ...spec.profile,
    role: spec.role ?? "member",
    disabled: spec.disabled ?? false,
    createdAt: FieldValue.serverTimestamp(),
    updatedAt: FieldValue.serverTimestamp(),
    claimsUpdatedAt: null,
  };
  const settings = {
    email: null,
    location: { lat: at.lat, lng: at.lng, geohash },
    timeZone: "Europe/London",
    tosAcceptedAt: null,
    updatedAt: FieldValue.serverTimestamp(),
  };
  return { profile, settings, preferences: spec.preferences ?? null };
}

export async function putMember(db: Firestore, uid: string, spec: MemberSpec = {}) {
  const docs = memberDocuments(uid, spec);
  const batch = db.batch();
  batch.set(db.doc(paths.user(uid)), docs.profile);
  batch.set(db.doc(paths.privateSettings(uid)), docs.settings);
  if (docs.preferences) batch.set(db.doc(paths.matchPreferences(uid)), docs.preferences);
  await batch.commit();
}

export async function putAction(db: Firestore, uid: string, targetUid: string, action: "like" | "pass" | "super_like") {
  await db.doc(paths.matchAction(uid, targetUid)).set({ action, createdAt: FieldValue.serverTimestamp() });
}

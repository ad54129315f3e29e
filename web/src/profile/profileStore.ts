/**
 * Data access for a member's own profile: the public `users/{uid}` document and the private
 * `users/{uid}/private/settings` document. Only the fields firestore.rules lets the owner write
 * are written here; role, email and the other server-owned fields come from functions.
 */
import { doc, getDoc, serverTimestamp, writeBatch, type DocumentReference } from "firebase/firestore";
import { geohashForLocation } from "geofire-common";
import {
  PUBLIC_GEOHASH_PRECISION,
  paths,
  privateSettingsSchema,
  userProfileSchema,
  type ExactLocation,
  type PrivateSettings,
  type ProfileEdit,
  type UserProfile,
} from "@numina/model";
import { db } from "../firebase";
import { converterFor } from "../shared/converters";
import { dataOrNull, watchDoc, type Watcher } from "../shared/watch";

export const profileConverter = converterFor(userProfileSchema);
const settingsConverter = converterFor(privateSettingsSchema);

const EXACT_GEOHASH_PRECISION = 10;

function profileRef(uid: string): DocumentReference<UserProfile> {
  return doc(db, paths.user(uid)).withConverter(profileConverter);
}

function settingsRef(uid: string): DocumentReference<PrivateSettings> {
  return doc(db, paths.privateSettings(uid)).withConverter(settingsConverter);
}

/** The profile, live; null until provisionAccount has created it. */
export const watchProfile = (uid: string, watcher: Watcher<UserProfile | null>) =>
  watchDoc(profileRef(uid), dataOrNull, watcher);

/** The member's private settings, live; null until they exist. */
export const watchSettings = (uid: string, watcher: Watcher<PrivateSettings | null>) =>
  watchDoc(settingsRef(uid), dataOrNull, watcher);

/** Anyone's public profile, read once; null: no such member. */
export async function loadProfile(uid: string): Promise<UserProfile | null> {
  return dataOrNull(await getDoc(profileRef(uid)));
}

export interface LatLng {
  lat: number;
  lng: number;
}

export function exactLocation(point: LatLng): ExactLocation {
  return {
    lat: point.lat,
    lng: point.lng,
    geohash: geohashForLocation([point.lat, point.lng], EXACT_GEOHASH_PRECISION),
  };
}

/** The coarse cell published on the profile; the exact point never leaves the private document. */
export function publicGeohash(point: LatLng): string {
  return geohashForLocation([point.lat, point.lng], PUBLIC_GEOHASH_PRECISION);
}

function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";
}

/**
 * Saves the editable profile and the private location together, so the public geohash and the
 * private point can never disagree.
 */
export async function saveProfile(uid: string, edit: ProfileEdit, location: LatLng): Promise<void> {
  const publicFields: ProfileEdit = { ...edit, geohash: publicGeohash(location) };
  const batch = writeBatch(db);
  // Plain references (no converter): these are partial updates, and updatedAt must be the
  // sentinel that firestore.rules compares with request.time.
  batch.update(doc(db, paths.user(uid)), { ...publicFields, updatedAt: serverTimestamp() });
  batch.update(doc(db, paths.privateSettings(uid)), {
    location: exactLocation(location),
    timeZone: browserTimeZone(),
    updatedAt: serverTimestamp(),
  });
  await batch.commit();
}

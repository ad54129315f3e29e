/**
 * Data access for a member's own profile: the public `users/{uid}` document and the private
 * `users/{uid}/private/settings` document. Only the fields firestore.rules lets the owner write
 * are written here; role, email and the other server-owned fields come from functions.
 */
import { doc, getDoc, serverTimestamp, writeBatch, type DocumentReference } from "firebase/firestore";
import { httpsCallable } from "firebase/functions";
import {
  paths,
  privateSettingsSchema,
  userProfileSchema,
  type ExactLocation,
  type PrivateSettings,
  type ProfileEdit,
  type SetMyLocationRequest,
  type SetMyLocationResponse,
  type UserProfile,
} from "@numina/model";
import { db, functions } from "../firebase";
import { converterFor } from "../shared/converters";
import { dataOrNull, watchDoc, type Watcher } from "../shared/watch";

export const profileConverter = converterFor(userProfileSchema);
const settingsConverter = converterFor(privateSettingsSchema);

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

function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";
}

const setMyLocationCallable = httpsCallable<SetMyLocationRequest, SetMyLocationResponse>(functions, "setMyLocation");

/**
 * Saves the editable profile, and the location if it moved. The location goes first, through
 * setMyLocation: moves are counted (a refused one saves nothing), and the server publishes the
 * cell of the member's matching point, never of this point.
 */
export async function saveProfile(
  uid: string,
  edit: ProfileEdit,
  location: LatLng,
  saved: ExactLocation | null,
): Promise<void> {
  if (saved?.lat !== location.lat || saved.lng !== location.lng) {
    await setMyLocationCallable({ lat: location.lat, lng: location.lng });
  }
  const batch = writeBatch(db);
  // Plain references (no converter): these are partial updates, and updatedAt must be the
  // sentinel that firestore.rules compares with request.time.
  batch.update(doc(db, paths.user(uid)), { ...edit, updatedAt: serverTimestamp() });
  batch.update(doc(db, paths.privateSettings(uid)), { timeZone: browserTimeZone(), updatedAt: serverTimestamp() });
  await batch.commit();
}

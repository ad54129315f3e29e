/**
 * What delivering a notice needs to know about each member, read in bulk: their wishes
 * (notificationPreferences), their email address and time zone (private settings) and their
 * devices. Documents members write that do not match their schema count as absent (tolerant.ts).
 */
import type { DocumentData, DocumentReference, DocumentSnapshot, Firestore } from "firebase-admin/firestore";
import { refs } from "../shared/refs.js";
import { preferencesOrDefaults, type PreferencesOrDefaults, type Recipient } from "./preferences.js";
import { loadDevices, type MemberDevice } from "./pushStore.js";
import { dataOrAbsent } from "../shared/firestore.js";

/** Documents per read, so a fan-out to hundreds is a few reads, not one huge one. */
const READ_CHUNK = 300;

/**
 * Many documents in few round trips. Through a read-only transaction, whose getAll keeps the refs'
 * types (Firestore.getAll's declaration drops them) and reads every chunk at one moment.
 */
export async function getAllChunked<A, D extends DocumentData>(
  db: Firestore,
  docRefs: readonly DocumentReference<A, D>[],
): Promise<DocumentSnapshot<A, D>[]> {
  if (docRefs.length === 0) return [];
  return db.runTransaction(
    async (tx) => {
      const snaps: DocumentSnapshot<A, D>[] = [];
      for (let i = 0; i < docRefs.length; i += READ_CHUNK)
        snaps.push(...(await tx.getAll(...docRefs.slice(i, i + READ_CHUNK))));
      return snaps;
    },
    { readOnly: true },
  );
}

export interface Wishes {
  prefs: PreferencesOrDefaults;
  timeZone: string;
  /** A deliverable address, or null. */
  email: string | null;
}

/** Each member's preferences (or the defaults), time zone and email address, in the order of `uids`. */
export async function loadWishes(db: Firestore, uids: readonly string[]): Promise<Wishes[]> {
  const [prefs, settings] = await Promise.all([
    getAllChunked(
      db,
      uids.map((uid) => refs(db).notificationPreferences(uid)),
    ),
    getAllChunked(
      db,
      uids.map((uid) => refs(db).privateSettings(uid)),
    ),
  ]);
  return uids.map((_uid, i) => {
    const stored = dataOrAbsent(settings[i]);
    const email = stored?.email ?? null;
    return {
      prefs: preferencesOrDefaults(dataOrAbsent(prefs[i])),
      timeZone: stored?.timeZone ?? "UTC",
      email: email?.includes("@") ? email : null,
    };
  });
}

export interface LoadedRecipient {
  uid: string;
  recipient: Recipient;
  devices: MemberDevice[];
}

/** Wishes and devices of each member, read in bulk. */
export async function loadRecipients(db: Firestore, uids: readonly string[]): Promise<LoadedRecipient[]> {
  const [wishes, devices] = await Promise.all([loadWishes(db, uids), loadDevices(db, uids)]);
  return uids.map((uid, i) => {
    const memberDevices = devices.get(uid) ?? [];
    const { prefs, timeZone, email } = wishes[i] ?? {
      prefs: preferencesOrDefaults(undefined),
      timeZone: "UTC",
      email: null,
    };
    return { uid, recipient: { prefs, timeZone, email, tokenCount: memberDevices.length }, devices: memberDevices };
  });
}

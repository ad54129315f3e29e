/**
 * What delivering a notice needs to know about each member, read in bulk: their wishes
 * (notificationPreferences), their email address and time zone (private settings) and their
 * devices. Documents members write that do not match their schema count as absent (tolerant.ts).
 */
import type { DocumentData, DocumentReference, DocumentSnapshot, Firestore } from "firebase-admin/firestore";
import { onceEach } from "../shared/onceEach.js";
import { refs } from "../shared/refs.js";
import {
  DEFAULT_PREFERENCES,
  preferencesOrDefaults,
  type PreferencesOrDefaults,
  type Recipient,
} from "./preferences.js";
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

/** What a member without stored wishes gets: the default channels, UTC, no email. */
export const NO_WISHES: Wishes = { prefs: DEFAULT_PREFERENCES, timeZone: "UTC", email: null };

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
    const { prefs, timeZone, email } = wishes[i] ?? NO_WISHES;
    return { uid, recipient: { prefs, timeZone, email, tokenCount: memberDevices.length }, devices: memberDevices };
  });
}

/**
 * Where a notice finds its members' wishes and devices. `freshRecipients` reads them for each
 * notice; `burstRecipients` reads each member once and answers later notices of the same burst
 * from memory (a class chat's 200 messages into 500 members would otherwise read 500 members'
 * wishes and devices for every commit). Devices are asked for separately, and only for members
 * a push may reach, so the in-app writes never wait for them.
 */
export interface RecipientSource {
  wishes: (uids: readonly string[]) => Promise<Map<string, Wishes>>;
  devices: (uids: readonly string[]) => Promise<Map<string, MemberDevice[]>>;
}

export function freshRecipients(db: Firestore): RecipientSource {
  return {
    wishes: async (uids) => {
      const loaded = await loadWishes(db, uids);
      return new Map(uids.map((uid, i) => [uid, loaded[i] ?? NO_WISHES]));
    },
    devices: (uids) => loadDevices(db, uids),
  };
}

/**
 * A source that reads each member at most once. Whoever holds it decides how long its answers
 * stay true enough: messaging drops it when the conversation's burst is over.
 */
export function burstRecipients(db: Firestore): RecipientSource {
  const fresh = freshRecipients(db);
  return { wishes: onceEach(fresh.wishes), devices: onceEach(fresh.devices) };
}

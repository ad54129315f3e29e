/**
 * Scenario builders for matching tests and benches: members placed at a distance from a point,
 * with the profile, private settings and match preferences scoring reads; and a count of the
 * documents an operation reads. `at` is the member's exact point; matching sees them at their
 * matching point, 1.2–2 km away (matching/matchingPoint.ts), so distances a test asserts come
 * from matchingPointInTests.
 */
import { DocumentReference, FieldValue, Firestore, Query, type QuerySnapshot } from "firebase-admin/firestore";
import { geohashForLocation } from "geofire-common";
import { matchingPointOf, publicGeohashOf } from "../../src/matching/index.js";
import {
  MATCHING_POINT_KEY,
  paths,
  type MatchPreferencesDoc,
  type ProfileEdit,
  type Role,
} from "../../src/model/index.js";

/**
 * The key of matching points in tests: fixed, so members with fixed ids land at the same matching
 * points every run. Functions read it from serverKeys/matchingPoint like any key.
 */
export const TEST_MATCHING_KEY = "numina-tests-matching-point-key-do-not-use-elsewhere";

const keyed = new WeakSet<Firestore>();
/** Makes the test key the key of `db`'s matching points (once per Firestore instance). */
export async function useTestMatchingKey(db: Firestore): Promise<void> {
  if (keyed.has(db)) return;
  await db
    .doc(paths.serverKey(MATCHING_POINT_KEY))
    .set({ key: TEST_MATCHING_KEY, createdAt: FieldValue.serverTimestamp() });
  keyed.add(db);
}

/** Where matching places a member of a test (their matching point), under the test key. */
export const matchingPointInTests = (uid: string, exact: { lat: number; lng: number }) =>
  matchingPointOf(exact, uid, TEST_MATCHING_KEY);

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
    geohash: publicGeohashOf(matchingPointInTests(uid, at)),
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
  await useTestMatchingKey(db);
  const docs = memberDocuments(uid, spec);
  const batch = db.batch();
  batch.set(db.doc(paths.user(uid)), docs.profile);
  batch.set(db.doc(paths.privateSettings(uid)), docs.settings);
  if (docs.preferences) batch.set(db.doc(paths.matchPreferences(uid)), docs.preferences);
  await batch.commit();
}

export async function putAction(db: Firestore, uid: string, targetUid: string, action: "like" | "pass" | "super_like") {
  await db.doc(paths.matchAction(uid, targetUid)).set({ targetUid, action, createdAt: FieldValue.serverTimestamp() });
}

// ---------------------------------------------------------------------------------------------
// Counting reads, from outside the code under test

const readCounts = new WeakMap<Firestore, { reads: number }>();

/**
 * Every document read goes through Firestore#getAll (DocumentReference#get calls it) or Query#get:
 * both are wrapped once, and count for the instances registered with countReads.
 */
function instrumentReads() {
  // Kept to be called with their own `this` from the wrappers below.
  /* eslint-disable @typescript-eslint/unbound-method */
  const getAll = Firestore.prototype.getAll;
  const queryGet = Query.prototype.get;
  /* eslint-enable @typescript-eslint/unbound-method */
  if ((getAll as { counting?: boolean }).counting) return;
  const countedGetAll = function (this: Firestore, ...args: Parameters<Firestore["getAll"]>) {
    const counter = readCounts.get(this);
    if (counter) counter.reads += args.filter((a) => a instanceof DocumentReference).length;
    return getAll.apply(this, args);
  };
  Firestore.prototype.getAll = Object.assign(countedGetAll, { counting: true });
  Query.prototype.get = async function (this: Query): Promise<QuerySnapshot> {
    const snap = await queryGet.call(this);
    const counter = readCounts.get(this.firestore);
    // As Firestore bills them: a query that matches nothing still costs one read.
    if (counter) counter.reads += Math.max(1, snap.size);
    return snap;
  };
}

/**
 * Counts the documents read through `db` from now on, as Firestore bills them. Outside
 * transactions (their reads are not counted): what a page or a rebuild costs.
 */
export function countReads(db: Firestore) {
  instrumentReads();
  const counter = { reads: 0 };
  readCounts.set(db, counter);
  return {
    get reads() {
      return counter.reads;
    },
    /** The reads `run` makes (run one operation at a time on `db`). */
    async of<T>(run: () => Promise<T>): Promise<{ result: T; reads: number }> {
      const before = counter.reads;
      const result = await run();
      return { result, reads: counter.reads - before };
    },
  };
}

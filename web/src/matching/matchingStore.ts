/**
 * Matching from the client: the Discover callable, the member's own actions, blocks and
 * preferences (written directly under the rules), and a live list of their matches.
 */
import {
  collection,
  deleteDoc,
  doc,
  getDoc,
  query,
  runTransaction,
  serverTimestamp,
  setDoc,
  where,
  type Unsubscribe,
} from "firebase/firestore";
import { httpsCallable } from "firebase/functions";
import {
  collections,
  paths,
  matchPreferencesSchema,
  matchSchema,
  superLikeQuotaSchema,
  utcDayNumber,
  type GetClassRecommendationsRequest,
  type GetClassRecommendationsResponse,
  type GetPartnerMatchesRequest,
  type GetPartnerMatchesResponse,
  type Match,
  type MatchAction,
  type MatchPreferencesDoc,
  type UnmatchRequest,
} from "@numina/model";
import { db, functions } from "../firebase";
import { converterFor } from "../shared/converters";
import { allItems, watchQuery, type Item, type Watcher } from "../shared/watch";

const matchConverter = converterFor(matchSchema);
const preferencesConverter = converterFor(matchPreferencesSchema);

const getPartnerMatchesCallable = httpsCallable<GetPartnerMatchesRequest, GetPartnerMatchesResponse>(
  functions,
  "getPartnerMatches",
);
const unmatchCallable = httpsCallable<UnmatchRequest, unknown>(functions, "unmatch");
const recommendationsCallable = httpsCallable<GetClassRecommendationsRequest, GetClassRecommendationsResponse>(
  functions,
  "getClassRecommendations",
);

export async function getPartnerMatches(request: GetPartnerMatchesRequest): Promise<GetPartnerMatchesResponse> {
  return (await getPartnerMatchesCallable(request)).data;
}

export async function getClassRecommendations(limit = 5): Promise<GetClassRecommendationsResponse> {
  return (await recommendationsCallable({ limit })).data;
}

/**
 * Records the member's answer to a candidate. A super-like also bumps today's counter in the same
 * transaction: the rules check one against the other, and refuse past the daily limit.
 */
export async function answer(uid: string, targetUid: string, action: MatchAction): Promise<void> {
  const actionRef = doc(db, paths.matchAction(uid, targetUid));
  if (action !== "super_like") {
    await setDoc(actionRef, { action, createdAt: serverTimestamp() });
    return;
  }
  const quotaRef = doc(db, paths.superLikeQuota(uid));
  await runTransaction(db, async (tx) => {
    const quota = await tx.get(quotaRef);
    const parsed = superLikeQuotaSchema.safeParse(quota.data());
    const today = utcDayNumber(Date.now());
    const count = parsed.success && parsed.data.day === today ? parsed.data.count : 0;
    tx.set(actionRef, { action, createdAt: serverTimestamp() });
    tx.set(quotaRef, { day: today, count: count + 1, lastTargetUid: targetUid });
  });
}

export type MatchItem = Item<Match>;

/** The member's matches, live (the rules let a member list only matches that contain them). */
export function watchMyMatches(uid: string, watcher: Watcher<MatchItem[]>): Unsubscribe {
  const mine = query(collection(db, collections.matches), where("userIds", "array-contains", uid)).withConverter(
    matchConverter,
  );
  // Newest first, sorted here: ordering in the query would need a composite index for little gain.
  return watchQuery(
    mine,
    (snapshot) => allItems(snapshot).sort((a, b) => b.data.createdAt.toMillis() - a.data.createdAt.toMillis()),
    watcher,
  );
}

export async function unmatch(otherUid: string): Promise<void> {
  await unmatchCallable({ uid: otherUid });
}

export async function isBlocked(uid: string, otherUid: string): Promise<boolean> {
  return (await getDoc(doc(db, paths.block(uid, otherUid)))).exists();
}

export async function block(uid: string, otherUid: string): Promise<void> {
  await setDoc(doc(db, paths.block(uid, otherUid)), { createdAt: serverTimestamp() });
}

export async function unblock(uid: string, otherUid: string): Promise<void> {
  await deleteDoc(doc(db, paths.block(uid, otherUid)));
}

export async function loadPreferences(uid: string): Promise<MatchPreferencesDoc | null> {
  const snap = await getDoc(doc(db, paths.matchPreferences(uid)).withConverter(preferencesConverter));
  return snap.exists() ? snap.data() : null;
}

export async function savePreferences(uid: string, prefs: Omit<MatchPreferencesDoc, "updatedAt">): Promise<void> {
  await setDoc(doc(db, paths.matchPreferences(uid)), { ...prefs, updatedAt: serverTimestamp() });
}

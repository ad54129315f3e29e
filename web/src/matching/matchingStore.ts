/**
 * Matching from the client: the Discover and preferences callables, the member's own actions and
 * blocks (written directly under the rules), and a live list of their matches.
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
import { FirebaseError } from "firebase/app";
import { httpsCallable } from "firebase/functions";
import {
  collections,
  DEFAULT_SUPER_LIKES_PER_DAY,
  matchingConfigSchema,
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
  type SetMatchPreferencesRequest,
  type UnmatchRequest,
} from "@numina/model";
import { db, functions } from "../firebase";
import { converterFor } from "../shared/converters";
import { allItems, watchQuery, type Item, type Watcher } from "../shared/watch";

const matchConverter = converterFor(matchSchema);
const preferencesConverter = converterFor(matchPreferencesSchema);
const matchingConfigConverter = converterFor(matchingConfigSchema);

const getPartnerMatchesCallable = httpsCallable<GetPartnerMatchesRequest, GetPartnerMatchesResponse>(
  functions,
  "getPartnerMatches",
);
const unmatchCallable = httpsCallable<UnmatchRequest, unknown>(functions, "unmatch");
const setMatchPreferencesCallable = httpsCallable<SetMatchPreferencesRequest, unknown>(
  functions,
  "setMatchPreferences",
);
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
 * What became of an answer: recorded; refused because today's super-likes are used up (nothing
 * written); or refused because the candidate has left the member's Discover queue since the page
 * was served (the rules let a like reach only someone in it).
 */
export type AnswerOutcome = "recorded" | "no-super-likes-left" | "not-in-discover";

/**
 * Records the member's answer to a candidate. A super-like also bumps today's counter in the same
 * transaction: the rules check one against the other, and refuse past the daily limit.
 */
export async function answer(uid: string, targetUid: string, action: MatchAction): Promise<AnswerOutcome> {
  try {
    return await record(uid, targetUid, action);
  } catch (error) {
    if (error instanceof FirebaseError && error.code === "permission-denied") return "not-in-discover";
    throw error;
  }
}

async function record(uid: string, targetUid: string, action: MatchAction): Promise<AnswerOutcome> {
  const actionRef = doc(db, paths.matchAction(uid, targetUid));
  if (action !== "super_like") {
    await setDoc(actionRef, { targetUid, action, createdAt: serverTimestamp() });
    return "recorded";
  }
  const quotaRef = doc(db, paths.superLikeQuota(uid));
  const configRef = doc(db, paths.matchingConfig()).withConverter(matchingConfigConverter);
  return runTransaction(db, async (tx) => {
    const [quota, config] = await Promise.all([tx.get(quotaRef), tx.get(configRef)]);
    const parsed = superLikeQuotaSchema.safeParse(quota.data());
    const today = utcDayNumber(Date.now());
    const count = parsed.success && parsed.data.day === today ? parsed.data.count : 0;
    // The rules would refuse it too; asking first tells this refusal apart from the other one.
    const limit = (config.exists() ? config.data().superLikesPerDay : undefined) ?? DEFAULT_SUPER_LIKES_PER_DAY;
    if (count >= limit) return "no-super-likes-left";
    tx.set(actionRef, { targetUid, action, createdAt: serverTimestamp() });
    tx.set(quotaRef, { day: today, count: count + 1, lastTargetUid: targetUid });
    return "recorded";
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
  await setDoc(doc(db, paths.block(uid, otherUid)), { blockedUid: otherUid, createdAt: serverTimestamp() });
}

export async function unblock(uid: string, otherUid: string): Promise<void> {
  await deleteDoc(doc(db, paths.block(uid, otherUid)));
}

export async function loadPreferences(uid: string): Promise<MatchPreferencesDoc | null> {
  const snap = await getDoc(doc(db, paths.matchPreferences(uid)).withConverter(preferencesConverter));
  return snap.exists() ? snap.data() : null;
}

/**
 * Saves the member's preferences through the setMatchPreferences callable: each save rebuilds
 * Discover queues across a city, so the server validates it and counts it against a rate limit
 * (a refusal's message says when to try again).
 */
export async function savePreferences(prefs: SetMatchPreferencesRequest): Promise<void> {
  await setMatchPreferencesCallable(prefs);
}

/**
 * The Discover queue: `users/{uid}/candidates/{candidateUid}`, one scored entry per person a
 * member may be shown, kept fresh by triggers and a daily job, so a page of getPartnerMatches
 * reads O(page) documents however many members live in the city (docs/adr/0006-partner-matching.md).
 *
 * A refresh for one member reads everyone within their distance (profiles by geohash range, then
 * preferences, exact locations, blocks and actions), scores each pair once, and writes the entry
 * on both sides: scores are symmetric, so one computation serves both queues.
 */
import {
  FieldPath,
  FieldValue,
  type DocumentReference,
  type DocumentSnapshot,
  type Firestore,
} from "firebase-admin/firestore";
import {
  candidateEntrySchema,
  collections,
  effectivePreferences,
  matchActionSchema,
  matchingConfigSchema,
  matchingPaths,
  matchPreferencesSchema,
  paths,
  privateSettingsSchema,
  userProfileSchema,
  type CandidateEntry,
  type GetPartnerMatchesResponse,
  type MatchAction,
  type PartnerMatch,
} from "../model/index.js";
import { DomainError } from "../shared/errors.js";
import { decodeCursor, encodeCursor } from "./cursor.js";
import { publicGeohashRanges } from "./geo.js";
import { isDiscoverable, isMutualFit, missingForMatching, type DiscoverableMember } from "./preferences.js";
import {
  distanceKm,
  matchingConfigOf,
  scorePair,
  type LatLng,
  type MatchingConfig,
  type PairHistory,
  type PairScore,
} from "./scoring.js";

/** Counts document reads, so benches and tests can check what a page costs. */
export interface ReadCounter {
  reads: number;
}

export interface Member extends DiscoverableMember {
  displayName: string;
  photoURL: string | null;
  location: LatLng | null;
}

export async function loadMatchingConfig(db: Firestore, counter?: ReadCounter): Promise<MatchingConfig> {
  const snap = await db.doc(paths.matchingConfig()).get();
  if (counter) counter.reads += 1;
  const parsed = matchingConfigSchema.safeParse(snap.data() ?? {});
  return matchingConfigOf(parsed.success ? parsed.data : null);
}

function memberOf(profileSnap: DocumentSnapshot, prefsSnap: DocumentSnapshot, settingsSnap: DocumentSnapshot) {
  const profile = userProfileSchema.safeParse(profileSnap.data());
  if (!profile.success) return null;
  const prefs = matchPreferencesSchema.safeParse(prefsSnap.data() ?? {});
  const settings = privateSettingsSchema.safeParse(settingsSnap.data());
  const location = settings.success && settings.data.location ? settings.data.location : null;
  const p = profile.data;
  const member: Member = {
    uid: profileSnap.id,
    role: p.role,
    disabled: p.disabled,
    onboardingComplete: p.onboardingComplete,
    fitnessLevel: p.fitnessLevel,
    interests: p.interests,
    availability: p.availability,
    hasLocation: location !== null,
    // Invalid preferences cannot pass the rules; if one ever does, the defaults apply.
    preferences: effectivePreferences(prefs.success ? prefs.data : null),
    displayName: p.displayName,
    photoURL: p.photoURL,
    location: location ? { lat: location.lat, lng: location.lng } : null,
  };
  return member;
}

/** Members by uid, from their profile, match preferences and private settings (3 reads each). */
export async function loadMembers(
  db: Firestore,
  uids: readonly string[],
  counter?: ReadCounter,
  knownProfiles = new Map<string, DocumentSnapshot>(),
): Promise<Map<string, Member>> {
  const result = new Map<string, Member>();
  const CHUNK = 100;
  for (let i = 0; i < uids.length; i += CHUNK) {
    const chunk = uids.slice(i, i + CHUNK);
    const refs: DocumentReference[] = [];
    for (const uid of chunk) {
      if (!knownProfiles.has(uid)) refs.push(db.doc(paths.user(uid)));
      refs.push(db.doc(paths.matchPreferences(uid)), db.doc(paths.privateSettings(uid)));
    }
    const snaps = await db.getAll(...refs);
    if (counter) counter.reads += snaps.length;
    const byPath = new Map(snaps.map((s) => [s.ref.path, s]));
    for (const uid of chunk) {
      const profile = knownProfiles.get(uid) ?? byPath.get(paths.user(uid));
      const prefs = byPath.get(paths.matchPreferences(uid));
      const settings = byPath.get(paths.privateSettings(uid));
      if (!profile || !prefs || !settings) continue;
      const member = memberOf(profile, prefs, settings);
      if (member) result.set(uid, member);
    }
  }
  return result;
}

/** Profiles whose public geohash lies within `radiusKm` of `center` (plus the cells' edges). */
async function profilesNear(db: Firestore, center: LatLng, radiusKm: number, counter?: ReadCounter) {
  const snaps = await Promise.all(
    publicGeohashRanges(center, radiusKm).map(([start, end]) =>
      db.collection(collections.users).where("geohash", ">=", start).where("geohash", "<=", end).get(),
    ),
  );
  const profiles = new Map<string, DocumentSnapshot>();
  for (const snap of snaps) {
    if (counter) counter.reads += Math.max(1, snap.size);
    for (const doc of snap.docs) profiles.set(doc.id, doc);
  }
  return profiles;
}

async function idsIn(db: Firestore, path: string, counter?: ReadCounter): Promise<Set<string>> {
  const snap = await db.collection(path).select().get();
  if (counter) counter.reads += Math.max(1, snap.size);
  return new Set(snap.docs.map((d) => d.id));
}

/** Each candidate's action on `uid` (null: none yet). */
async function actionsOn(db: Firestore, uid: string, others: readonly string[], counter?: ReadCounter) {
  const result = new Map<string, MatchAction>();
  if (others.length === 0) return result;
  const snaps = await db.getAll(...others.map((o) => db.doc(paths.matchAction(o, uid))));
  if (counter) counter.reads += snaps.length;
  for (const snap of snaps) {
    const parsed = matchActionSchema.safeParse(snap.data());
    if (parsed.success) result.set(snap.ref.parent.parent!.id, parsed.data.action);
  }
  return result;
}

/** Who among `others` has blocked `uid`. */
async function blockersOf(db: Firestore, uid: string, others: readonly string[], counter?: ReadCounter) {
  if (others.length === 0) return new Set<string>();
  const snaps = await db.getAll(...others.map((o) => db.doc(paths.block(o, uid))));
  if (counter) counter.reads += snaps.length;
  return new Set(snaps.filter((s) => s.exists).map((s) => s.ref.parent.parent!.id));
}

/** Classes attended together and partners in common, counted from `uid`'s side. */
async function historyWith(db: Firestore, uid: string, counter?: ReadCounter): Promise<Map<string, PairHistory>> {
  const history = new Map<string, PairHistory>();
  const bump = (other: string, field: keyof PairHistory) => {
    if (other === uid) return;
    const h = history.get(other) ?? { classesTogether: 0, mutualPartners: 0 };
    h[field] += 1;
    history.set(other, h);
  };
  const attended = await db.collection(paths.attendance(uid)).where("status", "==", "attended").limit(20).get();
  const myMatches = await db.collection(collections.matches).where("userIds", "array-contains", uid).limit(20).get();
  if (counter) counter.reads += Math.max(1, attended.size) + Math.max(1, myMatches.size);
  const rosters = await Promise.all(
    attended.docs.map((d) => db.collection(paths.attendees(d.id)).where("status", "==", "attended").get()),
  );
  for (const roster of rosters) {
    if (counter) counter.reads += Math.max(1, roster.size);
    for (const row of roster.docs) bump(row.id, "classesTogether");
  }
  const partners = myMatches.docs.map((d) => (d.get("userIds") as string[]).find((u) => u !== uid) ?? "");
  const theirMatches = await Promise.all(
    partners.map((p) => db.collection(collections.matches).where("userIds", "array-contains", p).limit(50).get()),
  );
  for (const snap of theirMatches) {
    if (counter) counter.reads += Math.max(1, snap.size);
    for (const match of snap.docs) for (const other of match.get("userIds") as string[]) bump(other, "mutualPartners");
  }
  // A partner's match with me is not a partner "in common".
  for (const p of partners) {
    const h = history.get(p);
    if (h) h.mutualPartners = Math.max(0, h.mutualPartners - 1);
  }
  return history;
}

function entryFor(candidate: Member, pair: PairScore, superLikedYou: boolean, config: MatchingConfig) {
  return {
    uid: candidate.uid,
    displayName: candidate.displayName,
    photoURL: candidate.photoURL,
    score: pair.score,
    rank: pair.score + (superLikedYou ? config.superLikeRankBoost : 0),
    reasons: pair.reasons,
    factors: pair.factors,
    distanceKm: pair.distanceKm,
    superLikedYou,
    computedAt: FieldValue.serverTimestamp(),
  };
}

export interface RefreshResult {
  queued: number;
  fannedOut: number;
  removed: number;
}

/**
 * Rebuilds `uid`'s queue. With `fanout`, also writes (or removes) `uid`'s entry in each nearby
 * member's queue: what a change to `uid`'s profile, preferences or location means for others.
 */
export async function refreshCandidates(
  db: Firestore,
  uid: string,
  opts: { fanout: boolean; config?: MatchingConfig; counter?: ReadCounter },
): Promise<RefreshResult> {
  const { counter } = opts;
  // The server's clock when this rebuild began reading: it sees every write committed before it.
  // Triggers compare their event time with it (see triggers.ts), so it must be the start, not the end.
  const { readTime: startedAt } = await db.doc(matchingPaths.candidateQueueState(uid)).get();
  if (counter) counter.reads += 1;
  const config = opts.config ?? (await loadMatchingConfig(db, counter));
  const me = (await loadMembers(db, [uid], counter)).get(uid);
  const previous = await idsIn(db, matchingPaths.candidates(uid), counter);
  const writer = db.bulkWriter();
  const result: RefreshResult = { queued: 0, fannedOut: 0, removed: 0 };

  const keepMine = new Set<string>();
  const keepTheirs = new Set<string>();
  if (me && me.location && isDiscoverable(me)) {
    const profiles = await profilesNear(db, me.location, me.preferences.maxDistanceKm, counter);
    profiles.delete(uid);
    const nearbyIds = [...profiles.keys()];
    const [others, myActions, myBlocks, blockedMe, theirActions, history] = await Promise.all([
      loadMembers(db, nearbyIds, counter, profiles),
      db
        .collection(paths.matchActions(uid))
        .get()
        .then((s) => {
          if (counter) counter.reads += Math.max(1, s.size);
          return new Map(s.docs.map((d) => [d.id, d.get("action") as MatchAction]));
        }),
      idsIn(db, paths.blocks(uid), counter),
      blockersOf(db, uid, nearbyIds, counter),
      actionsOn(db, uid, nearbyIds, counter),
      historyWith(db, uid, counter),
    ]);
    const scored: { candidate: Member; pair: PairScore }[] = [];
    for (const candidate of others.values()) {
      if (!candidate.location || myBlocks.has(candidate.uid) || blockedMe.has(candidate.uid)) continue;
      const km = distanceKm(me.location, candidate.location);
      if (!isMutualFit(me, candidate, km)) continue;
      const pair = scorePair(
        { ...me, location: me.location },
        { ...candidate, location: candidate.location },
        history.get(candidate.uid) ?? { classesTogether: 0, mutualPartners: 0 },
        config,
      );
      scored.push({ candidate, pair });
    }
    // My queue: people I have not answered yet, best first, capped.
    const mine = scored
      .filter(({ candidate }) => !myActions.has(candidate.uid))
      .map(({ candidate, pair }) => entryFor(candidate, pair, isSuperLike(theirActions.get(candidate.uid)), config))
      .sort((x, y) => y.rank - x.rank)
      .slice(0, config.queueSize);
    for (const entry of mine) {
      keepMine.add(entry.uid);
      void writer.set(db.doc(matchingPaths.candidate(uid, entry.uid)), entry);
    }
    result.queued = mine.length;
    if (opts.fanout) {
      for (const { candidate, pair } of scored) {
        if (theirActions.has(candidate.uid)) continue;
        keepTheirs.add(candidate.uid);
        const entry = entryFor(me, pair, isSuperLike(myActions.get(candidate.uid)), config);
        void writer.set(db.doc(matchingPaths.candidate(candidate.uid, uid)), entry);
      }
      result.fannedOut = keepTheirs.size;
    }
  }
  for (const other of previous) {
    if (keepMine.has(other)) continue;
    void writer.delete(db.doc(matchingPaths.candidate(uid, other)));
    result.removed += 1;
    // Scores are symmetric: whoever left my queue for a reason of fit leaves theirs as well.
    if (opts.fanout && !keepTheirs.has(other)) void writer.delete(db.doc(matchingPaths.candidate(other, uid)));
  }
  await writer.close();
  await db.doc(matchingPaths.candidateQueueState(uid)).set({ refreshedAt: startedAt });
  return result;
}

const isSuperLike = (action: MatchAction | undefined) => action === "super_like";

/** What a member must fix before Discover can work for them, as a failed-precondition. */
function ensureCanDiscover(me: Member | undefined): asserts me is Member & { location: LatLng } {
  if (!me) throw new DomainError("failed-precondition", "Finish your profile first.");
  const missing = missingForMatching(me);
  if (missing.length > 0) {
    throw new DomainError("failed-precondition", `To see training partners, ${missing.join(", ")}.`, { missing });
  }
  if (!me.preferences.discoverable) {
    throw new DomainError(
      "failed-precondition",
      "You are hidden from Discover. Turn on “Show me in Discover” in your match preferences.",
      { missing: ["discoverable"] },
    );
  }
  if (me.disabled) throw new DomainError("failed-precondition", "This account is disabled.");
}

/**
 * One page of `uid`'s queue, best first. Reads: the caller (3 documents), the page, and two
 * block checks per entry — the triggers keep blocked people out of queues, and the check closes
 * the moment between a block and its trigger.
 */
export async function pageOfPartners(
  db: Firestore,
  uid: string,
  request: { limit?: number; cursor?: string },
  counter?: ReadCounter,
): Promise<GetPartnerMatchesResponse> {
  const limit = request.limit ?? 10;
  const position = request.cursor === undefined ? null : decodeCursor(request.cursor);
  if (request.cursor !== undefined && !position)
    throw new DomainError("invalid-argument", "cursor: Not a valid cursor.");
  const me = (await loadMembers(db, [uid], counter)).get(uid);
  ensureCanDiscover(me);

  const queue = () => {
    let q = db
      .collection(matchingPaths.candidates(uid))
      .orderBy("rank", "desc")
      .orderBy(FieldPath.documentId(), "desc")
      .limit(limit);
    if (position) q = q.startAfter(position.rank, position.uid);
    return q.get();
  };
  let page = await queue();
  if (counter) counter.reads += Math.max(1, page.size);
  if (page.empty && !position) {
    // A member nobody has refreshed a queue for yet (just onboarded): build it now, once.
    const state = await db.doc(matchingPaths.candidateQueueState(uid)).get();
    if (counter) counter.reads += 1;
    if (!state.exists) {
      await refreshCandidates(db, uid, { fanout: false, counter });
      page = await queue();
      if (counter) counter.reads += Math.max(1, page.size);
    }
  }
  const entries = page.docs.flatMap((d) => {
    const parsed = candidateEntrySchema.safeParse(d.data());
    return parsed.success ? [parsed.data] : [];
  });
  const hidden = await blockedEitherWay(db, uid, entries, counter);
  const matches: PartnerMatch[] = entries.filter((e) => !hidden.has(e.uid)).map(toPartnerMatch);
  const last = page.docs.at(-1);
  const nextCursor =
    page.size === limit && last ? encodeCursor({ rank: last.get("rank") as number, uid: last.id }) : null;
  return { matches, nextCursor };
}

async function blockedEitherWay(db: Firestore, uid: string, entries: CandidateEntry[], counter?: ReadCounter) {
  if (entries.length === 0) return new Set<string>();
  const snaps = await db.getAll(
    ...entries.flatMap((e) => [db.doc(paths.block(uid, e.uid)), db.doc(paths.block(e.uid, uid))]),
  );
  if (counter) counter.reads += snaps.length;
  const hidden = new Set<string>();
  snaps.forEach((snap, i) => {
    if (snap.exists) hidden.add(entries[Math.floor(i / 2)]!.uid);
  });
  return hidden;
}

function toPartnerMatch(entry: CandidateEntry): PartnerMatch {
  return {
    uid: entry.uid,
    displayName: entry.displayName,
    photoURL: entry.photoURL,
    score: entry.score,
    reasons: entry.reasons,
    factors: entry.factors,
    distanceKm: entry.distanceKm,
    superLikedYou: entry.superLikedYou,
  };
}

/** The member answered this candidate: the entry leaves their queue. */
export async function removeFromQueue(db: Firestore, uid: string, candidateUid: string) {
  await db.doc(matchingPaths.candidate(uid, candidateUid)).delete();
}

/** Every member with a finished profile, a page at a time, for the daily refresh. */
export async function refreshAllQueues(db: Firestore, pageSize = 200): Promise<number> {
  const config = await loadMatchingConfig(db);
  let refreshed = 0;
  let after: string | null = null;
  for (;;) {
    let q = db
      .collection(collections.users)
      .where("onboardingComplete", "==", true)
      .orderBy(FieldPath.documentId())
      .select()
      .limit(pageSize);
    if (after) q = q.startAfter(after);
    const snap = await q.get();
    for (const doc of snap.docs) {
      await refreshCandidates(db, doc.id, { fanout: false, config });
      refreshed += 1;
    }
    if (snap.size < pageSize) return refreshed;
    after = snap.docs.at(-1)!.id;
  }
}

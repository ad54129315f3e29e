/**
 * Reading members for matching: each member's four documents (profile, match preferences, private
 * settings, reliability), the profiles near a point, and what a member and their neighbours did
 * to each other (actions, blocks, classes and partners in common). The Discover queue rebuild
 * (queueRebuildStore.ts), its pages (queuePageStore.ts) and class recommendations read through here.
 *
 * A document that does not match its schema is passed over (a member left out, a preference at its
 * default), never fatal: one bad document must not stop everyone else's queue.
 */
import type { Firestore } from "firebase-admin/firestore";
import type { MatchAction, UserProfile } from "../model/index.js";
import { refs } from "../shared/refs.js";
import { dataOrAbsent, readAll } from "../shared/firestore.js";
import { publicGeohashRanges } from "./geo.js";
import { matchingKey } from "./matchingKeyStore.js";
import { matchingPointOf } from "./matchingPoint.js";
import { memberFrom, type Member } from "./members.js";
import type { Neighbourhood, QueueOwner } from "./queueSelection.js";
import { matchingConfigOf, type LatLng, type MatchingConfig, type PairHistory } from "./scoring.js";

export async function loadMatchingConfig(db: Firestore): Promise<MatchingConfig> {
  return matchingConfigOf(dataOrAbsent(await refs(db).matchingConfig().get()));
}

/**
 * Members by uid, from their profile, match preferences, private settings and reliability (4 reads
 * each; 3 for those whose profile the caller already read, passed as `knownProfiles`, null when
 * unreadable), each placed at their matching point. A member without a readable profile is left out.
 */
export async function loadMembers(
  db: Firestore,
  uids: readonly string[],
  knownProfiles: ReadonlyMap<string, UserProfile | null> = new Map(),
): Promise<Map<string, Member>> {
  const r = refs(db);
  const result = new Map<string, Member>();
  const key = await matchingKey(db);
  const CHUNK = 100;
  for (let i = 0; i < uids.length; i += CHUNK) {
    const chunk = uids.slice(i, i + CHUNK);
    const unknown = chunk.filter((uid) => !knownProfiles.has(uid));
    const profileRefs = unknown.map((uid) => r.user(uid));
    const preferenceRefs = chunk.map((uid) => r.matchPreferences(uid));
    const settingRefs = chunk.map((uid) => r.privateSettings(uid));
    const reliabilityRefs = chunk.map((uid) => r.reliability(uid));
    const [profiles, preferences, settings, reliabilities] = await Promise.all([
      readAll(db, profileRefs),
      readAll(db, preferenceRefs),
      readAll(db, settingRefs),
      readAll(db, reliabilityRefs),
    ]);
    const fetched = new Map(unknown.map((uid, k) => [uid, profiles[k]] as const));
    chunk.forEach((uid, k) => {
      const known = knownProfiles.get(uid);
      const snap = fetched.get(uid);
      const profile = known !== undefined ? known : snap ? (dataOrAbsent(snap) ?? null) : null;
      if (!profile) return;
      const prefs = preferences[k];
      const setting = settings[k];
      const placeOf = (exact: LatLng) => matchingPointOf(exact, uid, key);
      const reliability = dataOrAbsent(reliabilities[k]) ?? null;
      result.set(
        uid,
        memberFrom(uid, profile, dataOrAbsent(prefs) ?? null, dataOrAbsent(setting) ?? null, placeOf, reliability),
      );
    });
  }
  return result;
}

/**
 * Profiles whose public geohash lies within `radiusKm` of `center` (plus the cells' edges), by uid;
 * null for a profile that does not match its schema.
 */
export async function profilesNear(
  db: Firestore,
  center: LatLng,
  radiusKm: number,
): Promise<Map<string, UserProfile | null>> {
  const users = refs(db).users();
  const snaps = await Promise.all(
    publicGeohashRanges(center, radiusKm).map(([start, end]) =>
      users.where("geohash", ">=", start).where("geohash", "<=", end).get(),
    ),
  );
  const profiles = new Map<string, UserProfile | null>();
  for (const snap of snaps) for (const doc of snap.docs) profiles.set(doc.id, dataOrAbsent(doc) ?? null);
  return profiles;
}

/** Whom `uid` answered, with the action when it reads (an unreadable one still counts as answered). */
async function actionsBy(db: Firestore, uid: string): Promise<Map<string, MatchAction | null>> {
  const snap = await refs(db).matchActions(uid).get();
  return new Map(snap.docs.map((d) => [d.id, dataOrAbsent(d)?.action ?? null]));
}

/** Whom `uid` blocked. A block is its existence: its fields are not read. */
async function blockedBy(db: Firestore, uid: string): Promise<Set<string>> {
  const snap = await refs(db).blocks(uid).select().get();
  return new Set(snap.docs.map((d) => d.id));
}

/** Each of `others`' action on `uid` (absent: none yet). */
async function actionsOn(db: Firestore, uid: string, others: readonly string[]): Promise<Map<string, MatchAction>> {
  const r = refs(db);
  const snaps = await readAll(
    db,
    others.map((other) => r.matchAction(other, uid)),
  );
  const result = new Map<string, MatchAction>();
  others.forEach((other, k) => {
    const action = snaps[k] ? dataOrAbsent(snaps[k])?.action : undefined;
    if (action) result.set(other, action);
  });
  return result;
}

/** Who among `others` has blocked `uid`. */
async function blockersOf(db: Firestore, uid: string, others: readonly string[]): Promise<Set<string>> {
  const r = refs(db);
  const snaps = await readAll(
    db,
    others.map((other) => r.block(other, uid)),
  );
  return new Set(others.filter((_, k) => snaps[k]?.exists));
}

/** The members of each of `uid`'s matches (at most `limit` matches). */
async function matchesOf(db: Firestore, uid: string, limit: number): Promise<(readonly [string, string])[]> {
  const snap = await refs(db).matches().where("userIds", "array-contains", uid).limit(limit).get();
  return snap.docs.flatMap((d) => {
    const match = dataOrAbsent(d);
    return match ? [match.userIds] : [];
  });
}

/** Classes attended together and partners in common, counted from `uid`'s side. */
async function historyWith(db: Firestore, uid: string): Promise<Map<string, PairHistory>> {
  const r = refs(db);
  const history = new Map<string, PairHistory>();
  const bump = (other: string, field: keyof PairHistory) => {
    if (other === uid) return;
    const h = history.get(other) ?? { classesTogether: 0, mutualPartners: 0 };
    h[field] += 1;
    history.set(other, h);
  };
  const attended = await r.attendance(uid).where("status", "==", "attended").limit(20).get();
  const myMatches = await matchesOf(db, uid, 20);
  const rosters = await Promise.all(
    attended.docs.map((d) => r.attendees(d.id).where("status", "==", "attended").select().get()),
  );
  for (const roster of rosters) for (const row of roster.docs) bump(row.id, "classesTogether");
  const partners = myMatches.flatMap((userIds) => userIds.filter((u) => u !== uid));
  const theirMatches = await Promise.all(partners.map((p) => matchesOf(db, p, 50)));
  for (const matches of theirMatches)
    for (const userIds of matches) for (const other of userIds) bump(other, "mutualPartners");
  // A partner's match with me is not a partner "in common".
  for (const p of partners) {
    const h = history.get(p);
    if (h) h.mutualPartners = Math.max(0, h.mutualPartners - 1);
  }
  return history;
}

/**
 * Everyone within `me`'s distance and what each pair did: the inputs of planQueues. O(members in
 * range) reads: each neighbour's preferences and settings, their action on and block of `me`.
 */
export async function loadNeighbourhood(db: Firestore, me: QueueOwner): Promise<Neighbourhood> {
  const profiles = await profilesNear(db, me.location, me.preferences.maxDistanceKm);
  profiles.delete(me.uid);
  const nearbyIds = [...profiles.keys()];
  const [others, myActions, myBlocks, blockedMe, theirActions, history] = await Promise.all([
    loadMembers(db, nearbyIds, profiles),
    actionsBy(db, me.uid),
    blockedBy(db, me.uid),
    blockersOf(db, me.uid, nearbyIds),
    actionsOn(db, me.uid, nearbyIds),
    historyWith(db, me.uid),
  ]);
  return { others: others.values(), myActions, myBlocks, blockedMe, theirActions, history };
}

/**
 * Serving the Discover queue, a page at a time (getPartnerMatches): O(page) reads from the cards
 * queueRebuildStore.ts keeps, in queue order (rank descending, then uid) after an opaque cursor.
 */
import { FieldPath, type Firestore } from "firebase-admin/firestore";
import type { CandidateEntry, GetPartnerMatchesResponse, PartnerMatch } from "../model/index.js";
import { DomainError } from "../shared/errors.js";
import { refs } from "../shared/refs.js";
import { decodeCursor, encodeCursor } from "./cursor.js";
import { dataOrAbsent, readAll } from "../shared/firestore.js";
import { loadMembers } from "./memberStore.js";
import type { Member } from "./members.js";
import { missingForMatching } from "./preferences.js";
import { queueWasBuilt, refreshCandidates } from "./queueRebuildStore.js";
import type { LatLng } from "./scoring.js";

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
 * One page of `uid`'s queue, best first. Reads: the caller (4 documents), the page, and two
 * block checks per entry — the triggers keep blocked people out of queues, and the check closes
 * the moment between a block and its trigger.
 */
export async function pageOfPartners(
  db: Firestore,
  uid: string,
  request: { limit?: number; cursor?: string },
): Promise<GetPartnerMatchesResponse> {
  const limit = request.limit ?? 10;
  const position = request.cursor === undefined ? null : decodeCursor(request.cursor);
  if (request.cursor !== undefined && !position)
    throw new DomainError("invalid-argument", "cursor: Not a valid cursor.");
  const me = (await loadMembers(db, [uid])).get(uid);
  ensureCanDiscover(me);

  const queue = () => {
    let q = refs(db).candidates(uid).orderBy("rank", "desc").orderBy(FieldPath.documentId(), "desc").limit(limit);
    if (position) q = q.startAfter(position.rank, position.uid);
    return q.get();
  };
  let page = await queue();
  // A member nobody has refreshed a queue for yet (just onboarded): build it now, once.
  if (page.empty && !position && !(await queueWasBuilt(db, uid))) {
    await refreshCandidates(db, uid, { fanout: false });
    page = await queue();
  }
  const entries = page.docs.flatMap((d) => {
    const entry = dataOrAbsent(d);
    return entry ? [entry] : [];
  });
  const hidden = await blockedEitherWay(db, uid, entries);
  const matches: PartnerMatch[] = entries.filter((e) => !hidden.has(e.uid)).map(toPartnerMatch);
  const last = page.docs.at(-1);
  const lastEntry = last ? dataOrAbsent(last) : null;
  const nextCursor =
    page.size === limit && last && lastEntry ? encodeCursor({ rank: lastEntry.rank, uid: last.id }) : null;
  return { matches, nextCursor };
}

async function blockedEitherWay(db: Firestore, uid: string, entries: readonly CandidateEntry[]) {
  if (entries.length === 0) return new Set<string>();
  const r = refs(db);
  const snaps = await readAll(
    db,
    entries.flatMap((e) => [r.block(uid, e.uid), r.block(e.uid, uid)]),
  );
  const hidden = new Set<string>();
  entries.forEach((entry, k) => {
    if (snaps[2 * k]?.exists || snaps[2 * k + 1]?.exists) hidden.add(entry.uid);
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

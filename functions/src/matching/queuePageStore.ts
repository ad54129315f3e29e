/**
 * Serving the Discover queue, a page at a time (getPartnerMatches): O(page) reads from the cards
 * queueRebuildStore.ts keeps, in queue order (rank descending, then uid) after an opaque cursor.
 */
import { FieldPath, type Firestore } from "firebase-admin/firestore";
import type { CandidateEntry, CandidateQueueState, GetPartnerMatchesResponse, PartnerMatch } from "../model/index.js";
import { DomainError } from "../shared/errors.js";
import { refs } from "../shared/refs.js";
import { decodeCursor, encodeCursor } from "./cursor.js";
import { dataOrAbsent } from "../shared/firestore.js";
import { loadMembers } from "./memberStore.js";
import { missingForMatching } from "./preferences.js";
import { refreshCandidates } from "./queueRebuildStore.js";

/** What a member must fix before Discover can work for them, as a failed-precondition. */
function ensureCanDiscover(standing: DiscoverStanding | undefined): void {
  if (!standing) throw new DomainError("failed-precondition", "Finish your profile first.");
  const { missing } = standing;
  if (missing.length > 0) {
    throw new DomainError("failed-precondition", `To see training partners, ${missing.join(", ")}.`, { missing });
  }
  if (!standing.discoverable) {
    throw new DomainError(
      "failed-precondition",
      "You are hidden from Discover. Turn on “Show me in Discover” in your match preferences.",
      { missing: ["discoverable"] },
    );
  }
  if (standing.disabled) throw new DomainError("failed-precondition", "This account is disabled.");
}

type DiscoverStanding = NonNullable<CandidateQueueState["discover"]>;

const canDiscover = (s: DiscoverStanding) => s.missing.length === 0 && s.discoverable && !s.disabled;

/** The standing the caller's documents give now (4 reads): for a refusal, or a queue never built. */
async function currentStanding(db: Firestore, uid: string): Promise<DiscoverStanding | undefined> {
  const me = (await loadMembers(db, [uid])).get(uid);
  if (!me) return undefined;
  return { missing: missingForMatching(me), disabled: me.disabled, discoverable: me.preferences.discoverable };
}

/**
 * One page of `uid`'s queue, best first. Reads (ADR 0015): the queue's state (1), which says
 * whether the caller may use Discover as of its last rebuild; the page; and one query for blocks
 * between the caller and the page's people, either way (1 when there are none). A refusal, or a
 * queue never built, reads the caller's documents instead.
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
  const stateSnap = await refs(db).candidateQueueState(uid).get();
  const recorded = dataOrAbsent(stateSnap)?.discover;
  // A recorded refusal may be out of date (the member just fixed it): the documents decide.
  ensureCanDiscover(recorded && canDiscover(recorded) ? recorded : await currentStanding(db, uid));

  const queue = () => {
    let q = refs(db).candidates(uid).orderBy("rank", "desc").orderBy(FieldPath.documentId(), "desc").limit(limit);
    if (position) q = q.startAfter(position.rank, position.uid);
    return q.get();
  };
  let page = await queue();
  // A member nobody has refreshed a queue for yet (just onboarded): build it now, once.
  if (page.empty && !position && !stateSnap.exists) {
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

/** Firestore's limit on the values of one `in` filter: two block paths per entry. */
const BLOCK_PATHS_PER_QUERY = 30;

/**
 * Who among `entries` blocked `uid` or was blocked by them, read from the blocks themselves, so a
 * block hides at once, before its trigger cleans the queues. One collection-group query by
 * document path per 15 entries: it is billed for the blocks it finds (one read when none),
 * where looking each path up is billed for every path.
 */
async function blockedEitherWay(db: Firestore, uid: string, entries: readonly CandidateEntry[]) {
  const hidden = new Set<string>();
  const r = refs(db);
  const perQuery = BLOCK_PATHS_PER_QUERY / 2;
  for (let i = 0; i < entries.length; i += perQuery) {
    const pairs = entries.slice(i, i + perQuery).flatMap((e) => [r.block(uid, e.uid), r.block(e.uid, uid)]);
    const found = await r.allBlocks().where(FieldPath.documentId(), "in", pairs).select().get();
    for (const block of found.docs) {
      const blocker = block.ref.parent.parent?.id;
      hidden.add(blocker === uid ? block.id : (blocker ?? block.id));
    }
  }
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

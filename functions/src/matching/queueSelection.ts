/**
 * The Discover queue's selection rules: given a member, their neighbours and what each pair did,
 * which cards go into whose queue, in what order, and which old cards go. Pure: the rebuild
 * (queueRebuildStore.ts) loads the inputs and writes the plan.
 *
 * Scores are symmetric, so one computation per pair fills both queues: the member's own queue, and
 * (with fan-out) the member's card in each neighbour's queue.
 */
import type { CandidateEntry, MatchAction } from "../model/index.js";
import type { Member } from "./members.js";
import { isDiscoverable, isMutualFit } from "./preferences.js";
import {
  distanceKm,
  NO_HISTORY,
  scorePair,
  type LatLng,
  type MatchingConfig,
  type PairHistory,
  type PairScore,
} from "./scoring.js";

/** A queue entry as the rules choose it; the store stamps `computedAt` when it writes. */
export type QueueCard = Omit<CandidateEntry, "computedAt">;

export type QueueOwner = Member & { location: LatLng };

/** Everything a rebuild knows about the people around `me`. */
export interface Neighbourhood {
  /** Members whose public cell lies within `me`'s distance, `me` excluded, in the order read. */
  others: Iterable<Member>;
  /** Whom `me` has answered: every target, with the action when it could be read. */
  myActions: ReadonlyMap<string, MatchAction | null>;
  /** Whom `me` blocked. */
  myBlocks: ReadonlySet<string>;
  /** Who blocked `me`. */
  blockedMe: ReadonlySet<string>;
  /** Each neighbour's answer to `me`. */
  theirActions: ReadonlyMap<string, MatchAction>;
  /** Classes together and partners in common, by neighbour. */
  history: ReadonlyMap<string, PairHistory>;
}

export interface QueuePlan {
  /** `me`'s queue, best first, capped at the queue size. */
  mine: QueueCard[];
  /** With fan-out: `me`'s card for each neighbour's queue. */
  theirs: { ownerUid: string; card: QueueCard }[];
  /** Cards that leave `me`'s queue. */
  dropFromMine: string[];
  /** With fan-out: neighbours whose card for `me` goes. */
  dropFromTheirs: string[];
}

const isSuperLike = (action: MatchAction | null | undefined) => action === "super_like";

/** Whether a member has a queue at all (and a place in others'): discoverable, with a location. */
export function takesPartInDiscover(member: Member | undefined): member is QueueOwner {
  return member !== undefined && member.location !== null && isDiscoverable(member);
}

/** `reasons`: what the queue's owner is told about `candidate` (pair.reasons or pair.theirReasons). */
function cardFor(
  candidate: Member,
  pair: PairScore,
  reasons: string[],
  superLikedYou: boolean,
  config: MatchingConfig,
): QueueCard {
  return {
    uid: candidate.uid,
    displayName: candidate.displayName,
    photoURL: candidate.photoURL,
    score: pair.score,
    rank: pair.score + (superLikedYou ? config.superLikeRankBoost : 0),
    reasons,
    factors: pair.factors,
    distanceKm: pair.distanceKm,
    superLikedYou,
  };
}

/**
 * Who goes where. A neighbour is scored when neither blocked the other, they have a location, and
 * each fits the other's preferences. `me`'s queue keeps those `me` has not answered, by rank (the
 * score, raised for a super-liker), capped; a neighbour's queue gets `me` unless they answered `me`.
 * Every previous card not kept leaves `me`'s queue, and, with fan-out, `me` leaves that person's
 * queue too unless it was just rewritten: whoever stops fitting one way stops fitting both.
 * `me` null (no queue any more: hidden, disabled, incomplete, no location) drops everything.
 */
export function planQueues(input: {
  me: QueueOwner | null;
  neighbourhood: Neighbourhood | null;
  previous: Iterable<string>;
  fanout: boolean;
  config: MatchingConfig;
}): QueuePlan {
  const { me, neighbourhood: n, fanout, config } = input;
  const plan: QueuePlan = { mine: [], theirs: [], dropFromMine: [], dropFromTheirs: [] };
  const keepMine = new Set<string>();
  const keepTheirs = new Set<string>();
  if (me && n) {
    const scored: { candidate: Member; pair: PairScore }[] = [];
    for (const candidate of n.others) {
      if (!candidate.location || n.myBlocks.has(candidate.uid) || n.blockedMe.has(candidate.uid)) continue;
      if (!isMutualFit(me, candidate, distanceKm(me.location, candidate.location))) continue;
      const history = n.history.get(candidate.uid) ?? NO_HISTORY;
      scored.push({ candidate, pair: scorePair(me, { ...candidate, location: candidate.location }, history, config) });
    }
    plan.mine = scored
      .filter(({ candidate }) => !n.myActions.has(candidate.uid))
      .map(({ candidate, pair }) =>
        cardFor(candidate, pair, pair.reasons, isSuperLike(n.theirActions.get(candidate.uid)), config),
      )
      .sort((x, y) => y.rank - x.rank)
      .slice(0, config.queueSize);
    for (const card of plan.mine) keepMine.add(card.uid);
    if (fanout) {
      for (const { candidate, pair } of scored) {
        if (n.theirActions.has(candidate.uid)) continue;
        keepTheirs.add(candidate.uid);
        plan.theirs.push({
          ownerUid: candidate.uid,
          card: cardFor(me, pair, pair.theirReasons, isSuperLike(n.myActions.get(candidate.uid)), config),
        });
      }
    }
  }
  for (const other of input.previous) {
    if (keepMine.has(other)) continue;
    plan.dropFromMine.push(other);
    if (fanout && !keepTheirs.has(other)) plan.dropFromTheirs.push(other);
  }
  return plan;
}

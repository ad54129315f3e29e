/** What members are told about matches. Pure: content and deterministic ids only. */
import type { NoticeDraft } from "../model/index.js";

/**
 * One notice per member per pair: a pair matches at most once (actions are final), so the pair id
 * makes a retried trigger a no-op.
 */
export function matchNotice(pairId: string, other: { uid: string; name: string }, conversationId: string): NoticeDraft {
  return {
    id: `match-${pairId}`,
    type: "match",
    title: `It's a match with ${other.name}!`,
    body: `You and ${other.name} both want to train together. Say hello.`,
    data: { matchId: pairId, conversationId },
    aboutUids: [other.uid],
  };
}

export function superLikeNotice(fromUid: string, fromName: string): NoticeDraft {
  return {
    id: `super_like-${fromUid}`,
    type: "super_like",
    title: `${fromName} super-liked you`,
    body: `${fromName} would really like to train with you. Find them in Discover.`,
    data: { uid: fromUid },
    aboutUids: [fromUid],
  };
}

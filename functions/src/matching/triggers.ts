/**
 * Reactions to what members write: a like that completes a pair forms a match, a super-like is
 * delivered, a block dissolves a match, and changes to anything scoring reads refresh the Discover
 * queues. Every reaction is idempotent (see matchStore.ts and candidateStore.ts): Firestore
 * delivers events at least once.
 */
import { onDocumentCreated, onDocumentUpdated, onDocumentWritten } from "firebase-functions/firestore";
import { logger } from "firebase-functions";
import type { Timestamp } from "firebase-admin/firestore";
import { matchActionSchema, matchingPaths, matchingPatterns, type UserProfile } from "../model/index.js";
import { db } from "../shared/firebase.js";
import { loadMatchingConfig, refreshCandidates, removeFromQueue } from "./candidateStore.js";
import { applyBlock, deliverSuperLike, formMatchIfMutual } from "./matchStore.js";

/**
 * Rebuilds a member's queues unless a rebuild already began reading after this event committed:
 * one edit often writes the profile, the settings and the preferences together, and a rebuild
 * that started after all of them saw them all, so the others would only repeat it.
 */
async function refreshAfter(uid: string, eventTime: string, cause: string) {
  const state = await db().doc(matchingPaths.candidateQueueState(uid)).get();
  const refreshedAt = state.get("refreshedAt") as Timestamp | undefined;
  if (refreshedAt && refreshedAt.toMillis() > Date.parse(eventTime)) return;
  const result = await refreshCandidates(db(), uid, { fanout: true });
  logger.info("queues refreshed", { event: "matching.refreshed", uid, cause, ...result });
}

export const onMatchActionCreated = onDocumentCreated(matchingPatterns.matchAction, async (event) => {
  const { uid, targetUid } = event.params;
  const parsed = matchActionSchema.safeParse(event.data?.data());
  if (!parsed.success) {
    logger.warn("match action skipped: invalid document", { uid, targetUid });
    return;
  }
  await removeFromQueue(db(), uid, targetUid);
  const { action } = parsed.data;
  if (action === "pass") return;
  if (action === "super_like") await deliverSuperLike(db(), uid, targetUid, await loadMatchingConfig(db()));
  const outcome = await formMatchIfMutual(db(), uid, targetUid);
  logger.info("match action", { event: "matching.action", uid, targetUid, action, outcome });
});

export const onBlockCreated = onDocumentCreated(matchingPatterns.block, async (event) => {
  const { uid, otherUid } = event.params;
  const dissolved = await applyBlock(db(), uid, otherUid);
  logger.info("member blocked", { event: "matching.blocked", uid, otherUid, dissolved });
});

/** The profile fields scoring, preferences or the Discover card read. */
const SCORED_FIELDS: readonly (keyof UserProfile)[] = [
  "displayName",
  "photoURL",
  "fitnessLevel",
  "interests",
  "availability",
  "geohash",
  "city",
  "onboardingComplete",
  "disabled",
  "role",
];

export const onProfileChangedForMatching = onDocumentUpdated(matchingPatterns.profile, async (event) => {
  const before = event.data?.before.data() ?? {};
  const after = event.data?.after.data() ?? {};
  const changed = SCORED_FIELDS.some((f) => JSON.stringify(before[f]) !== JSON.stringify(after[f]));
  if (!changed) return;
  await refreshAfter(event.params.uid, event.time, "profile");
});

export const onMatchPreferencesWritten = onDocumentWritten(matchingPatterns.matchPreferences, async (event) => {
  const result = await refreshCandidates(db(), event.params.uid, { fanout: true });
  logger.info("queues refreshed", {
    event: "matching.refreshed",
    uid: event.params.uid,
    cause: "preferences",
    ...result,
  });
});

export const onLocationChangedForMatching = onDocumentWritten(matchingPatterns.privateSettings, async (event) => {
  const before: unknown = event.data?.before.get("location");
  const after: unknown = event.data?.after.get("location");
  if (JSON.stringify(before ?? null) === JSON.stringify(after ?? null)) return;
  await refreshAfter(event.params.uid, event.time, "location");
});

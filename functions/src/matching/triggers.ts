/**
 * Reactions to what members write: a like that completes a pair forms a match, a super-like is
 * delivered, a block dissolves a match, and changes to anything scoring reads refresh the Discover
 * queues. Each is retried on failure and idempotent (see matchStore.ts and queueRebuildStore.ts):
 * Firestore delivers events at least once, and a retry completes what a failed delivery began.
 */
import { onDocumentCreated, onDocumentUpdated, onDocumentWritten } from "firebase-functions/firestore";
import {
  matchActionSchema,
  matchPreferencesSchema,
  patterns,
  privateSettingsSchema,
  userProfileSchema,
} from "../model/index.js";
import { db } from "../shared/firebase.js";
import {
  dropWhenStale,
  eventDocument,
  INVALID_DOCUMENT,
  previousDocument,
  retried,
  validEventDocument,
} from "../shared/triggers.js";
import { log, type RefreshCause } from "./logs.js";
import { applyBlock, applyMatchAction } from "./matchStore.js";
import { locationChanged, scoredFieldsChanged } from "./queueFreshness.js";
import { refreshAfterChange, refreshCandidates, type RefreshResult } from "./queueRebuildStore.js";

function logRefresh(uid: string, cause: RefreshCause, result: RefreshResult | null) {
  if (result) log.queuesRefreshed(uid, cause, result);
  else log.queuesAlreadyFresh(uid, cause);
}

/**
 * When the change committed: the written document's update time. refreshAfterChange compares it
 * with the read time of the last rebuild, so both must be the database's commit clock. The
 * event's own `time` need not be the commit time: against the emulator, rapid location moves were
 * judged "already rebuilt" and skipped, leaving Discover on an old vantage point.
 */
function committedAtMs(event: { time: string; data?: { after?: { updateTime?: { toMillis(): number } } } }): number {
  return event.data?.after?.updateTime?.toMillis() ?? Date.parse(event.time);
}

export const onMatchActionCreated = onDocumentCreated(
  retried(patterns.matchAction),
  dropWhenStale("onMatchActionCreated", async (event) => {
    const { uid, targetUid } = event.params;
    const answer = validEventDocument("onMatchActionCreated", matchActionSchema, event.data);
    if (!answer) return;
    const outcome = await applyMatchAction(db(), uid, targetUid, answer.action);
    if (outcome) log.matchActionApplied(uid, targetUid, answer.action, outcome);
  }),
);

// A block is its existence (pages, rules and the match transaction check nothing else), so its
// fields are not parsed: a malformed block still blocks.
export const onBlockCreated = onDocumentCreated(
  retried(patterns.block),
  dropWhenStale("onBlockCreated", async (event) => {
    const { uid, otherUid } = event.params;
    log.memberBlocked(uid, otherUid, await applyBlock(db(), uid, otherUid));
  }),
);

export const onProfileChangedForMatching = onDocumentUpdated(
  retried(patterns.profile),
  dropWhenStale("onProfileChangedForMatching", async (event) => {
    const { uid } = event.params;
    const after = eventDocument("onProfileChangedForMatching", userProfileSchema, event.data?.after);
    if (after === INVALID_DOCUMENT) return;
    if (!scoredFieldsChanged(previousDocument(userProfileSchema, event.data?.before), after)) return;
    logRefresh(uid, "profile", await refreshAfterChange(db(), uid, committedAtMs(event)));
  }),
);

export const onMatchPreferencesWritten = onDocumentWritten(
  retried(patterns.matchPreferences),
  dropWhenStale("onMatchPreferencesWritten", async (event) => {
    const { uid } = event.params;
    // Deleted preferences are the defaults again: a change like any other.
    if (eventDocument("onMatchPreferencesWritten", matchPreferencesSchema, event.data?.after) === INVALID_DOCUMENT)
      return;
    logRefresh(uid, "preferences", await refreshCandidates(db(), uid, { fanout: true }));
  }),
);

export const onLocationChangedForMatching = onDocumentWritten(
  retried(patterns.privateSettings),
  dropWhenStale("onLocationChangedForMatching", async (event) => {
    const { uid } = event.params;
    const after = eventDocument("onLocationChangedForMatching", privateSettingsSchema, event.data?.after);
    if (after === INVALID_DOCUMENT) return;
    if (!locationChanged(previousDocument(privateSettingsSchema, event.data?.before), after)) return;
    logRefresh(uid, "location", await refreshAfterChange(db(), uid, committedAtMs(event)));
  }),
);

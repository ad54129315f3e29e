/**
 * A member's Discover preferences, saved for them by the setMatchPreferences callable. Each save
 * rebuilds Discover queues across a city (onMatchPreferencesWritten), so saves count against the
 * `matchPreferences` rate limit, taken in the same transaction as the write: a refused save
 * writes nothing, and two concurrent saves cannot both take the last place.
 */
import { FieldValue, type Firestore } from "firebase-admin/firestore";
import { takeRateLimit } from "../limits/index.js";
import { effectivePreferences, type SetMatchPreferencesRequest } from "../model/index.js";
import { dataOrAbsent } from "../shared/firestore.js";
import { refs } from "../shared/refs.js";
import { runDomainTransaction } from "../shared/transactions.js";

/** Replaces `uid`'s preferences: a field left out takes its default again. */
export async function saveMatchPreferences(
  db: Firestore,
  uid: string,
  preferences: SetMatchPreferencesRequest,
  nowMs: number,
): Promise<void> {
  const r = refs(db);
  await runDomainTransaction(db, async (tx) => {
    const queueState = await tx.get(r.candidateQueueState(uid));
    const recordSave = await takeRateLimit(tx, db, "matchPreferences", uid, nowMs, "match preference changes");
    recordSave();
    tx.set(r.matchPreferences(uid), { ...preferences, updatedAt: FieldValue.serverTimestamp() });
    // Discover pages trust the queue's record of whether the member shows (ADR 0015): it changes
    // with the preferences, or a member who just hid could keep browsing until the rebuild.
    if (dataOrAbsent(queueState)?.discover) {
      tx.update(r.candidateQueueState(uid), {
        "discover.discoverable": effectivePreferences(preferences).discoverable,
      });
    }
  });
}

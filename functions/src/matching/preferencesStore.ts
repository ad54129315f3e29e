/**
 * A member's Discover preferences, saved for them by the setMatchPreferences callable. Each save
 * rebuilds Discover queues across a city (onMatchPreferencesWritten), so saves count against the
 * `matchPreferences` rate limit, taken in the same transaction as the write: a refused save
 * writes nothing, and two concurrent saves cannot both take the last place.
 */
import { FieldValue, type Firestore } from "firebase-admin/firestore";
import { takeRateLimit } from "../limits/index.js";
import type { SetMatchPreferencesRequest } from "../model/index.js";
import { refs } from "../shared/refs.js";
import { runDomainTransaction } from "../shared/transactions.js";

/** Replaces `uid`'s preferences: a field left out takes its default again. */
export async function saveMatchPreferences(
  db: Firestore,
  uid: string,
  preferences: SetMatchPreferencesRequest,
  nowMs: number,
): Promise<void> {
  await runDomainTransaction(db, async (tx) => {
    const recordSave = await takeRateLimit(tx, db, "matchPreferences", uid, nowMs, "match preference changes");
    recordSave();
    tx.set(refs(db).matchPreferences(uid), { ...preferences, updatedAt: FieldValue.serverTimestamp() });
  });
}

/**
 * Rebuilding the Discover queue: `users/{uid}/candidates/{candidateUid}`, one scored card per
 * person a member may be shown, kept fresh by triggers and a daily job, so that a page
 * (queuePageStore.ts) reads O(page) documents however many members live in the city
 * (docs/adr/0006-partner-matching.md).
 *
 * A rebuild for one member reads everyone within their distance (memberStore.ts), lets the
 * selection rules (queueSelection.ts) choose, and writes the member's queue and, with fan-out, the
 * member's card in each neighbour's queue. A rebuild starts from what is stored, never from the
 * event, so running it twice (a retried trigger, a doubled daily run) gives the same queues.
 */
import { FieldPath, FieldValue, type BulkWriter, type Firestore, type Timestamp } from "firebase-admin/firestore";
import { effectivePreferences } from "../model/index.js";
import { refs } from "../shared/refs.js";
import { dataOrAbsent } from "../shared/firestore.js";
import { loadMatchingConfig, loadMembers, loadNeighbourhood } from "./memberStore.js";
import type { Member } from "./members.js";
import { missingForMatching } from "./preferences.js";
import { rebuiltSince } from "./queueFreshness.js";
import { planQueues, takesPartInDiscover, type QueueCard } from "./queueSelection.js";
import type { MatchingConfig } from "./scoring.js";

export interface RefreshResult {
  queued: number;
  fannedOut: number;
  removed: number;
}

/**
 * Runs `write` on a BulkWriter and fails if any write failed (after the writer's own retries), so
 * a trigger's event is delivered again rather than the rebuild recorded as done.
 */
async function writeAll(db: Firestore, write: (writer: BulkWriter) => Promise<unknown>[]): Promise<void> {
  const writer = db.bulkWriter();
  const failures: unknown[] = [];
  for (const pending of write(writer)) pending.catch((error: unknown) => failures.push(error));
  await writer.close();
  if (failures.length > 0) {
    throw new Error(`${failures.length} queue writes failed; first: ${String(failures[0])}`);
  }
}

const stamped = (card: QueueCard) => ({ ...card, computedAt: FieldValue.serverTimestamp() });

/**
 * Rebuilds `uid`'s queue. With `fanout`, also writes (or removes) `uid`'s card in each nearby
 * member's queue: what a change to `uid`'s profile, preferences or location means for others.
 */
export async function refreshCandidates(
  db: Firestore,
  uid: string,
  opts: { fanout: boolean; config?: MatchingConfig },
): Promise<RefreshResult> {
  const r = refs(db);
  // The server's clock when this rebuild began reading: it sees every write committed before it.
  // refreshAfterChange compares a change's time with it, so it must be the start, not the end.
  const { readTime: startedAt } = await r.candidateQueueState(uid).get();
  const config = opts.config ?? (await loadMatchingConfig(db));
  const me = (await loadMembers(db, [uid])).get(uid);
  const previous = (await r.candidates(uid).select().get()).docs.map((d) => d.id);
  const owner = takesPartInDiscover(me) ? me : null;
  const neighbourhood = owner ? await loadNeighbourhood(db, owner) : null;
  const plan = planQueues({ me: owner, neighbourhood, previous, fanout: opts.fanout, config });

  await writeAll(db, (writer) => [
    ...plan.mine.map((card) => writer.set(r.candidate(uid, card.uid), stamped(card))),
    ...plan.theirs.map(({ ownerUid, card }) => writer.set(r.candidate(ownerUid, uid), stamped(card))),
    ...plan.dropFromMine.map((other) => writer.delete(r.candidate(uid, other))),
    ...plan.dropFromTheirs.map((other) => writer.delete(r.candidate(other, uid))),
  ]);
  // No profile: the account was deleted (a late trigger of its deletion). Its queue is gone, and a
  // queue state would bring back a document keyed by its uid.
  if (me) await recordRebuild(db, uid, startedAt, me);
  return { queued: plan.mine.length, fannedOut: plan.theirs.length, removed: plan.dropFromMine.length };
}

/**
 * Records the rebuild, with the member's standing in Discover for the pages that follow. Their
 * `discoverable` is read again inside the transaction: setMatchPreferences writes the preferences
 * and this state together, so a save that landed while this rebuild ran is not undone here.
 */
async function recordRebuild(db: Firestore, uid: string, startedAt: Timestamp, me: Member): Promise<void> {
  const r = refs(db);
  await db.runTransaction(async (tx) => {
    const preferences = dataOrAbsent(await tx.get(r.matchPreferences(uid))) ?? null;
    const discoverable = effectivePreferences(preferences).discoverable;
    tx.set(r.candidateQueueState(uid), {
      refreshedAt: startedAt,
      discover: { missing: missingForMatching(me), disabled: me.disabled, discoverable },
    });
  });
}

/**
 * After a change to `uid`'s profile or location committed at `changedAtMs`: rebuilds their queue
 * and their place in their neighbours', unless a rebuild began reading after the change (then
 * null). Safe to repeat: a rebuild that failed part-way recorded nothing, so a retry rebuilds.
 */
export async function refreshAfterChange(
  db: Firestore,
  uid: string,
  changedAtMs: number,
): Promise<RefreshResult | null> {
  const state = dataOrAbsent(await refs(db).candidateQueueState(uid).get());
  if (rebuiltSince(state ? state.refreshedAt.toMillis() : null, changedAtMs)) return null;
  return refreshCandidates(db, uid, { fanout: true });
}

/** The member answered this candidate: the card leaves their queue. */
export async function removeFromQueue(db: Firestore, uid: string, candidateUid: string): Promise<void> {
  await refs(db).candidate(uid, candidateUid).delete();
}

/** Every member with a finished profile, a page at a time, for the daily refresh. */
export async function refreshAllQueues(db: Firestore, pageSize = 200): Promise<number> {
  const config = await loadMatchingConfig(db);
  let refreshed = 0;
  let after: string | null = null;
  for (;;) {
    let q = refs(db)
      .users()
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
    const last = snap.docs.at(-1);
    if (snap.size < pageSize || !last) return refreshed;
    after = last.id;
  }
}

/**
 * Mutual matches in Firestore: what a like, pass or super-like leads to, forming a match when the
 * second like lands, dissolving it on unmatch or block. A match and its conversation appear and
 * disappear together, in one transaction.
 *
 * Exactly once: the match id is the pair id, and the transaction that creates it reads both
 * actions and the match itself, so two triggers racing (both likes at the same instant) or a
 * retried event find the match already there. A dissolved pair is marked on both actions
 * (`dissolvedAt`), so a retried like cannot bring an unmatched pair back together. Notices have
 * ids per pair (notices.ts), so a delivery that died after the transaction notifies on its retry
 * and nobody is told twice.
 */
import { FieldValue, type Firestore, type Transaction } from "firebase-admin/firestore";
import { directConversationId, membersOfPair, pairIdOf, type MatchAction } from "../model/index.js";
import { closeConversation, openDirectConversation } from "../messaging/index.js";
import { notifyMany } from "../notifications/index.js";
import { DomainError } from "../shared/errors.js";
import { refs } from "../shared/refs.js";
import { runDomainTransaction } from "../shared/transactions.js";
import { dataOrAbsent, readAll, readTogether } from "../shared/firestore.js";
import { loadMatchingConfig } from "./memberStore.js";
import { matchNotice, superLikeNotice } from "./notices.js";
import { removeFromQueue } from "./queueRebuildStore.js";
import type { MatchingConfig } from "./scoring.js";

const isInterested = (action: MatchAction | undefined) => action === "like" || action === "super_like";

async function displayNames(db: Firestore, uids: readonly string[]): Promise<Map<string, string>> {
  const r = refs(db);
  const snaps = await readAll(
    db,
    uids.map((uid) => r.user(uid)),
  );
  return new Map(snaps.map((s) => [s.id, dataOrAbsent(s)?.displayName ?? "A Numina member"]));
}

export type MatchOutcome = "created" | "exists" | "not_mutual" | "blocked" | "dissolved";

/**
 * `uid` answered `targetUid` (the match action trigger): the card leaves `uid`'s queue; a
 * super-like reaches its recipient; a like or super-like that is returned forms the match. null
 * for a pass. Every step is idempotent, so a retried event completes what a failed one began.
 */
export async function applyMatchAction(
  db: Firestore,
  uid: string,
  targetUid: string,
  action: MatchAction,
): Promise<MatchOutcome | null> {
  await removeFromQueue(db, uid, targetUid);
  if (action === "pass") return null;
  if (action === "super_like") await deliverSuperLike(db, uid, targetUid, await loadMatchingConfig(db));
  return formMatchIfMutual(db, uid, targetUid);
}

/** After `uid` liked `targetUid`: creates their match if the like is returned. Idempotent. */
export async function formMatchIfMutual(db: Firestore, uid: string, targetUid: string): Promise<MatchOutcome> {
  const r = refs(db);
  const pairId = pairIdOf(uid, targetUid);
  const userIds = membersOfPair(uid, targetUid);
  const matchRef = r.match(pairId);
  const outcome = await runDomainTransaction(db, async (tx): Promise<MatchOutcome> => {
    const [mine, theirs, match, myBlock, theirBlock] = await readTogether(
      tx,
      r.matchAction(uid, targetUid),
      r.matchAction(targetUid, uid),
      matchRef,
      r.block(uid, targetUid),
      r.block(targetUid, uid),
    );
    const a = dataOrAbsent(mine);
    const b = dataOrAbsent(theirs);
    if (!isInterested(a?.action) || !isInterested(b?.action)) return "not_mutual";
    if (match.exists) return "exists";
    if (a?.dissolvedAt || b?.dissolvedAt) return "dissolved";
    if (myBlock.exists || theirBlock.exists) return "blocked";
    tx.create(matchRef, {
      userIds,
      createdAt: FieldValue.serverTimestamp(),
      conversationId: directConversationId(pairId),
    });
    openDirectConversation(db, tx, { pairId, userIds });
    return "created";
  });
  // Also on "exists": a delivery that created the match may have died before notifying. Notice
  // ids are per pair, so nobody is told twice.
  if (outcome === "created" || outcome === "exists") {
    const names = await displayNames(db, userIds);
    const conversationId = directConversationId(pairId);
    await Promise.all(
      userIds.map((member) => {
        const other = member === userIds[0] ? userIds[1] : userIds[0];
        return notifyMany(
          db,
          [member],
          matchNotice(pairId, { uid: other, name: names.get(other) ?? "a member" }, conversationId),
        );
      }),
    );
  }
  return outcome;
}

/**
 * A super-like is shown to its recipient: a notice, and the sender moves up the recipient's
 * queue. Rank is set from the stored score, not incremented, so a retry changes nothing.
 */
export async function deliverSuperLike(db: Firestore, uid: string, targetUid: string, config: MatchingConfig) {
  const r = refs(db);
  const [myBlock, theirBlock, entrySnap] = await readTogether(
    db,
    r.block(uid, targetUid),
    r.block(targetUid, uid),
    r.candidate(targetUid, uid),
  );
  if (myBlock.exists || theirBlock.exists) return false;
  const entry = dataOrAbsent(entrySnap);
  if (entry) {
    await entrySnap.ref.update({ rank: entry.score + config.superLikeRankBoost, superLikedYou: true });
  }
  const names = await displayNames(db, [uid]);
  await notifyMany(db, [targetUid], superLikeNotice(uid, names.get(uid) ?? "A member"));
  return true;
}

/** Removes the match, closes its conversation and marks the pair so it never re-forms. */
async function dissolveInTransaction(db: Firestore, tx: Transaction, a: string, b: string) {
  const r = refs(db);
  const pairId = pairIdOf(a, b);
  const matchRef = r.match(pairId);
  const conversationRef = r.conversation(directConversationId(pairId));
  const [match, conversation, ...actions] = await readTogether(
    tx,
    matchRef,
    conversationRef,
    r.matchAction(a, b),
    r.matchAction(b, a),
  );
  for (const action of actions) {
    if (action.exists) tx.update(action.ref, { dissolvedAt: FieldValue.serverTimestamp() });
  }
  if (!match.exists) return false;
  tx.delete(matchRef);
  if (conversation.exists) closeConversation(db, tx, conversationRef.id);
  return true;
}

/** `uid` unmatches `otherUid`: the conversation closes for both. */
export async function unmatch(db: Firestore, uid: string, otherUid: string): Promise<void> {
  if (uid === otherUid) throw new DomainError("invalid-argument", "uid: You cannot unmatch yourself.");
  await runDomainTransaction(db, async (tx) => {
    const match = await tx.get(refs(db).match(pairIdOf(uid, otherUid)));
    if (!match.exists) throw new DomainError("not-found", "You are not matched with this member.");
    await dissolveInTransaction(db, tx, uid, otherUid);
  });
}

/**
 * After `uid` blocked `otherUid`: any match between them is dissolved and each leaves the other's
 * queue. Safe to repeat: a delivery that failed after dissolving finds the match gone and only
 * clears the queues.
 */
export async function applyBlock(db: Firestore, uid: string, otherUid: string): Promise<boolean> {
  const r = refs(db);
  const dissolved = await runDomainTransaction(db, (tx) => dissolveInTransaction(db, tx, uid, otherUid));
  const batch = db.batch();
  batch.delete(r.candidate(uid, otherUid));
  batch.delete(r.candidate(otherUid, uid));
  await batch.commit();
  return dissolved;
}

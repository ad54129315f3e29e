/**
 * Mutual matches in Firestore: forming one when the second like lands, dissolving it on unmatch
 * or block. A match and its conversation appear and disappear together, in one transaction.
 *
 * Exactly once: the match id is the pair id, and the transaction that creates it reads both
 * actions and the match itself, so two triggers racing (both likes at the same instant) or a
 * retried event find the match already there. A dissolved pair is marked on both actions
 * (`dissolvedAt`), so a retried like cannot bring an unmatched pair back together.
 */
import { FieldValue, type DocumentSnapshot, type Firestore, type Transaction } from "firebase-admin/firestore";
import {
  directConversationId,
  matchActionSchema,
  matchingPaths,
  membersOfPair,
  pairIdOf,
  paths,
  userProfileSchema,
  type MatchAction,
} from "../model/index.js";
import { closeConversation, openDirectConversation } from "../messaging/conversationStore.js";
import { notifyMany } from "../notifications/inboxStore.js";
import { DomainError } from "../shared/errors.js";
import { runDomainTransaction } from "../shared/transactions.js";
import { matchNotice, superLikeNotice } from "./notices.js";
import type { MatchingConfig } from "./scoring.js";

const isInterested = (action: MatchAction | undefined) => action === "like" || action === "super_like";

function actionOf(snap: DocumentSnapshot): { action: MatchAction; dissolved: boolean } | null {
  const parsed = matchActionSchema.safeParse(snap.data());
  if (!parsed.success) return null;
  return { action: parsed.data.action, dissolved: snap.get("dissolvedAt") != null };
}

async function displayNames(db: Firestore, uids: readonly string[]): Promise<Map<string, string>> {
  const snaps = await db.getAll(...uids.map((uid) => db.doc(paths.user(uid))));
  return new Map(
    snaps.map((s) => {
      const profile = userProfileSchema.safeParse(s.data());
      return [s.id, profile.success ? profile.data.displayName : "A Numina member"];
    }),
  );
}

export type MatchOutcome = "created" | "exists" | "not_mutual" | "blocked" | "dissolved";

/** After `uid` liked `targetUid`: creates their match if the like is returned. Idempotent. */
export async function formMatchIfMutual(db: Firestore, uid: string, targetUid: string): Promise<MatchOutcome> {
  const pairId = pairIdOf(uid, targetUid);
  const userIds = membersOfPair(uid, targetUid);
  const matchRef = db.doc(paths.match(pairId));
  const outcome = await runDomainTransaction(db, async (tx): Promise<MatchOutcome> => {
    const [mine, theirs, match, myBlock, theirBlock] = await tx.getAll(
      db.doc(paths.matchAction(uid, targetUid)),
      db.doc(paths.matchAction(targetUid, uid)),
      matchRef,
      db.doc(paths.block(uid, targetUid)),
      db.doc(paths.block(targetUid, uid)),
    );
    const a = actionOf(mine!);
    const b = actionOf(theirs!);
    if (!isInterested(a?.action) || !isInterested(b?.action)) return "not_mutual";
    if (match!.exists) return "exists";
    if (a?.dissolved || b?.dissolved) return "dissolved";
    if (myBlock!.exists || theirBlock!.exists) return "blocked";
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
        return notifyMany(db, [member], matchNotice(pairId, names.get(other) ?? "a member", conversationId));
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
  const [myBlock, theirBlock, entry] = await db.getAll(
    db.doc(paths.block(uid, targetUid)),
    db.doc(paths.block(targetUid, uid)),
    db.doc(matchingPaths.candidate(targetUid, uid)),
  );
  if (myBlock!.exists || theirBlock!.exists) return false;
  const score: unknown = entry!.get("score");
  if (typeof score === "number") {
    await entry!.ref.update({ rank: score + config.superLikeRankBoost, superLikedYou: true });
  }
  const names = await displayNames(db, [uid]);
  await notifyMany(db, [targetUid], superLikeNotice(uid, names.get(uid) ?? "A member"));
  return true;
}

/** Removes the match, closes its conversation and marks the pair so it never re-forms. */
async function dissolveInTransaction(db: Firestore, tx: Transaction, a: string, b: string) {
  const pairId = pairIdOf(a, b);
  const matchRef = db.doc(paths.match(pairId));
  const actionRefs = [db.doc(paths.matchAction(a, b)), db.doc(paths.matchAction(b, a))];
  const conversationRef = db.doc(paths.conversation(directConversationId(pairId)));
  const [match, conversation, ...actions] = await tx.getAll(matchRef, conversationRef, ...actionRefs);
  for (const action of actions) {
    if (action.exists) tx.update(action.ref, { dissolvedAt: FieldValue.serverTimestamp() });
  }
  if (!match!.exists) return false;
  tx.delete(matchRef);
  if (conversation!.exists) closeConversation(db, tx, conversationRef.id);
  return true;
}

/** `uid` unmatches `otherUid`: the conversation closes for both. */
export async function unmatch(db: Firestore, uid: string, otherUid: string): Promise<void> {
  if (uid === otherUid) throw new DomainError("invalid-argument", "uid: You cannot unmatch yourself.");
  await runDomainTransaction(db, async (tx) => {
    const match = await tx.get(db.doc(paths.match(pairIdOf(uid, otherUid))));
    if (!match.exists) throw new DomainError("not-found", "You are not matched with this member.");
    await dissolveInTransaction(db, tx, uid, otherUid);
  });
}

/**
 * After `uid` blocked `otherUid`: any match between them is dissolved and each leaves the other's
 * queue. Safe to repeat.
 */
export async function applyBlock(db: Firestore, uid: string, otherUid: string): Promise<boolean> {
  const dissolved = await runDomainTransaction(db, (tx) => dissolveInTransaction(db, tx, uid, otherUid));
  const batch = db.batch();
  batch.delete(db.doc(matchingPaths.candidate(uid, otherUid)));
  batch.delete(db.doc(matchingPaths.candidate(otherUid, uid)));
  await batch.commit();
  return dissolved;
}

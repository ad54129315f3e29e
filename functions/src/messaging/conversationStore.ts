/**
 * Opening and closing conversations, for the features that own them: matching opens a direct
 * conversation when a match forms and closes it on unmatch or block. Both run inside the caller's
 * transaction so the match and its conversation appear and disappear together.
 */
import { FieldValue, type Firestore, type Transaction } from "firebase-admin/firestore";
import { directConversationId, paths } from "../model/index.js";

/**
 * Creates (or reopens) the direct conversation of a pair. `set` with merge, not `create`: a pair
 * that unmatched and matched again keeps its history.
 */
export function openDirectConversation(
  db: Firestore,
  tx: Transaction,
  pair: { pairId: string; userIds: readonly [string, string] },
): string {
  const conversationId = directConversationId(pair.pairId);
  const [a, b] = pair.userIds;
  tx.set(
    db.doc(paths.conversation(conversationId)),
    {
      type: "direct",
      memberIds: [a, b],
      title: null,
      status: "open",
      matchId: pair.pairId,
      classId: null,
      createdAt: FieldValue.serverTimestamp(),
      updatedAt: FieldValue.serverTimestamp(),
    },
    { merge: true },
  );
  return conversationId;
}

/** Closes a conversation for everyone in it: rules refuse new messages once it is closed. */
export function closeConversation(db: Firestore, tx: Transaction, conversationId: string): void {
  tx.set(
    db.doc(paths.conversation(conversationId)),
    { status: "closed", updatedAt: FieldValue.serverTimestamp() },
    { merge: true },
  );
}

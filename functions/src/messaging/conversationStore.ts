/**
 * Opening and closing conversations, and keeping their member lists right.
 *
 * Matching opens a direct conversation when a match forms and closes it on unmatch or block. Both
 * run inside the caller's transaction so the match and its conversation appear and disappear
 * together, after that transaction's reads: so they only write, never read.
 *
 * A class's group conversation follows its RSVPs (syncClassChatMember, called by a trigger on
 * every attendee write) and closes when the class is cancelled. A member may leave a group for
 * good (leaveConversation).
 */
import { FieldPath, FieldValue, type Firestore, type Transaction, type WriteBatch } from "firebase-admin/firestore";
import { classConversationId, directConversationId } from "../model/index.js";
import { DomainError } from "../shared/errors.js";
import { refs } from "../shared/refs.js";
import { GRPC, grpcCode } from "../shared/transactions.js";
import { classChatTitle, inClassChat } from "./delivery.js";
import { dataOrAbsent } from "../shared/firestore.js";

/** `unreadCounts.<uid>` as a path object: a uid is never parsed as a dotted path. */
export const unreadField = (uid: string) => new FieldPath("unreadCounts", uid);

/**
 * Creates (or reopens) the direct conversation of a pair, with writes only. `set` with merge, not
 * `create`: a pair that unmatched and matched again keeps its history, its read marks and mutes.
 * What a first open must initialise is written so that a reopen leaves it alone: each unread
 * count is incremented by zero (0 when missing, unchanged otherwise), and `lastMessage` is left
 * absent, which conversationSchema reads as null.
 */
export function openDirectConversation(
  db: Firestore,
  tx: Transaction,
  pair: { pairId: string; userIds: readonly [string, string] },
): string {
  const conversationId = directConversationId(pair.pairId);
  const [a, b] = pair.userIds;
  tx.set(
    refs(db).conversation(conversationId),
    {
      type: "direct",
      memberIds: [a, b],
      title: null,
      status: "open",
      matchId: pair.pairId,
      classId: null,
      unreadCounts: { [a]: FieldValue.increment(0), [b]: FieldValue.increment(0) },
      createdAt: FieldValue.serverTimestamp(),
      updatedAt: FieldValue.serverTimestamp(),
    },
    { merge: true },
  );
  for (const uid of pair.userIds) {
    tx.set(refs(db).conversationMember(conversationId, uid), { uid, left: false }, { merge: true });
  }
  return conversationId;
}

/** Closes a conversation for everyone in it: rules refuse new messages once it is closed. */
export function closeConversation(db: Firestore, tx: Transaction, conversationId: string): void {
  // update, not set-merge: closing must never create a conversation with only a status.
  tx.update(refs(db).conversation(conversationId), { status: "closed", updatedAt: FieldValue.serverTimestamp() });
}

/** Ignores "already exists": the document is there, whoever made it. */
async function createIfAbsent(run: Promise<unknown>): Promise<void> {
  try {
    await run;
  } catch (error) {
    if (grpcCode(error) !== GRPC.ALREADY_EXISTS) throw error;
  }
}

function addMember(batch: WriteBatch, db: Firestore, conversationId: string, uid: string) {
  batch.update(
    refs(db).conversation(conversationId),
    "memberIds",
    FieldValue.arrayUnion(uid),
    unreadField(uid),
    FieldValue.increment(0),
  );
  batch.set(refs(db).conversationMember(conversationId, uid), { uid }, { merge: true });
}

export type ClassChatChange = "added" | "removed" | "unchanged";

/**
 * Brings one member's place in their class's chat in line with their RSVP as it is now (read
 * afresh, not taken from the event: events arrive in any order). Every write is idempotent
 * (arrayUnion/arrayRemove, increment by zero, create-if-absent), so a retry changes nothing.
 * A member who left the chat stays out, whatever their RSVP does next.
 */
export async function syncClassChatMember(db: Firestore, classId: string, uid: string): Promise<ClassChatChange> {
  const conversationId = classConversationId(classId);
  const conversationRef = refs(db).conversation(conversationId);
  const [classSnap, attendeeSnap, conversationSnap, memberSnap] = await Promise.all([
    refs(db).class(classId).get(),
    refs(db).attendee(classId, uid).get(),
    conversationRef.get(),
    refs(db).conversationMember(conversationId, uid).get(),
  ]);
  const cls = dataOrAbsent(classSnap);
  if (!cls) return "unchanged";
  const belongs = inClassChat(dataOrAbsent(attendeeSnap)?.status ?? null) && cls.status === "scheduled";
  const memberIds = conversationSnap.data()?.memberIds ?? [];

  if (!belongs) {
    // The instructor stays whatever their own RSVP rows say.
    if (!memberIds.includes(uid) || uid === cls.instructorId) return "unchanged";
    await conversationRef.update("memberIds", FieldValue.arrayRemove(uid), unreadField(uid), FieldValue.delete());
    return "removed";
  }
  if (dataOrAbsent(memberSnap)?.left) return "unchanged";
  if (memberIds.includes(uid)) return "unchanged";

  if (!conversationSnap.exists) {
    const instructorId = cls.instructorId;
    const batch = db.batch();
    batch.create(conversationRef, {
      type: "group",
      memberIds: [instructorId],
      title: classChatTitle(cls.title),
      status: "open",
      matchId: null,
      classId,
      lastMessage: null,
      unreadCounts: { [instructorId]: 0 },
      createdAt: FieldValue.serverTimestamp(),
      updatedAt: FieldValue.serverTimestamp(),
    });
    batch.set(refs(db).conversationMember(conversationId, instructorId), { uid: instructorId }, { merge: true });
    await createIfAbsent(batch.commit());
  }
  const batch = db.batch();
  addMember(batch, db, conversationId, uid);
  await batch.commit();
  return "added";
}

/** gRPC status of an update on a missing document. */
const NOT_FOUND = 5;

/** A cancelled class's chat closes: nothing more to arrange. Nothing to do if it never opened. */
export async function closeClassConversation(db: Firestore, classId: string): Promise<boolean> {
  try {
    await refs(db)
      .conversation(classConversationId(classId))
      .update({ status: "closed", updatedAt: FieldValue.serverTimestamp() });
    return true;
  } catch (error) {
    if (grpcCode(error) === NOT_FOUND) return false;
    throw error;
  }
}

/**
 * Leaves a group conversation: out of memberIds (so the rules stop reading and writing for them),
 * no unread count, and marked as left so class RSVPs do not bring them back. A direct
 * conversation ends by unmatching instead.
 */
export async function leaveConversation(
  db: Firestore,
  conversationId: string,
  uid: string,
): Promise<{ left: boolean }> {
  const ref = refs(db).conversation(conversationId);
  const conversation = dataOrAbsent(await ref.get());
  if (!conversation?.memberIds.includes(uid)) {
    throw new DomainError("not-found", "You are not in this conversation.");
  }
  if (conversation.type !== "group") {
    throw new DomainError("failed-precondition", "A direct conversation ends when you unmatch or block.");
  }
  const batch = db.batch();
  batch.update(ref, "memberIds", FieldValue.arrayRemove(uid), unreadField(uid), FieldValue.delete());
  batch.set(refs(db).conversationMember(conversationId, uid), { uid, left: true }, { merge: true });
  await batch.commit();
  return { left: true };
}

/**
 * Kudos and comments on activities. Each is one transaction that writes the kudos or comment and
 * moves the activity's count with it, so a count is exactly the number of kudos or comments
 * there are, however many arrive at once and however often a call is retried.
 *
 * Who may react is who may see: the reader's own feed copy (the fan-out wrote it because the
 * audience allows them; unfriending, unfollowing or a block took it away). The transaction reads
 * only that copy and the reaction's own document, and moves the count by a blind increment, so
 * a burst on one activity does not queue every transaction behind the others' reads of it.
 */
import { FieldValue, type Firestore, type Transaction } from "firebase-admin/firestore";
import type {
  AddCommentRequest,
  CommentRequest,
  DeleteCommentResponse,
  FeedEntry,
  GiveKudosRequest,
  GiveKudosResponse,
  AddCommentResponse,
  NoticeDraft,
} from "../model/index.js";
import { addCommentRequestSchema } from "../model/index.js";
import { takeRateLimit } from "../limits/index.js";
import { prepareCollapsingNotice, type DeliveryOptions } from "../notifications/index.js";
import { DomainError } from "../shared/errors.js";
import { commitInBatches, dataOrAbsent } from "../shared/firestore.js";
import { refs } from "../shared/refs.js";
import { GRPC, grpcCode, runDomainTransaction } from "../shared/transactions.js";
import { parseOrThrow } from "../shared/validation.js";
import { memberName } from "./connectionStore.js";
import { commentNotice, kudosNotice } from "./notices.js";

/** One answer for an activity that is gone and one the caller may not see: nothing to learn. */
const UNAVAILABLE = "This activity is not available.";

async function readersCopy(tx: Transaction, db: Firestore, uid: string, activityId: string): Promise<FeedEntry> {
  const copy = dataOrAbsent(await tx.get(refs(db).feedEntry(uid, activityId)));
  if (!copy) throw new DomainError("not-found", UNAVAILABLE);
  return copy;
}

/**
 * Runs a reaction's transaction. Withdrawn between the copy's read and the commit, the activity
 * is not there for the count's increment, and the whole commit fails: nothing is written.
 */
async function onActivity<T>(db: Firestore, fn: (tx: Transaction) => Promise<T>): Promise<T> {
  try {
    return await runDomainTransaction(db, fn);
  } catch (error) {
    if (grpcCode(error) === GRPC.NOT_FOUND) throw new DomainError("not-found", UNAVAILABLE);
    throw error;
  }
}

const countField = { kudos: "kudosCount", comment: "commentCount" } as const;

function moveCount(tx: Transaction, db: Firestore, activityId: string, kind: keyof typeof countField, by: 1 | -1) {
  tx.update(refs(db).activity(activityId), { [countField[kind]]: FieldValue.increment(by) });
}

/**
 * Tells the activity's author, in the app and by push as they chose, on one collapsing line per
 * activity. At most once: after the commit, so a call that failed after it does not tell twice
 * on its retry (which finds the kudos or comment already there).
 */
async function tellAuthor(db: Firestore, authorId: string, draft: NoticeDraft, options: DeliveryOptions) {
  const notice = await prepareCollapsingNotice(db, [authorId], draft, options);
  if (notice.inApp.length > 0) {
    const batch = db.batch();
    for (const write of notice.inApp) write(batch);
    await batch.commit();
  }
  await notice.push();
}

/** Gives or takes back the caller's kudos on an activity they can see (not their own). */
export async function giveKudos(
  db: Firestore,
  uid: string,
  input: GiveKudosRequest,
  nowMs: number,
  options: DeliveryOptions = {},
): Promise<GiveKudosResponse> {
  const { activityId, given } = input;
  const r = refs(db);
  const { copy, changed } = await onActivity(db, async (tx) => {
    const [copy, kudos] = await Promise.all([readersCopy(tx, db, uid, activityId), tx.get(r.kudos(activityId, uid))]);
    if (copy.authorId === uid) {
      throw new DomainError("invalid-argument", "activityId: Kudos are for other people's activities.");
    }
    if (kudos.exists === given) return { copy, changed: false };
    if (given) {
      const record = await takeRateLimit(tx, db, "kudos", uid, nowMs, "kudos a day");
      record();
      tx.create(r.kudos(activityId, uid), {
        uid,
        activityAuthorId: copy.authorId,
        createdAt: FieldValue.serverTimestamp(),
      });
    } else {
      tx.delete(r.kudos(activityId, uid));
    }
    moveCount(tx, db, activityId, "kudos", given ? 1 : -1);
    return { copy, changed: true };
  });
  if (changed && given) await tellAuthor(db, copy.authorId, kudosNotice(copy, uid, await memberName(db, uid)), options);
  return { given, changed };
}

/** Adds the caller's comment to an activity they can see (their own included: a reply). */
export async function addComment(
  db: Firestore,
  uid: string,
  request: AddCommentRequest,
  nowMs: number,
  options: DeliveryOptions = {},
): Promise<AddCommentResponse> {
  const { activityId, commentId, text } = parseOrThrow(addCommentRequestSchema, request, "comment");
  const r = refs(db);
  const { copy, created } = await onActivity(db, async (tx) => {
    const [copy, existing] = await Promise.all([
      readersCopy(tx, db, uid, activityId),
      tx.get(r.activityComment(activityId, commentId)),
    ]);
    const earlier = dataOrAbsent(existing);
    if (earlier) {
      // The client's id is for resends: someone else's comment, or other words, is not a resend.
      if (earlier.authorId !== uid || earlier.text !== text) {
        throw new DomainError("already-exists", "commentId: Choose a new id for a new comment.");
      }
      return { copy, created: false };
    }
    const record = await takeRateLimit(tx, db, "comment", uid, nowMs, "comments a day");
    record();
    tx.create(r.activityComment(activityId, commentId), {
      authorId: uid,
      activityAuthorId: copy.authorId,
      text,
      createdAt: FieldValue.serverTimestamp(),
    });
    moveCount(tx, db, activityId, "comment", 1);
    return { copy, created: true };
  });
  if (created && copy.authorId !== uid) {
    await tellAuthor(db, copy.authorId, commentNotice(copy, uid, await memberName(db, uid), text), options);
  }
  return { commentId, created };
}

/**
 * Deletes a comment: its author may, and so may the author of the activity (it is on their
 * page). Anyone else is told it is not there, as for a comment that is gone.
 */
export async function deleteComment(db: Firestore, uid: string, input: CommentRequest): Promise<DeleteCommentResponse> {
  const { activityId, commentId } = input;
  const deleted = await onActivity(db, async (tx) => {
    const comment = dataOrAbsent(await tx.get(refs(db).activityComment(activityId, commentId)));
    if (!comment) return false;
    if (comment.authorId !== uid && comment.activityAuthorId !== uid) {
      throw new DomainError("not-found", "This comment is not there.");
    }
    removeComment(tx, db, activityId, commentId);
    return true;
  });
  return { deleted };
}

/** A comment leaves with its count. For a transaction that read the comment (it exists). */
export function removeComment(tx: Transaction, db: Firestore, activityId: string, commentId: string) {
  tx.delete(refs(db).activityComment(activityId, commentId));
  moveCount(tx, db, activityId, "comment", -1);
}

/**
 * Takes back a kudos or a comment found by a query (a block, an account deletion), with its
 * count. Idempotent: gone already, it changes nothing; so is an activity gone with its count.
 */
async function retract(db: Firestore, kind: keyof typeof countField, path: string): Promise<boolean> {
  const ref = db.doc(path);
  const activityRef = ref.parent.parent!;
  return runDomainTransaction(db, async (tx) => {
    const [reaction, activity] = await Promise.all([tx.get(ref), tx.get(activityRef)]);
    if (!reaction.exists) return false;
    tx.delete(ref);
    if (activity.exists) moveCount(tx, db, activityRef.id, kind, -1);
    return true;
  });
}

export const retractKudos = (db: Firestore, path: string) => retract(db, "kudos", path);
export const retractComment = (db: Firestore, path: string) => retract(db, "comment", path);

/**
 * After a block: each member's kudos and comments on the other's activities go, both ways, so
 * neither finds the other on their own activity page. Resolves with how many went.
 */
export async function retractReactionsBetween(db: Firestore, uid: string, otherUid: string): Promise<number> {
  const r = refs(db);
  let retracted = 0;
  for (const [from, to] of [
    [uid, otherUid],
    [otherUid, uid],
  ] as const) {
    const [kudos, comments] = await Promise.all([
      r.allKudos().where("uid", "==", from).where("activityAuthorId", "==", to).select().get(),
      r.allActivityComments().where("authorId", "==", from).where("activityAuthorId", "==", to).select().get(),
    ]);
    for (const doc of kudos.docs) if (await retractKudos(db, doc.ref.path)) retracted++;
    for (const doc of comments.docs) if (await retractComment(db, doc.ref.path)) retracted++;
  }
  return retracted;
}

/** An activity that goes takes its kudos and comments with it (a subcollection outlives its parent). */
export async function deleteReactionsOf(db: Firestore, activityId: string): Promise<void> {
  const r = refs(db);
  const [kudos, comments] = await Promise.all([
    r.activityKudos(activityId).select().get(),
    r.activityComments(activityId).select().get(),
  ]);
  await commitInBatches(db, [...kudos.docs, ...comments.docs], (batch, doc) => batch.delete(doc.ref));
}

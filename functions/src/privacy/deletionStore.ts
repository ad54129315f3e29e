/**
 * Account deletion (GDPR art. 17). A member asks (after signing in again) and has
 * DELETION_GRACE_DAYS to cancel; an admin's deletion runs at once. Then every document the data
 * inventory ties to the member is treated as its entry says (delete, scrub, keep), a source at a
 * time (memberDocuments.ts), and the Auth user goes last.
 *
 * Resumable and idempotent: each finished step is recorded in `accountDeletions/{uid}.stepsDone`,
 * so a run that dies half-way resumes after the last finished step, and every step is safe to run
 * twice (deleting what is gone, scrubbing what is scrubbed). A second pass runs SECOND_PASS_AFTER_MS
 * later: an ID token issued before the sign-out still works for up to an hour, and triggers of the
 * deletion itself may land late; then the record goes too. docs/privacy.md lists what stays.
 */
import type { Auth } from "firebase-admin/auth";
import {
  FieldPath,
  FieldValue,
  Timestamp,
  type DocumentData,
  type Firestore,
  type QueryDocumentSnapshot,
} from "firebase-admin/firestore";
import {
  DELETED_MEMBER_ID,
  DELETION_GRACE_DAYS,
  DELETION_REAUTH_MINUTES,
  classReviewSchema,
  classSchema,
  conversationSchema,
  type AccountDeletion,
  type AdminDeleteAccountResponse,
  type CancelAccountDeletionResponse,
  type NoticeDraft,
  type RequestAccountDeletionResponse,
} from "../model/index.js";
import { eraseRsvp } from "../classes/index.js";
import { retractComment, retractKudos, severConnection } from "../social/index.js";
import { audit, type Moderator } from "../moderation/index.js";
import { deliverToMany, type DeliveryOptions } from "../notifications/index.js";
import { DomainError } from "../shared/errors.js";
import { refs } from "../shared/refs.js";
import { runDomainTransaction } from "../shared/transactions.js";
import { DATA_INVENTORY } from "./dataInventory.js";
import { SELF } from "./exportStore.js";
import { pagesOf, type DocumentPage } from "./memberDocumentStore.js";
import { MEMBER_DOCUMENT_SOURCES, type MemberDocumentSource } from "./memberDocuments.js";

const DAY_MS = 24 * 60 * 60_000;
/** Past the life of any ID token issued before the sign-out (one hour), with room for late triggers. */
export const SECOND_PASS_AFTER_MS = 2 * 60 * 60_000;

// ---------------------------------------------------------------------------------------------
// Asking, cancelling, an admin's deletion

export function deletionScheduledNotice(uid: string, requestedAtMs: number, deleteAfterMs: number): NoticeDraft {
  const when = new Date(deleteAfterMs).toUTCString().slice(0, 16);
  return {
    id: `deletion-scheduled-${uid}-${requestedAtMs}`,
    type: "privacy",
    title: "Your account will be deleted",
    body: `On ${when} your account and everything in it are deleted for good. Changed your mind? Cancel in Settings → Your data.`,
    data: { deletion: "scheduled" },
    aboutUids: [],
  };
}

export async function requestAccountDeletion(
  db: Firestore,
  caller: { uid: string; signedInAtMs: number },
  nowMs: number,
  options: DeliveryOptions = {},
): Promise<RequestAccountDeletionResponse> {
  if (!(caller.signedInAtMs >= nowMs - DELETION_REAUTH_MINUTES * 60_000)) {
    throw new DomainError(
      "failed-precondition",
      `To delete your account, confirm it is you: sign in again (within the last ${DELETION_REAUTH_MINUTES} minutes).`,
      { reason: "recent-sign-in-required" },
    );
  }
  const ref = refs(db).accountDeletion(caller.uid);
  const deleteAfterMs = nowMs + DELETION_GRACE_DAYS * DAY_MS;
  const outcome = await runDomainTransaction(db, async (tx) => {
    const current = (await tx.get(ref)).data();
    // Asking twice keeps the first date: a retried call does not push the deletion back.
    if (current) return { deleteAfterMs: current.deleteAfter.toMillis(), fresh: false };
    tx.create(ref, {
      status: "scheduled",
      requestedAt: Timestamp.fromMillis(nowMs),
      requestedBy: caller.uid,
      byAdmin: false,
      deleteAfter: Timestamp.fromMillis(deleteAfterMs),
      startedAt: null,
      deletedAt: null,
      stepsDone: [],
    });
    audit(tx, db, {
      action: "account.deletion_requested",
      by: SELF(caller.uid),
      targetUid: caller.uid,
      before: {},
      after: { deleteAfter: new Date(deleteAfterMs).toISOString() },
      reason: "",
      reportId: null,
    });
    return { deleteAfterMs, fresh: true };
  });
  if (outcome.fresh) {
    await deliverToMany(db, [caller.uid], deletionScheduledNotice(caller.uid, nowMs, outcome.deleteAfterMs), options);
  }
  return { deleteAfterMs: outcome.deleteAfterMs };
}

export async function cancelAccountDeletion(db: Firestore, uid: string): Promise<CancelAccountDeletionResponse> {
  const ref = refs(db).accountDeletion(uid);
  return runDomainTransaction(db, async (tx) => {
    const current = (await tx.get(ref)).data();
    if (!current) return { cancelled: false };
    if (current.status !== "scheduled") {
      throw new DomainError("failed-precondition", "Your account is already being deleted; it cannot be stopped now.");
    }
    tx.delete(ref);
    audit(tx, db, {
      action: "account.deletion_cancelled",
      by: SELF(uid),
      targetUid: uid,
      before: { deleteAfter: new Date(current.deleteAfter.toMillis()).toISOString() },
      after: {},
      reason: "",
      reportId: null,
    });
    return { cancelled: true };
  });
}

/** An admin's deletion: scheduled for now and run at once (the scheduler finishes it if this run dies). */
export async function adminDeleteAccount(
  db: Firestore,
  auth: Auth,
  admin: Moderator & { uid: string },
  input: { uid: string; reason: string },
  nowMs: number,
): Promise<AdminDeleteAccountResponse> {
  if (input.uid === admin.uid) {
    throw new DomainError("invalid-argument", "uid: Delete your own account from Settings → Your data.");
  }
  const [profile, authUser] = await Promise.all([
    refs(db).user(input.uid).get(),
    auth.getUser(input.uid).catch(() => null),
  ]);
  const ref = refs(db).accountDeletion(input.uid);
  await runDomainTransaction(db, async (tx) => {
    const current = (await tx.get(ref)).data();
    if (!profile.exists && !authUser && !current) throw new DomainError("not-found", "uid: No such account.");
    if (current && current.status !== "scheduled") return;
    tx.set(ref, {
      status: "scheduled",
      requestedAt: Timestamp.fromMillis(nowMs),
      requestedBy: admin.uid,
      byAdmin: true,
      deleteAfter: Timestamp.fromMillis(nowMs),
      startedAt: null,
      deletedAt: null,
      stepsDone: [],
    });
    audit(tx, db, {
      action: "account.deletion_requested",
      by: admin,
      targetUid: input.uid,
      before: {},
      after: { byAdmin: true },
      reason: input.reason,
      reportId: null,
    });
  });
  await runAccountDeletion(db, auth, input.uid, nowMs);
  return { uid: input.uid };
}

// ---------------------------------------------------------------------------------------------
// Running a deletion

/** A source's step name in stepsDone: stable, readable in the console. */
export const stepOf = (source: MemberDocumentSource): string => {
  const { find } = source;
  const how = find.kind === "docs" || find.kind === "collection" ? find.kind : `${find.kind}:${find.field}`;
  return `${source.entry}.${source.side}.${how}`;
};

type Treat = (db: Firestore, uid: string, page: DocumentPage, nowMs: number) => Promise<void>;

async function deleteAll(db: Firestore, _uid: string, page: DocumentPage): Promise<void> {
  const batch = db.batch();
  for (const doc of page) batch.delete(doc.ref);
  await batch.commit();
}

const keep: Treat = async () => {};

async function updateAll(
  db: Firestore,
  page: DocumentPage,
  change: (doc: QueryDocumentSnapshot<DocumentData>) => DocumentData,
) {
  const batch = db.batch();
  for (const doc of page) batch.update(doc.ref, change(doc));
  await batch.commit();
}

/** Their RSVPs: a place in an upcoming class is given up as a cancellation would (the waitlist moves up). */
const treatAttendees: Treat = async (db, uid, page, nowMs) => {
  for (const doc of page) await eraseRsvp(db, doc.ref.parent.parent!.id, uid, nowMs);
};

/** Their classes stay for the attendees' history, taught by a deleted member; upcoming ones are cancelled. */
const treatClasses: Treat = async (db, _uid, page, nowMs) =>
  updateAll(db, page, (doc) => {
    const cls = classSchema.parse(doc.data());
    const upcoming = cls.startsAt.toMillis() > nowMs && cls.status === "scheduled";
    return {
      instructorId: DELETED_MEMBER_ID,
      ...(upcoming ? { status: "cancelled" } : {}),
      updatedAt: FieldValue.serverTimestamp(),
    };
  });

/**
 * Their conversations stay for the others. A direct one is closed (nobody to answer) and names a
 * deleted member in their place, so the other side's chat says who it was with.
 */
const treatConversations: Treat = async (db, uid, page) =>
  updateAll(db, page, (doc) => {
    const conversation = conversationSchema.parse(doc.data());
    const direct = conversation.type === "direct";
    const memberIds = conversation.memberIds.filter((id) => id !== uid);
    const unreadCounts = { ...conversation.unreadCounts };
    delete unreadCounts[uid];
    const last = conversation.lastMessage;
    return {
      memberIds: direct && conversation.memberIds.includes(uid) ? [...memberIds, DELETED_MEMBER_ID] : memberIds,
      unreadCounts,
      ...(last?.senderId === uid ? { lastMessage: { ...last, senderId: DELETED_MEMBER_ID, text: "" } } : {}),
      ...(direct ? { status: "closed", matchId: null } : {}),
      updatedAt: FieldValue.serverTimestamp(),
    };
  });

/** Their messages stay in the thread as tombstones: no text, sent by a deleted member. */
const treatMessages: Treat = async (db, _uid, page) =>
  updateAll(db, page, () => ({ senderId: DELETED_MEMBER_ID, text: "", deleted: true }));

/**
 * Receipts of others' messages that counted them: the uid comes out of the list. Only receipts
 * written before the list was dropped (ADR 0014) have one, and retention deletes those by 30 days.
 */
const treatCountedReceipts: Treat = async (db, uid, page) =>
  updateAll(db, page, () => ({ counted: FieldValue.arrayRemove(uid) }));

/** A copy of a deleted message stays only while an open report about that message needs it. */
const treatEvidence: Treat = async (db, _uid, page) => {
  for (const doc of page) {
    const conversationId = doc.ref.parent.parent!.id;
    const open = await refs(db)
      .reports()
      .where("conversationId", "==", conversationId)
      .where("messageId", "==", doc.id)
      .where("status", "==", "open")
      .limit(1)
      .get();
    if (open.empty) await doc.ref.delete();
  }
};

/** Reviews of their classes stay (they are the reviewers' words), no longer tied to them. */
const treatReviewsOfTheirClasses: Treat = async (db, _uid, page) =>
  updateAll(db, page, (doc) => {
    const review = classReviewSchema.parse(doc.data());
    return { instructorId: DELETED_MEMBER_ID, ...(review.reply ? { reply: null } : {}) };
  });

/** Their reviews go, with the reports others filed about them (a subcollection outlives its parent). */
const treatOwnReviews: Treat = async (db, uid, page) => {
  for (const doc of page) {
    const reports = await doc.ref.collection("reports").get();
    const batch = db.batch();
    for (const report of reports.docs) batch.delete(report.ref);
    batch.delete(doc.ref);
    await batch.commit();
  }
};

/**
 * Their connections end as a block ends them: both sides of each pair, with the other member's
 * counts. A pair is found from either side (their own list, or another member's mirror of them).
 */
const treatConnections: Treat = async (db, uid, page) => {
  for (const doc of page) {
    const ownSide = doc.ref.parent.parent!.id === uid;
    await severConnection(db, uid, ownSide ? doc.id : doc.ref.parent.parent!.id);
  }
};

/** Their kudos and comments on others' activities go with the counts they added to. */
const treatOwnKudos: Treat = async (db, _uid, page) => {
  for (const doc of page) await retractKudos(db, doc.ref.path);
};
const treatOwnComments: Treat = async (db, _uid, page) => {
  for (const doc of page) await retractComment(db, doc.ref.path);
};

/** How each source is treated, where its entry's plain treatment (delete, keep) is not enough. */
function treatmentOf(source: MemberDocumentSource): Treat {
  switch (source.entry) {
    case "attendee":
      return treatAttendees;
    case "class":
      return treatClasses;
    case "conversation":
      return treatConversations;
    case "message":
      return treatMessages;
    case "messageReceipt":
      return source.side === "about" ? treatCountedReceipts : deleteAll;
    case "messageEvidence":
      return treatEvidence;
    case "connection":
      return treatConnections;
    case "kudos":
      return source.side === "own" ? treatOwnKudos : deleteAll;
    case "activityComment":
      return source.side === "own" ? treatOwnComments : deleteAll;
    case "review":
      return source.side === "about" ? treatReviewsOfTheirClasses : treatOwnReviews;
    default:
      break;
  }
  const treatment = DATA_INVENTORY[source.entry].onDeletion;
  if (treatment === "scrub") throw new Error(`No scrub for ${source.entry}: add one to deletionStore.ts`);
  return treatment === "delete" ? deleteAll : keep;
}

/**
 * The order matters: the profile goes first, so the matching triggers that later deletions set
 * off (preferences, location) find no member to put back into anyone's Discover queue; RSVPs go
 * before conversations, so the class chats they leave are already scrubbed of them.
 */
const FIRST: readonly string[] = ["user", "attendee"];
export const DELETION_SOURCES: readonly MemberDocumentSource[] = [
  ...MEMBER_DOCUMENT_SOURCES.filter((s) => FIRST.includes(s.entry)).sort(
    (a, b) => FIRST.indexOf(a.entry) - FIRST.indexOf(b.entry),
  ),
  ...MEMBER_DOCUMENT_SOURCES.filter((s) => !FIRST.includes(s.entry)),
];

async function treatSource(db: Firestore, uid: string, source: MemberDocumentSource, nowMs: number) {
  const treat = treatmentOf(source);
  if (treat === keep) return;
  for await (const page of pagesOf(db, uid, source)) await treat(db, uid, page, nowMs);
}

const isMissingUser = (error: unknown) => (error as { code?: string }).code === "auth/user-not-found";

async function signOut(auth: Auth, uid: string) {
  try {
    // Disabled first: a refresh token obtained between the two calls would otherwise still work.
    await auth.updateUser(uid, { disabled: true });
    await auth.revokeRefreshTokens(uid);
  } catch (error) {
    if (!isMissingUser(error)) throw error;
  }
}

async function deleteAuthUser(auth: Auth, uid: string) {
  try {
    await auth.deleteUser(uid);
  } catch (error) {
    if (!isMissingUser(error)) throw error;
  }
}

export type DeletionOutcome = "deleted" | "second-pass-done" | "not-due" | "cancelled";

/**
 * Runs (or resumes) the deletion of `uid`, if it is due. Safe to call concurrently and repeatedly:
 * every step is idempotent, and only the first caller moves a scheduled deletion to `deleting`.
 */
export async function runAccountDeletion(
  db: Firestore,
  auth: Auth,
  uid: string,
  nowMs: number,
): Promise<DeletionOutcome> {
  const ref = refs(db).accountDeletion(uid);
  const record = await runDomainTransaction(db, async (tx): Promise<AccountDeletion | null> => {
    const current = (await tx.get(ref)).data();
    if (!current) return null;
    if (current.status === "scheduled") {
      if (current.deleteAfter.toMillis() > nowMs) return null;
      tx.update(ref, { status: "deleting", startedAt: Timestamp.fromMillis(nowMs) });
      return { ...current, status: "deleting" };
    }
    return current;
  });
  if (!record) return (await ref.get()).exists ? "not-due" : "cancelled";

  if (record.status === "deleted") {
    if (!record.deletedAt || record.deletedAt.toMillis() + SECOND_PASS_AFTER_MS > nowMs) return "not-due";
    for (const source of DELETION_SOURCES) await treatSource(db, uid, source, nowMs);
    await deleteAuthUser(auth, uid);
    await ref.delete();
    return "second-pass-done";
  }

  const done = new Set(record.stepsDone);
  const step = async (name: string, run: () => Promise<void>) => {
    if (done.has(name)) return;
    await run();
    await ref.update({ stepsDone: FieldValue.arrayUnion(name) });
    done.add(name);
  };
  await step("signOut", () => signOut(auth, uid));
  for (const source of DELETION_SOURCES) await step(stepOf(source), () => treatSource(db, uid, source, nowMs));
  await step("authUser", () => deleteAuthUser(auth, uid));

  await runDomainTransaction(db, async (tx) => {
    // Two runs can finish together (the scheduler and an admin's call): one audit entry.
    if ((await tx.get(ref)).data()?.status !== "deleting") return;
    tx.update(ref, { status: "deleted", deletedAt: Timestamp.fromMillis(nowMs) });
    audit(tx, db, {
      action: "account.deleted",
      by: record.byAdmin ? { uid: record.requestedBy, label: "an admin" } : SELF(uid),
      targetUid: uid,
      before: {},
      after: { steps: done.size },
      reason: "",
      reportId: null,
    });
  });
  return "deleted";
}

/** The scheduler's run: deletions past their grace period, interrupted ones, and due second passes. */
export async function processDueAccountDeletions(
  db: Firestore,
  auth: Auth,
  nowMs: number,
): Promise<Record<DeletionOutcome, number>> {
  const r = refs(db).accountDeletions();
  const now = Timestamp.fromMillis(nowMs);
  const [due, running, finished] = await Promise.all([
    r.where("status", "==", "scheduled").where("deleteAfter", "<=", now).orderBy("deleteAfter").limit(50).get(),
    r.where("status", "==", "deleting").orderBy(FieldPath.documentId()).limit(50).get(),
    r
      .where("status", "==", "deleted")
      .where("deletedAt", "<=", Timestamp.fromMillis(nowMs - SECOND_PASS_AFTER_MS))
      .orderBy("deletedAt")
      .limit(50)
      .get(),
  ]);
  const outcomes: Record<DeletionOutcome, number> = { deleted: 0, "second-pass-done": 0, "not-due": 0, cancelled: 0 };
  for (const doc of [...running.docs, ...due.docs, ...finished.docs]) {
    outcomes[await runAccountDeletion(db, auth, doc.id, nowMs)] += 1;
  }
  return outcomes;
}

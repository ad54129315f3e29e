/**
 * What members and instructors do with reviews: write or edit one's review of a class one
 * attended, and answer a review as the class's instructor. Reviews are keyed by their author
 * (`classes/{classId}/reviews/{uid}`), so a retried or repeated submission edits the one review;
 * every decision is in eligibility.ts, and the summaries follow from onClassReviewWritten.
 */
import { FieldValue, Timestamp, type Firestore } from "firebase-admin/firestore";
import {
  flagsPhrase,
  type ReplyToClassReviewRequest,
  type ReportClassReview,
  type ReportClassReviewResponse,
  type Role,
  type SubmitClassReview,
  type SubmitClassReviewResponse,
} from "../model/index.js";
import { takeRateLimit } from "../limits/index.js";
import { currentRoleOf } from "../rbac/index.js";
import { DomainError } from "../shared/errors.js";
import { dataOrAbsent } from "../shared/firestore.js";
import { refs } from "../shared/refs.js";
import { runDomainTransaction } from "../shared/transactions.js";
import { checkReviewText } from "./contentCheck.js";
import { decideReviewWrite, editableUntilMs, statusAfterCheck } from "./eligibility.js";

async function loadReviewedClass(db: Firestore, classId: string) {
  const cls = (await refs(db).class(classId).get()).data();
  if (!cls) throw new DomainError("not-found", "This class does not exist.");
  return cls;
}

export async function submitReview(
  db: Firestore,
  uid: string,
  input: SubmitClassReview,
  nowMs: number,
): Promise<SubmitClassReviewResponse> {
  const cls = await loadReviewedClass(db, input.classId);
  const author = dataOrAbsent(await refs(db).user(uid).get());
  const flags = checkReviewText(input.text);
  const status = statusAfterCheck(flags);
  const reviewRef = refs(db).review(input.classId, uid);
  const editableUntil = await runDomainTransaction(db, async (tx) => {
    const [attendee, existing] = await Promise.all([
      tx.get(refs(db).attendee(input.classId, uid)).then((s) => s.data()),
      tx.get(reviewRef).then((s) => dataOrAbsent(s)),
    ]);
    const write = decideReviewWrite({
      uid,
      cls: {
        instructorId: cls.instructorId,
        status: cls.status,
        startsAtMs: cls.startsAt.toMillis(),
        durationMinutes: cls.durationMinutes,
      },
      attendeeStatus: attendee?.status ?? null,
      existing: existing ? { status: existing.status, editableUntilMs: existing.editableUntil.toMillis() } : null,
      nowMs,
    });
    // Each write recounts three summaries: a script editing in a loop is stopped here.
    const record = await takeRateLimit(tx, db, "reviewWrite", uid, nowMs, "reviews a day");
    record();
    const now = FieldValue.serverTimestamp();
    if (write.kind === "edit" && existing) {
      // An edit is checked again: a published review must not be editable into abuse.
      tx.update(reviewRef, {
        rating: input.rating,
        text: input.text,
        status,
        flags,
        needsModeration: status === "held" || existing.reportCount > 0,
        updatedAt: now,
      });
      return existing.editableUntil.toMillis();
    }
    const until = editableUntilMs(nowMs);
    tx.create(reviewRef, {
      uid,
      classId: input.classId,
      instructorId: cls.instructorId,
      seriesId: cls.seriesId ?? input.classId,
      classTitle: cls.title,
      classStartsAt: cls.startsAt,
      authorName: author?.displayName ?? "A member",
      rating: input.rating,
      text: input.text,
      status,
      flags,
      reply: null,
      reportCount: 0,
      needsModeration: status === "held",
      createdAt: now,
      updatedAt: now,
      editableUntil: Timestamp.fromMillis(until),
    });
    return until;
  });
  return { status, flags, editableUntil: new Date(editableUntil).toISOString() };
}

/**
 * The class's instructor (by the role held now, like roster actions) or an admin answers a
 * published review, once: a reply is the last word, not a thread.
 */
export async function replyToReview(
  db: Firestore,
  actor: { uid: string; role: Role },
  input: ReplyToClassReviewRequest,
): Promise<void> {
  // A reply is public at once, with no moderator before it: text the check would hold is refused.
  const flags = checkReviewText(input.text);
  if (flags.length > 0) {
    throw new DomainError("invalid-argument", `text: A reply cannot contain ${flagsPhrase(flags)}.`, { flags });
  }
  const role = await currentRoleOf(db, actor);
  const cls = await loadReviewedClass(db, input.classId);
  if (role !== "admin" && !(role === "instructor" && cls.instructorId === actor.uid)) {
    throw new DomainError("permission-denied", "Only this class's instructor can reply to its reviews.");
  }
  const reviewRef = refs(db).review(input.classId, input.uid);
  await runDomainTransaction(db, async (tx) => {
    const review = dataOrAbsent(await tx.get(reviewRef));
    if (!review || review.status !== "published") throw new DomainError("not-found", "This review does not exist.");
    if (review.reply) throw new DomainError("already-exists", "This review already has a reply.");
    tx.update(reviewRef, { reply: { text: input.text, at: FieldValue.serverTimestamp() } });
  });
}

/**
 * A member reports a published review: it goes back into the admins' queue. One report per
 * reporter and review (its id is the reporter's uid), so a repeated report counts once.
 */
export async function reportReview(
  db: Firestore,
  reporterUid: string,
  input: ReportClassReview,
  nowMs: number,
): Promise<ReportClassReviewResponse> {
  if (reporterUid === input.uid) throw new DomainError("invalid-argument", "uid: You cannot report your own review.");
  const reviewRef = refs(db).review(input.classId, input.uid);
  const reportRef = refs(db).reviewReport(input.classId, input.uid, reporterUid);
  return runDomainTransaction(db, async (tx) => {
    const [review, earlier] = await Promise.all([tx.get(reviewRef).then(dataOrAbsent), tx.get(reportRef)]);
    if (!review || review.status !== "published") throw new DomainError("not-found", "This review does not exist.");
    if (earlier.exists) return { reported: false };
    // Review reports share the daily limit of every other report a member files.
    const record = await takeRateLimit(tx, db, "report", reporterUid, nowMs, "reports a day");
    record();
    tx.create(reportRef, {
      reporterId: reporterUid,
      reason: input.reason,
      details: input.details,
      createdAt: FieldValue.serverTimestamp(),
    });
    tx.update(reviewRef, { reportCount: FieldValue.increment(1), needsModeration: true });
    return { reported: true };
  });
}

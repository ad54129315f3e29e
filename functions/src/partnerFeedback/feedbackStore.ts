/**
 * Partner feedback in Firestore: recording one member's answer about a partner, sealing it until
 * the partner has answered too (or the window closes), and then counting it in the subject's
 * `reliability/{uid}` exactly once. Every decision is in eligibility.ts and reliability.ts.
 *
 * Why sealed: if an answer counted at once, a member could watch for a drop in their own standing
 * and answer back in kind. Sealed, both answers count in one transaction, after both were given;
 * a member who never answers learns nothing until the window has closed, when answering is over.
 */
import { FieldValue, Timestamp, type Firestore, type Transaction } from "firebase-admin/firestore";
import {
  emptyReliability,
  noShowReportId,
  pairIdOf,
  SYSTEM_REPORTER_ID,
  type GetPartnerFeedbackPromptsResponse,
  type PartnerFeedback,
  type ReliabilityCounts,
  type SubmitPartnerFeedback,
  type SubmitPartnerFeedbackResponse,
} from "../model/index.js";
import { DomainError } from "../shared/errors.js";
import { dataOrAbsent, readAll } from "../shared/firestore.js";
import { refs } from "../shared/refs.js";
import { runDomainTransaction } from "../shared/transactions.js";
import {
  checkFeedbackAllowed,
  feedbackClosesAtMs,
  feedbackOpen,
  HELD_A_SEAT,
  type FeedbackClass,
} from "./eligibility.js";
import { noShowPatternToFlag, withFeedback } from "./reliability.js";

async function loadFeedbackClass(db: Firestore, classId: string): Promise<FeedbackClass> {
  const cls = (await refs(db).class(classId).get()).data();
  if (!cls) throw new DomainError("not-found", "This class does not exist.");
  return { status: cls.status, startsAtMs: cls.startsAt.toMillis(), durationMinutes: cls.durationMinutes };
}

/** Why a report about a no-show pattern was filed, for the moderator reading it. */
const noShowDetails = (counts: ReliabilityCounts) =>
  `Automatic: ${counts.noShows} of ${counts.count} training partners said this member did not show up.`;

/**
 * Counts `feedback` (read in this transaction, not yet applied) in its subject's reliability,
 * whose counts `before` were read in this transaction too; marks it applied; files a moderators'
 * report when a no-show pattern appears. Returns the new counts.
 */
function applyInTransaction(
  db: Firestore,
  tx: Transaction,
  feedbackId: { classId: string; authorUid: string; subjectUid: string },
  feedback: Pick<PartnerFeedback, "showedUp" | "trainAgain" | "tags">,
  before: ReliabilityCounts | undefined,
): ReliabilityCounts {
  const r = refs(db);
  let counts = withFeedback(before ?? emptyReliability(), feedback);
  if (noShowPatternToFlag(counts)) {
    tx.set(r.report(noShowReportId(feedbackId.subjectUid, counts.noShows)), {
      reporterId: SYSTEM_REPORTER_ID,
      subjectUid: feedbackId.subjectUid,
      subjectKind: "user",
      reason: "other",
      details: noShowDetails(counts),
      conversationId: null,
      messageId: null,
      messageText: null,
      activityId: null,
      commentId: null,
      commentText: null,
      status: "open",
      createdAt: FieldValue.serverTimestamp(),
      reviewedBy: null,
      reviewedAt: null,
    });
    counts = { ...counts, flaggedAtNoShows: counts.noShows };
  }
  tx.set(r.reliability(feedbackId.subjectUid), { ...counts, updatedAt: FieldValue.serverTimestamp() });
  tx.update(r.partnerFeedback(feedbackId.classId, feedbackId.authorUid, feedbackId.subjectUid), {
    appliedAt: FieldValue.serverTimestamp(),
  });
  return counts;
}

/**
 * Records the caller's answer about a partner, once: a second call changes nothing (feedback is
 * final, so there is nothing to revise after seeing how it landed). When the partner has already
 * answered about the caller, both answers are applied in the same transaction.
 */
export async function submitPartnerFeedback(
  db: Firestore,
  authorUid: string,
  input: SubmitPartnerFeedback,
  nowMs: number,
): Promise<SubmitPartnerFeedbackResponse> {
  const r = refs(db);
  const { classId, subjectUid } = input;
  const cls = await loadFeedbackClass(db, classId);
  const mineRef = r.partnerFeedback(classId, authorUid, subjectUid);
  const theirsRef = r.partnerFeedback(classId, subjectUid, authorUid);
  return runDomainTransaction(db, async (tx) => {
    const [authorRow, subjectRow, match, mine, theirs, subjectCounts, authorCounts] = await Promise.all([
      tx.get(r.attendee(classId, authorUid)).then(dataOrAbsent),
      tx.get(r.attendee(classId, subjectUid)).then(dataOrAbsent),
      authorUid === subjectUid ? Promise.resolve(undefined) : tx.get(r.match(pairIdOf(authorUid, subjectUid))),
      tx.get(mineRef).then(dataOrAbsent),
      tx.get(theirsRef).then(dataOrAbsent),
      tx.get(r.reliability(subjectUid)).then(dataOrAbsent),
      tx.get(r.reliability(authorUid)).then(dataOrAbsent),
    ]);
    checkFeedbackAllowed({
      authorUid,
      subjectUid,
      cls,
      authorStatus: authorRow?.status ?? null,
      subjectStatus: subjectRow?.status ?? null,
      matched: match?.exists ?? false,
      nowMs,
    });
    if (mine) return { recorded: false };
    const answer = { showedUp: input.showedUp, trainAgain: input.trainAgain, tags: input.tags };
    tx.create(mineRef, {
      classId,
      authorUid,
      subjectUid,
      ...answer,
      createdAt: FieldValue.serverTimestamp(),
      revealAt: Timestamp.fromMillis(feedbackClosesAtMs(cls)),
      appliedAt: null,
    });
    if (theirs && theirs.appliedAt === null) {
      applyInTransaction(db, tx, { classId, authorUid, subjectUid }, answer, subjectCounts);
      applyInTransaction(db, tx, { classId, authorUid: subjectUid, subjectUid: authorUid }, theirs, authorCounts);
    }
    return { recorded: true };
  });
}

/** How many sealed answers one run of the scheduled job applies; the next run takes the rest. */
export const SEAL_BATCH = 200;

/**
 * Applies every answer whose window has closed and which is still sealed (its partner never
 * answered). Each in its own transaction that re-reads it, so a run racing a late submission, or
 * a second run, applies nothing twice.
 */
export async function applyClosedFeedback(db: Firestore, nowMs: number): Promise<{ applied: number }> {
  const r = refs(db);
  const due = await r
    .allPartnerFeedback()
    .where("appliedAt", "==", null)
    .where("revealAt", "<=", Timestamp.fromMillis(nowMs))
    .orderBy("revealAt")
    .limit(SEAL_BATCH)
    .select()
    .get();
  let applied = 0;
  for (const snap of due.docs) {
    const done = await runDomainTransaction(db, async (tx) => {
      const feedback = dataOrAbsent(await tx.get(r.allPartnerFeedback().doc(snap.id)));
      if (!feedback || feedback.appliedAt !== null) return false;
      const before = dataOrAbsent(await tx.get(r.reliability(feedback.subjectUid)));
      applyInTransaction(db, tx, feedback, feedback, before);
      return true;
    });
    if (done) applied += 1;
  }
  return { applied };
}

/**
 * The caller's partners in a class: the people they matched with who held a seat in it, with
 * whether the caller has answered for each. Empty unless the caller was checked in and the
 * window is open, so the list tells nobody who else booked a class they did not attend.
 */
export async function partnerFeedbackPrompts(
  db: Firestore,
  uid: string,
  classId: string,
  nowMs: number,
): Promise<GetPartnerFeedbackPromptsResponse> {
  const r = refs(db);
  const cls = await loadFeedbackClass(db, classId);
  const mine = dataOrAbsent(await r.attendee(classId, uid).get());
  if (!feedbackOpen(cls, nowMs) || mine?.status !== "attended") return { partners: [], closesAt: null };
  const roster = await r
    .attendees(classId)
    .where("status", "in", [...HELD_A_SEAT])
    .get();
  const others = roster.docs.map((d) => d.id).filter((other) => other !== uid);
  const matches = await readAll(
    db,
    others.map((other) => r.match(pairIdOf(uid, other))),
  );
  const partners = others.filter((_, k) => matches[k]?.exists);
  const [profiles, given] = await Promise.all([
    readAll(
      db,
      partners.map((p) => r.user(p)),
    ),
    readAll(
      db,
      partners.map((p) => r.partnerFeedback(classId, uid, p)),
    ),
  ]);
  return {
    partners: partners.flatMap((p, k) => {
      const profile = profiles[k] ? dataOrAbsent(profiles[k]) : undefined;
      if (!profile) return [];
      return [
        { uid: p, displayName: profile.displayName, photoURL: profile.photoURL, given: given[k]?.exists ?? false },
      ];
    }),
    closesAt: new Date(feedbackClosesAtMs(cls)).toISOString(),
  };
}

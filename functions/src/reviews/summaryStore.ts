/**
 * Rating summaries (`ratingSummaries/{subject}_{id}`): a class's, a series' and an instructor's
 * published reviews, counted. A summary is not incremented per review but rewritten from count() aggregations over the reviews themselves, so it is exact
 * by construction: a redelivered event, an edit, a hide or a deletion all end in the same counts,
 * and hundreds of ratings arriving at once cause a handful of summary writes instead of hundreds
 * of transactions queueing on one document. Each write is guarded by the summary's update time
 * as read before counting, so a count taken earlier never overwrites one taken later.
 */
import type { Firestore } from "firebase-admin/firestore";
import { FieldValue } from "firebase-admin/firestore";
import { RATING_VALUES, type ClassReview, type RatingSubject } from "../model/index.js";
import { Coalescer } from "../shared/coalesce.js";
import { refs } from "../shared/refs.js";
import { GRPC, afterLostRace, grpcCode } from "../shared/transactions.js";
import { countsFromHistogram } from "./ratingMath.js";

export interface RatedSubject {
  subject: RatingSubject;
  id: string;
}

/** The summaries a review counts towards. */
export const subjectsOf = (review: Pick<ClassReview, "classId" | "seriesId" | "instructorId">): RatedSubject[] => [
  { subject: "class", id: review.classId },
  { subject: "series", id: review.seriesId },
  { subject: "instructor", id: review.instructorId },
];

const key = (s: RatedSubject) => `${s.subject}_${s.id}`;

/** Distinct subjects of several reviews (an edit that moved nothing, or before and after of a change). */
export function distinctSubjects(reviews: readonly (Parameters<typeof subjectsOf>[0] | null)[]): RatedSubject[] {
  const seen = new Map<string, RatedSubject>();
  for (const review of reviews) if (review) for (const s of subjectsOf(review)) seen.set(key(s), s);
  return [...seen.values()];
}

function publishedOf(db: Firestore, s: RatedSubject) {
  if (s.subject === "class") return refs(db).reviews(s.id).where("status", "==", "published");
  const field = s.subject === "series" ? "seriesId" : "instructorId";
  return refs(db).allReviews().where(field, "==", s.id).where("status", "==", "published");
}

async function countHistogram(db: Firestore, s: RatedSubject): Promise<number[]> {
  const published = publishedOf(db, s);
  const counts = await Promise.all(RATING_VALUES.map((stars) => published.where("rating", "==", stars).count().get()));
  return counts.map((c) => c.data().count);
}

const sameHistogram = (a: readonly number[], b: readonly number[]) => a.every((n, i) => n === b[i]);

/** Writes made and races lost in this process (read by the benchmark). */
const metrics = { summaryWrites: 0, summaryRetries: 0 };
export const summaryMetrics = () => ({ ...metrics });

const MAX_ATTEMPTS = 60;
const isLostRace = (error: unknown) =>
  [GRPC.FAILED_PRECONDITION, GRPC.ABORTED, GRPC.ALREADY_EXISTS].some((c) => c === grpcCode(error));

async function writeFreshSummary(db: Firestore, s: RatedSubject): Promise<void> {
  const ref = refs(db).ratingSummary(s.subject, s.id);
  for (let attempt = 0; ; attempt++) {
    const snap = await ref.get();
    const current = snap.data();
    const histogram = await countHistogram(db, s);
    if (current && sameHistogram(current.histogram, histogram)) return;
    // Nothing to summarise and no summary to correct: an instructor whose account was deleted (or
    // whose last review went) gets no empty summary back.
    if (!current && histogram.every((n) => n === 0)) return;
    const { count, sum } = countsFromHistogram(histogram);
    const summary = {
      subject: s.subject,
      subjectId: s.id,
      count,
      sum,
      histogram,
      updatedAt: FieldValue.serverTimestamp(),
    };
    try {
      // A summary that did not exist when we counted is created, never overwritten: whoever
      // created it first counted at least as late as we did, so we count again.
      if (snap.exists)
        await ref.update({ count, sum, histogram, updatedAt: summary.updatedAt }, { lastUpdateTime: snap.updateTime! });
      else await ref.create(summary);
      metrics.summaryWrites += 1;
      return;
    } catch (error) {
      if (!isLostRace(error) || attempt >= MAX_ATTEMPTS) throw error;
      metrics.summaryRetries += 1;
      await afterLostRace(attempt);
    }
  }
}

const refreshes = new WeakMap<Firestore, Coalescer<string>>();

/**
 * Brings each subject's summary up to date with its published reviews; resolves once every
 * summary includes every review change this process made before calling. Requests made while a
 * refresh runs share the next one (Coalescer).
 */
export async function refreshRatingSummaries(db: Firestore, subjects: readonly RatedSubject[]): Promise<void> {
  let coalescer = refreshes.get(db);
  if (!coalescer) refreshes.set(db, (coalescer = new Coalescer()));
  const c = coalescer;
  await Promise.all(subjects.map((s) => c.run(key(s), () => writeFreshSummary(db, s))));
}

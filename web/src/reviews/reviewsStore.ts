/**
 * Reviews from the client's side. Every write goes through a callable (functions check attendance,
 * the review window and the text, and keep the rating summaries); the client only watches what
 * the rules let it read: published reviews, its own review in any status, the summaries, and
 * (admins) the moderation queue.
 */
import {
  collection,
  collectionGroup,
  doc,
  documentId,
  getDocs,
  limit,
  orderBy,
  query,
  where,
  type Unsubscribe,
} from "firebase/firestore";
import { httpsCallable } from "firebase/functions";
import {
  classReviewSchema,
  collections,
  paths,
  ratingSummaryId,
  ratingSummarySchema,
  type ClassReview,
  type ModerateClassReviewRequest,
  type RatingSubject,
  type RatingSummary,
  type ReplyToClassReviewRequest,
  type ReportClassReviewRequest,
  type ReportClassReviewResponse,
  type SubmitClassReviewRequest,
  type SubmitClassReviewResponse,
} from "@numina/model";
import { db, functions } from "../firebase";
import { converterFor } from "../shared/converters";
import { allData, dataOrNull, watchDoc, watchQuery, type Watcher } from "../shared/watch";

const reviewConverter = converterFor(classReviewSchema);
const summaryConverter = converterFor(ratingSummarySchema);

/** How many reviews the moderation queue lists at once; a class or an instructor page pages by REVIEWS_PAGE. */
export const REVIEWS_SHOWN = 50;

const submitCallable = httpsCallable<SubmitClassReviewRequest, SubmitClassReviewResponse>(
  functions,
  "submitClassReview",
);
const replyCallable = httpsCallable<ReplyToClassReviewRequest, unknown>(functions, "replyToClassReview");
const reportCallable = httpsCallable<ReportClassReviewRequest, ReportClassReviewResponse>(
  functions,
  "reportClassReview",
);
const moderateCallable = httpsCallable<ModerateClassReviewRequest, unknown>(functions, "moderateClassReview");

/** Writes or edits the caller's review; the answer says whether it was published or held. */
export async function submitClassReview(request: SubmitClassReviewRequest): Promise<SubmitClassReviewResponse> {
  return (await submitCallable(request)).data;
}

/** The class's instructor answers a review, once. */
export async function replyToClassReview(request: ReplyToClassReviewRequest): Promise<void> {
  await replyCallable(request);
}

export async function reportClassReview(request: ReportClassReviewRequest): Promise<ReportClassReviewResponse> {
  return (await reportCallable(request)).data;
}

/** Admins: approve, hide or remove a review, with a reason. */
export async function moderateClassReview(request: ModerateClassReviewRequest): Promise<void> {
  await moderateCallable(request);
}

/** A class's, a series' or an instructor's summary; null until someone's review is published. */
export function watchRatingSummary(
  subject: RatingSubject,
  subjectId: string,
  watcher: Watcher<RatingSummary | null>,
): Unsubscribe {
  // A query on the id rather than a document listener: against the emulator, a listener on a
  // summary that did not exist yet sometimes never heard of its creation (about one run in four
  // of reviews.e2e), while a query's listener does.
  const q = query(
    collection(db, collections.ratingSummaries).withConverter(summaryConverter),
    where(documentId(), "==", ratingSummaryId(subject, subjectId)),
  );
  return watchQuery(q, (snapshot) => snapshot.docs[0]?.data() ?? null, watcher);
}

/** Firestore's limit on the values of one `in` filter. */
const IN_LIMIT = 30;

/**
 * Many summaries of one subject at once (a classes page's series), keyed by subject id; ids
 * nobody has rated are absent. One read per summary that exists, 30 ids per query.
 */
export async function fetchRatingSummaries(
  subject: RatingSubject,
  subjectIds: readonly string[],
): Promise<Map<string, RatingSummary>> {
  const ids = [...new Set(subjectIds)].map((id) => ratingSummaryId(subject, id));
  const chunks: string[][] = [];
  for (let i = 0; i < ids.length; i += IN_LIMIT) chunks.push(ids.slice(i, i + IN_LIMIT));
  const snapshots = await Promise.all(
    chunks.map((chunk) =>
      getDocs(
        query(
          collection(db, collections.ratingSummaries).withConverter(summaryConverter),
          where(documentId(), "in", chunk),
        ),
      ),
    ),
  );
  const found = new Map<string, RatingSummary>();
  for (const snapshot of snapshots) for (const d of snapshot.docs) found.set(d.data().subjectId, d.data());
  return found;
}

/** A class's `count` newest published reviews. Composite index: status + createdAt desc. */
export function watchClassReviews(classId: string, count: number, watcher: Watcher<ClassReview[]>): Unsubscribe {
  const q = query(
    collection(db, paths.reviews(classId)).withConverter(reviewConverter),
    where("status", "==", "published"),
    orderBy("createdAt", "desc"),
    limit(count),
  );
  return watchQuery(q, allData, watcher);
}

/** The member's own review of a class, in any status (held and hidden ones only they can see). */
export function watchMyReview(classId: string, uid: string, watcher: Watcher<ClassReview | null>): Unsubscribe {
  return watchDoc(doc(db, paths.review(classId, uid)).withConverter(reviewConverter), dataOrNull, watcher);
}

/**
 * An instructor's `count` newest published reviews across all their classes. Collection-group
 * index: instructorId + status + createdAt desc.
 */
export function watchInstructorReviews(
  instructorId: string,
  count: number,
  watcher: Watcher<ClassReview[]>,
): Unsubscribe {
  const q = query(
    collectionGroup(db, collections.reviews).withConverter(reviewConverter),
    where("instructorId", "==", instructorId),
    where("status", "==", "published"),
    orderBy("createdAt", "desc"),
    limit(count),
  );
  return watchQuery(q, allData, watcher);
}

/**
 * Admins: reviews held by the content check or reported since a moderator last looked, oldest
 * first. Collection-group index: needsModeration + updatedAt.
 */
export function watchReviewQueue(watcher: Watcher<ClassReview[]>): Unsubscribe {
  const q = query(
    collectionGroup(db, collections.reviews).withConverter(reviewConverter),
    where("needsModeration", "==", true),
    orderBy("updatedAt"),
    limit(REVIEWS_SHOWN),
  );
  return watchQuery(q, allData, watcher);
}

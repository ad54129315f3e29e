/** Live data for the reviews UI, as shared/hooks.ts `Live` states keyed by what was asked for. */
import { useEffect, useState } from "react";
import type { ClassReview, RatingSubject, RatingSummary } from "@numina/model";
import { useLive } from "../shared/hooks";
import {
  fetchRatingSummaries,
  watchClassReviews,
  watchInstructorReviews,
  watchMyReview,
  watchRatingSummary,
  watchReviewQueue,
} from "./reviewsStore";

export const useRatingSummary = (subject: RatingSubject, subjectId: string) =>
  useLive<RatingSummary | null>(`summary:${subject}:${subjectId}`, (w) => watchRatingSummary(subject, subjectId, w));

export const useClassReviews = (classId: string) =>
  useLive<ClassReview[]>(`reviews:${classId}`, (w) => watchClassReviews(classId, w));

export const useMyReview = (classId: string, uid: string) =>
  useLive<ClassReview | null>(`my-review:${classId}:${uid}`, (w) => watchMyReview(classId, uid, w));

export const useInstructorReviews = (instructorId: string) =>
  useLive<ClassReview[]>(`instructor-reviews:${instructorId}`, (w) => watchInstructorReviews(instructorId, w));

export const useReviewQueue = () => useLive<ClassReview[]>("review-queue", (w) => watchReviewQueue(w));

/**
 * The summaries of many subjects, read once per set of ids (a list's ratings move slowly; one
 * listener per card would not). Empty until read, and when the read fails: a list without
 * stars still works.
 */
export function useRatingSummaries(
  subject: RatingSubject,
  subjectIds: readonly string[],
): ReadonlyMap<string, RatingSummary> {
  const key = [...new Set(subjectIds)].sort().join(",");
  const [entry, setEntry] = useState<{ key: string; value: ReadonlyMap<string, RatingSummary> } | null>(null);
  useEffect(() => {
    if (!key) return;
    let cancelled = false;
    fetchRatingSummaries(subject, key.split(","))
      .then((value) => !cancelled && setEntry({ key: `${subject}:${key}`, value }))
      .catch(() => undefined);
    return () => {
      cancelled = true;
    };
  }, [subject, key]);
  return entry?.key === `${subject}:${key}` ? entry.value : EMPTY;
}

const EMPTY: ReadonlyMap<string, RatingSummary> = new Map();

/** Live data for the reviews UI, as shared/hooks.ts `Live` states keyed by what was asked for. */
import { useEffect, useState } from "react";
import type { ClassReview, RatingSubject, RatingSummary } from "@numina/model";
import { useLive, type Live } from "../shared/hooks";
import type { Watcher } from "../shared/watch";
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

/** Reviews listed per page on a class or an instructor page; "Show more" adds a page. */
export const REVIEWS_PAGE = 10;

export interface ReviewPages {
  reviews: ClassReview[];
  hasMore: boolean;
  /** A bigger page is on its way: the list shown is the previous one until it arrives. */
  loadingMore: boolean;
  showMore: () => void;
}

/**
 * A live list that grows a page at a time. It listens for one more review than it shows, to know
 * whether there are more; while a bigger page loads, it keeps showing the one it had.
 */
function usePagedReviews(
  key: string,
  watch: (count: number, watcher: Watcher<ClassReview[]>) => () => void,
): Live<ReviewPages> {
  const [paging, setPaging] = useState({ key, shown: REVIEWS_PAGE });
  const shown = paging.key === key ? paging.shown : REVIEWS_PAGE;
  const live = useLive<ClassReview[]>(`${key}:${shown}`, (w) => watch(shown + 1, w));
  const [previous, setPrevious] = useState<{ key: string; value: ClassReview[] } | null>(null);
  useEffect(() => {
    if (live.status === "ready") setPrevious({ key, value: live.value });
  }, [live, key]);
  if (live.status === "error") return live;
  const value = live.status === "ready" ? live.value : previous?.key === key ? previous.value : null;
  if (value === null) return { status: "loading" };
  return {
    status: "ready",
    value: {
      reviews: value.slice(0, shown),
      hasMore: value.length > shown,
      loadingMore: live.status === "loading",
      showMore: () => setPaging({ key, shown: shown + REVIEWS_PAGE }),
    },
  };
}

export const useClassReviews = (classId: string) =>
  usePagedReviews(`reviews:${classId}`, (count, w) => watchClassReviews(classId, count, w));

export const useMyReview = (classId: string, uid: string) =>
  useLive<ClassReview | null>(`my-review:${classId}:${uid}`, (w) => watchMyReview(classId, uid, w));

export const useInstructorReviews = (instructorId: string) =>
  usePagedReviews(`instructor-reviews:${instructorId}`, (count, w) => watchInstructorReviews(instructorId, count, w));

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

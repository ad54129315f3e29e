/**
 * A review written, edited, moderated or deleted: the summaries of its class, series and
 * instructor are counted again (summaryStore.ts). Retried after a failure (shared/triggers.ts)
 * and idempotent by construction: the counts come from the reviews, not from the event, so a
 * redelivered or out-of-order event ends in the same summaries.
 */
import { onDocumentWritten } from "firebase-functions/firestore";
import { classReviewSchema, patterns } from "../model/index.js";
import { db } from "../shared/firebase.js";
import { dropWhenStale, previousDocument, retried, validEventDocument } from "../shared/triggers.js";
import { log } from "./logs.js";
import { distinctSubjects, refreshRatingSummaries } from "./summaryStore.js";

export const onClassReviewWritten = onDocumentWritten(
  retried(patterns.review),
  dropWhenStale("onClassReviewWritten", async (event) => {
    // Either side is enough to name the subjects; an unreadable one only names fewer.
    const before = previousDocument(classReviewSchema, event.data?.before);
    const after = validEventDocument("onClassReviewWritten", classReviewSchema, event.data?.after);
    const subjects = distinctSubjects([before, after]);
    if (subjects.length === 0) return;
    await refreshRatingSummaries(db(), subjects);
    log.summariesRefreshed(event.params.classId, event.params.uid, subjects.length);
  }),
);

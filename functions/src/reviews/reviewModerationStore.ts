/**
 * Admins publish a review the content check held, or hide any review. Each action is one
 * transaction with its audit entry (moderator and reason); the summaries follow from
 * onClassReviewWritten, and a hidden review counts nowhere.
 */
import { FieldValue, type Firestore } from "firebase-admin/firestore";
import type { ModerateClassReviewRequest, ReviewStatus } from "../model/index.js";
import { audit, type Moderator } from "../moderation/index.js";
import { DomainError } from "../shared/errors.js";
import { dataOrAbsent } from "../shared/firestore.js";
import { refs } from "../shared/refs.js";
import { runDomainTransaction } from "../shared/transactions.js";

const OUTCOME = {
  approve: { status: "published", audit: "review.published" },
  hide: { status: "hidden", audit: "review.hidden" },
  remove: { status: "removed", audit: "review.removed" },
} as const;

export async function moderateReview(
  db: Firestore,
  by: Moderator,
  input: ModerateClassReviewRequest,
): Promise<{ status: ReviewStatus | "removed" }> {
  const outcome = OUTCOME[input.action];
  const reviewRef = refs(db).review(input.classId, input.uid);
  return runDomainTransaction(db, async (tx) => {
    const review = dataOrAbsent(await tx.get(reviewRef));
    // A retried removal finds nothing left to remove: done, not an error.
    if (!review) {
      if (input.action === "remove") return { status: "removed" as const };
      throw new DomainError("not-found", "This review does not exist.");
    }
    if (input.action === "approve" && review.status === "hidden") {
      throw new DomainError("failed-precondition", "A hidden review stays hidden.");
    }
    if (review.status === outcome.status && !review.needsModeration) return { status: review.status };
    if (outcome.status === "removed") tx.delete(reviewRef);
    else
      tx.update(reviewRef, { status: outcome.status, needsModeration: false, updatedAt: FieldValue.serverTimestamp() });
    audit(tx, db, {
      action: outcome.audit,
      by,
      targetUid: input.uid,
      before: { status: review.status },
      after: { status: outcome.status, classId: input.classId, rating: review.rating },
      reason: input.reason,
      reportId: null,
    });
    return { status: outcome.status };
  });
}

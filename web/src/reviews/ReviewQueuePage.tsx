/**
 * Admins: reviews waiting for a moderator, oldest first — held by the content check, or reported
 * by members since a moderator last looked. Each is published (or kept), hidden or removed, with
 * a reason that goes into the audit log.
 */
import { useState, type FormEvent } from "react";
import { Link } from "react-router";
import { MODERATION_LIMITS, flagsPhrase, type ClassReview, type ReviewModerationAction } from "@numina/model";
import { errorMessage } from "../shared/errors";
import { formatLocalDateTime } from "../shared/time";
import { Alert, Spinner } from "../shared/ui";
import { useReviewQueue } from "./hooks";
import { moderateClassReview } from "./reviewsStore";
import { Stars } from "./Stars";

export function ReviewQueuePage() {
  const queue = useReviewQueue();
  return (
    <div className="page">
      <header className="page-header">
        <p className="eyebrow">Admin</p>
        <h1>Reviews to moderate</h1>
        <p className="muted">Held by the content check or reported by members, oldest first.</p>
      </header>
      {queue.status === "loading" && <Spinner label="Loading reviews…" />}
      {queue.status === "error" && <Alert kind="error">{queue.message}</Alert>}
      {queue.status === "ready" && queue.value.length === 0 && (
        <section className="card empty-state" data-testid="review-queue-empty">
          <h2 className="card-title">Nothing to moderate</h2>
        </section>
      )}
      {queue.status === "ready" && queue.value.length > 0 && (
        <ul className="plain-list card">
          {queue.value.map((review) => (
            <li
              key={`${review.classId}/${review.uid}`}
              className="stack report-row"
              data-testid={`review-queue-${review.classId}-${review.uid}`}
            >
              <QueuedReview review={review} />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function whyQueued(review: ClassReview): string {
  const parts: string[] = [];
  if (review.status === "held")
    parts.push(
      `Held: it may contain ${review.flags.length ? flagsPhrase(review.flags) : "something the guidelines don't allow"}`,
    );
  if (review.reportCount > 0)
    parts.push(review.reportCount === 1 ? "Reported once" : `Reported ${review.reportCount} times`);
  return parts.join(" · ");
}

const ACTION_LABEL: Record<ReviewModerationAction, (review: ClassReview) => string> = {
  approve: (review) => (review.status === "held" ? "Publish" : "Keep it up"),
  hide: () => "Hide",
  remove: () => "Remove",
};

function QueuedReview({ review }: { review: ClassReview }) {
  const [reason, setReason] = useState("");
  const [busy, setBusy] = useState<ReviewModerationAction | null>(null);
  const [error, setError] = useState<string | null>(null);
  const reasonId = `review-reason-${review.classId}-${review.uid}`;

  async function act(action: ReviewModerationAction, event?: FormEvent) {
    event?.preventDefault();
    if (!reason.trim()) {
      setError("Give a reason: it goes into the audit log.");
      return;
    }
    setBusy(action);
    setError(null);
    try {
      await moderateClassReview({ classId: review.classId, uid: review.uid, action, reason });
    } catch (err) {
      setError(errorMessage(err));
      setBusy(null);
    }
  }

  return (
    <>
      <div className="stack">
        <strong>
          <Link to={`/classes/${review.classId}`}>{review.classTitle}</Link> · {review.authorName}
        </strong>
        <span className="row">
          <Stars value={review.rating} label={`${review.rating} out of 5`} />
          <span className="muted">{formatLocalDateTime(review.updatedAt.toMillis())}</span>
        </span>
        <span className="text-warning" data-testid="review-queue-why">
          {whyQueued(review)}
        </span>
        {review.text && <blockquote className="review-text">{review.text}</blockquote>}
      </div>
      <form className="stack" onSubmit={(e) => void act("approve", e)}>
        <div className="field">
          <label htmlFor={reasonId}>Reason</label>
          <input
            id={reasonId}
            maxLength={MODERATION_LIMITS.reasonMax}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            data-testid="review-queue-reason"
          />
        </div>
        {error && <Alert kind="error">{error}</Alert>}
        <div className="row">
          {(["approve", "hide", "remove"] as const).map((action) =>
            action === "approve" && review.status === "hidden" ? null : (
              <button
                key={action}
                type="button"
                className={action === "approve" ? "button button-small" : "button button-small button-danger"}
                disabled={busy !== null}
                onClick={() => void act(action)}
                data-testid={`review-queue-${action}`}
              >
                {busy === action ? "Working…" : ACTION_LABEL[action](review)}
              </button>
            ),
          )}
        </div>
      </form>
    </>
  );
}

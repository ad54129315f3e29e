/**
 * The reviews section of a class page: the class's, its series' and its instructor's ratings,
 * the member's own review (write, edit, or its status), and the published reviews with the
 * instructor's replies. Members report a review; the instructor replies once; admins hide one.
 */
import { useState, type FormEvent } from "react";
import { Link } from "react-router";
import {
  REPORT_DETAILS_MAX,
  REPORT_REASONS,
  REVIEW_LIMITS,
  MODERATION_LIMITS,
  flagsPhrase,
  type ClassReview,
  type ReportReason,
  type Role,
} from "@numina/model";
import { useMyAttendee } from "../classes/hooks";
import type { ClassItem } from "../classes/classesStore";
import { errorMessage } from "../shared/errors";
import { formatLocalDateTime } from "../shared/time";
import { Alert, ConfirmDialog, ReportReasonOptions, Spinner } from "../shared/ui";
import { useClassReviews, useMyReview, type ReviewPages } from "./hooks";
import { reviewPanelState } from "./ratings";
import { moderateClassReview, replyToClassReview, reportClassReview, submitClassReview } from "./reviewsStore";
import { RatingSummaryPanel, StarInput, Stars } from "./Stars";

export function ClassReviews({
  item,
  uid,
  role,
  instructorName,
}: {
  item: ClassItem;
  uid: string;
  role: Role;
  instructorName: string | undefined;
}) {
  const { data } = item;
  return (
    <section className="card stack" aria-label="Ratings and reviews" data-testid="class-reviews">
      <h2 className="card-title">Ratings and reviews</h2>
      <div className="rating-summaries" data-testid="rating-summaries">
        <RatingSummaryPanel subject="class" subjectId={item.id} title="This class" />
        {data.seriesId && (
          <RatingSummaryPanel subject="series" subjectId={data.seriesId} title="Every class in this series" />
        )}
        <RatingSummaryPanel
          subject="instructor"
          subjectId={data.instructorId}
          title={`${instructorName ?? "The instructor"} overall`}
        />
      </div>
      <p>
        <Link to={`/instructors/${data.instructorId}`} data-testid="instructor-page-link">
          All reviews of {instructorName ?? "this instructor"}
        </Link>
      </p>
      <MyReviewPanel item={item} uid={uid} />
      <ReviewList classId={item.id} instructorId={data.instructorId} uid={uid} role={role} />
    </section>
  );
}

/** What the signed-in member can do about their own review of this class. */
function MyReviewPanel({ item, uid }: { item: ClassItem; uid: string }) {
  const { data } = item;
  const me = useMyAttendee(item.id, uid);
  const mine = useMyReview(item.id, uid);
  if (me.status === "loading" || mine.status === "loading") return <Spinner label="Checking your review…" />;
  if (mine.status === "error") return <Alert kind="error">{mine.message}</Alert>;
  const attendeeStatus = me.status === "ready" ? (me.value?.status ?? null) : null;
  const state = reviewPanelState({
    uid,
    cls: {
      instructorId: data.instructorId,
      status: data.status,
      startsAtMs: data.startsAt.toMillis(),
      durationMinutes: data.durationMinutes,
    },
    attendeeStatus,
    review: mine.value,
    nowMs: Date.now(),
  });

  switch (state.kind) {
    case "own-class":
    case "cancelled":
      return null;
    case "not-yet":
      return attendeeStatus === "confirmed" ? (
        <p className="hint" data-testid="review-not-yet">
          You can rate this class once it has ended.
        </p>
      ) : null;
    case "not-attended":
      return (
        <p className="hint" data-testid="review-not-attended">
          Only members checked in at this class can rate it.
        </p>
      );
    case "closed":
      return attendeeStatus === "attended" ? (
        <p className="hint" data-testid="review-closed">
          Reviews for this class have closed.
        </p>
      ) : null;
    case "write":
    case "edit":
      // One tree for both, so the form (and its "saved" message) stays mounted when the new
      // review arrives and turns "write" into "edit".
      return (
        <div className="stack">
          {state.kind === "write" ? (
            <>
              <h3 className="subheading">How was it?</h3>
              <p className="hint">You can rate this class until {formatLocalDateTime(state.closesAtMs)}.</p>
            </>
          ) : (
            <MyReviewStatus review={state.review} />
          )}
          <ReviewForm classId={item.id} review={state.kind === "edit" ? state.review : null} />
        </div>
      );
    case "final":
      return <MyReviewStatus review={state.review} final />;
  }
}

function MyReviewStatus({ review, final }: { review: ClassReview; final?: boolean }) {
  const until = formatLocalDateTime(review.editableUntil.toMillis());
  return (
    <div className="stack" data-testid="my-review">
      <h3 className="subheading">Your review</h3>
      {review.status === "held" && (
        <Alert kind="warning" testId="my-review-held">
          Your review is waiting for a moderator because it may contain{" "}
          {review.flags.length > 0 ? flagsPhrase(review.flags) : "something our guidelines don't allow"}. Others will
          see it once it is approved{final ? "." : "; you can also edit it."}
        </Alert>
      )}
      {review.status === "hidden" && (
        <Alert kind="warning" testId="my-review-hidden">
          A moderator hid your review. It no longer counts towards the rating.
        </Alert>
      )}
      {review.status === "published" && (
        <p className="hint" data-testid="my-review-published">
          {final ? "Your review is published and final." : `Your review is published. You can edit it until ${until}.`}
        </p>
      )}
      {final && (
        <div className="review-body">
          <Stars value={review.rating} label={`You rated it ${review.rating} out of 5`} />
          {review.text && <p className="review-text">{review.text}</p>}
        </div>
      )}
    </div>
  );
}

function ReviewForm({ classId, review }: { classId: string; review: ClassReview | null }) {
  const [rating, setRating] = useState(review?.rating ?? 0);
  const [text, setText] = useState(review?.text ?? "");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (rating < 1) {
      setError("Choose from 1 to 5 stars.");
      return;
    }
    setBusy(true);
    setError(null);
    setSaved(null);
    try {
      const result = await submitClassReview({ classId, rating, text });
      setSaved(
        result.status === "published"
          ? "Thanks! Your review is published."
          : "Thanks! A moderator will look at your review first.",
      );
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form
      className="stack review-form"
      aria-label="Your review"
      data-testid="review-form"
      onSubmit={(e) => void submit(e)}
    >
      <StarInput value={rating} onChange={setRating} disabled={busy} />
      <div className="field">
        <label htmlFor={`review-text-${classId}`}>Tell others about it (optional)</label>
        <textarea
          id={`review-text-${classId}`}
          maxLength={REVIEW_LIMITS.textMax}
          value={text}
          onChange={(e) => setText(e.target.value)}
          data-testid="review-text-input"
          placeholder="What was the class like? Who would enjoy it?"
        />
        <span className="hint">
          Reviews are public and show your display name. Links and contact details are held for a moderator.
        </span>
      </div>
      {error && (
        <Alert kind="error" testId="review-error">
          {error}
        </Alert>
      )}
      {saved && (
        <Alert kind="success" testId="review-saved">
          {saved}
        </Alert>
      )}
      <div className="row">
        <button type="submit" className="button button-primary" disabled={busy} data-testid="review-submit">
          {busy ? "Saving…" : review ? "Update review" : "Post review"}
        </button>
      </div>
    </form>
  );
}

function ReviewList({
  classId,
  instructorId,
  uid,
  role,
}: {
  classId: string;
  instructorId: string;
  uid: string;
  role: Role;
}) {
  const reviews = useClassReviews(classId);
  if (reviews.status === "loading") return <Spinner label="Loading reviews…" />;
  if (reviews.status === "error") return <Alert kind="error">{reviews.message}</Alert>;
  if (reviews.value.reviews.length === 0) {
    return (
      <p className="muted" data-testid="reviews-empty">
        No reviews yet.
      </p>
    );
  }
  return (
    <>
      <ul className="review-list" aria-label="Reviews">
        {reviews.value.reviews.map((review) => (
          <li key={review.uid}>
            <ReviewItem review={review} viewer={{ uid, role, isInstructor: uid === instructorId }} />
          </li>
        ))}
      </ul>
      <ShowMoreReviews pages={reviews.value} />
    </>
  );
}

/** "Show more" under a review list, while there are more. */
export function ShowMoreReviews({ pages }: { pages: ReviewPages }) {
  if (!pages.hasMore) return null;
  return (
    <button
      type="button"
      className="button button-small"
      disabled={pages.loadingMore}
      data-testid="reviews-show-more"
      onClick={pages.showMore}
    >
      {pages.loadingMore ? "Loading…" : "Show more reviews"}
    </button>
  );
}

/** One published review: its stars, text, the instructor's reply, and what this viewer may do. */
export function ReviewItem({
  review,
  viewer,
  showClass,
}: {
  review: ClassReview;
  viewer: { uid: string; role: Role; isInstructor: boolean };
  showClass?: boolean;
}) {
  const own = review.uid === viewer.uid;
  return (
    <article className="review" data-testid={`review-${review.uid}`}>
      <header className="review-head">
        <strong>{review.authorName}</strong>
        <Stars value={review.rating} label={`${review.rating} out of 5`} />
        <span className="hint">{formatLocalDateTime(review.createdAt.toMillis())}</span>
      </header>
      {showClass && (
        <p className="hint">
          <Link to={`/classes/${review.classId}`}>{review.classTitle}</Link>
        </p>
      )}
      {review.text && <p className="review-text">{review.text}</p>}
      {review.reply && (
        <blockquote className="review-reply" data-testid={`review-reply-${review.uid}`}>
          <span className="hint">The instructor replied:</span> {review.reply.text}
        </blockquote>
      )}
      <div className="row">
        {viewer.isInstructor && !review.reply && <ReplyForm review={review} />}
        {!own && !viewer.isInstructor && viewer.role !== "admin" && <ReportReview review={review} />}
        {viewer.role === "admin" && <HideReview review={review} />}
      </div>
    </article>
  );
}

function ReplyForm({ review }: { review: ClassReview }) {
  const [open, setOpen] = useState(false);
  const [text, setText] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (!open) {
    return (
      <button
        type="button"
        className="link-button"
        onClick={() => setOpen(true)}
        data-testid={`reply-open-${review.uid}`}
      >
        Reply publicly
      </button>
    );
  }
  async function send(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await replyToClassReview({ classId: review.classId, uid: review.uid, text });
      setOpen(false);
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }
  return (
    <form className="stack review-reply-form" aria-label="Your reply" onSubmit={(e) => void send(e)}>
      <div className="field">
        <label htmlFor={`reply-${review.uid}`}>Your public reply (you can reply once)</label>
        <textarea
          id={`reply-${review.uid}`}
          maxLength={REVIEW_LIMITS.replyMax}
          value={text}
          onChange={(e) => setText(e.target.value)}
          data-testid="reply-input"
        />
      </div>
      {error && (
        <Alert kind="error" testId="reply-error">
          {error}
        </Alert>
      )}
      <div className="row">
        <button
          type="submit"
          className="button button-primary button-small"
          disabled={busy || !text.trim()}
          data-testid="reply-send"
        >
          {busy ? "Sending…" : "Post reply"}
        </button>
        <button type="button" className="button button-small" disabled={busy} onClick={() => setOpen(false)}>
          Cancel
        </button>
      </div>
    </form>
  );
}

function ReportReview({ review }: { review: ClassReview }) {
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState<ReportReason>(REPORT_REASONS[0]);
  const [details, setDetails] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  if (done) {
    return (
      <span className="hint" data-testid={`review-reported-${review.uid}`}>
        {done}
      </span>
    );
  }
  if (!open) {
    return (
      <button
        type="button"
        className="link-button"
        onClick={() => setOpen(true)}
        data-testid={`review-report-${review.uid}`}
      >
        Report
      </button>
    );
  }
  async function send(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const { reported } = await reportClassReview({ classId: review.classId, uid: review.uid, reason, details });
      setDone(reported ? "Thanks. A moderator will look at this review." : "You have already reported this review.");
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }
  const id = `review-report-${review.classId}-${review.uid}`;
  return (
    <form className="stack" aria-label="Report this review" onSubmit={(e) => void send(e)}>
      <div className="field">
        <label htmlFor={`${id}-reason`}>Why report this review?</label>
        <select
          id={`${id}-reason`}
          value={reason}
          onChange={(e) => setReason(e.target.value as ReportReason)}
          data-testid="review-report-reason"
        >
          <ReportReasonOptions />
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-details`}>Anything moderators should know? (optional)</label>
        <textarea
          id={`${id}-details`}
          maxLength={REPORT_DETAILS_MAX}
          value={details}
          onChange={(e) => setDetails(e.target.value)}
        />
      </div>
      {error && <Alert kind="error">{error}</Alert>}
      <div className="row">
        <button
          type="submit"
          className="button button-danger button-small"
          disabled={busy}
          data-testid="review-report-send"
        >
          {busy ? "Sending…" : "Send report"}
        </button>
        <button type="button" className="button button-small" disabled={busy} onClick={() => setOpen(false)}>
          Cancel
        </button>
      </div>
    </form>
  );
}

function HideReview({ review }: { review: ClassReview }) {
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  return (
    <>
      <button
        type="button"
        className="link-button"
        onClick={() => setOpen(true)}
        data-testid={`review-hide-${review.uid}`}
      >
        Hide review
      </button>
      {/* Mounted only while open: one dialog per review would repeat the dialog's element ids. */}
      {open && (
        <ConfirmDialog
          open
          title="Hide this review?"
          confirmLabel="Hide review"
          busy={busy}
          error={error}
          confirmTestId="hide-confirm"
          onCancel={() => setOpen(false)}
          onConfirm={() => {
            if (!reason.trim()) {
              setError("Say why, for the audit log and the author.");
              return;
            }
            setBusy(true);
            setError(null);
            moderateClassReview({ classId: review.classId, uid: review.uid, action: "hide", reason })
              .then(() => setOpen(false))
              .catch((err: unknown) => setError(errorMessage(err)))
              .finally(() => setBusy(false));
          }}
        >
          <p>It stops counting towards the ratings, and only its author will still see it.</p>
          <div className="field">
            <label htmlFor={`hide-reason-${review.uid}`}>Reason</label>
            <textarea
              id={`hide-reason-${review.uid}`}
              maxLength={MODERATION_LIMITS.reasonMax}
              value={reason}
              onChange={(e) => setReason(e.target.value)}
              data-testid="hide-reason"
            />
          </div>
        </ConfirmDialog>
      )}
    </>
  );
}

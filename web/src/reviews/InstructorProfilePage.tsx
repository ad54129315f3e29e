/** An instructor's public page: their rating across every class they ran, and recent reviews. */
import { Link, useParams } from "react-router";
import { useReadyProfile } from "../app/guards";
import { ConnectionButtons, SocialCountsLine } from "../social/ConnectionPanel";
import { Alert, Spinner } from "../shared/ui";
import { usePeople } from "../shared/usePeople";
import { useInstructorReviews } from "./hooks";
import { ReviewItem, ShowMoreReviews } from "./ClassReviews";
import { RatingSummaryPanel } from "./Stars";

export function InstructorProfilePage() {
  const { uid: instructorId = "" } = useParams();
  const { session } = useReadyProfile();
  const people = usePeople([instructorId]);
  const reviews = useInstructorReviews(instructorId);
  const name = people[instructorId];

  return (
    <div className="page narrow">
      <p>
        <Link to="/classes">← All classes</Link>
      </p>
      <header className="page-header">
        <p className="eyebrow">Instructor</p>
        <h1 data-testid="instructor-name">{name ?? "…"}</h1>
        <SocialCountsLine uid={instructorId} />
        {session.uid !== instructorId && <ConnectionButtons uid={session.uid} otherUid={instructorId} />}
      </header>
      <section className="card stack" aria-label="Ratings">
        <RatingSummaryPanel subject="instructor" subjectId={instructorId} title="Ratings across all classes" />
      </section>
      <section className="card stack" aria-labelledby="instructor-reviews-title">
        <h2 id="instructor-reviews-title" className="card-title">
          Recent reviews
        </h2>
        {reviews.status === "loading" && <Spinner label="Loading reviews…" />}
        {reviews.status === "error" && <Alert kind="error">{reviews.message}</Alert>}
        {reviews.status === "ready" &&
          (reviews.value.reviews.length === 0 ? (
            <p className="muted" data-testid="instructor-reviews-empty">
              No reviews yet.
            </p>
          ) : (
            <>
              <ul className="review-list" aria-label="Reviews">
                {reviews.value.reviews.map((review) => (
                  <li key={`${review.classId}/${review.uid}`}>
                    <ReviewItem
                      review={review}
                      viewer={{ uid: session.uid, role: session.role, isInstructor: session.uid === instructorId }}
                      showClass
                    />
                  </li>
                ))}
              </ul>
              <ShowMoreReviews pages={reviews.value} />
            </>
          ))}
      </section>
    </div>
  );
}

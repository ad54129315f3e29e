/** Stars, the star picker, and the rating summary panel every reviewed page shows. */
import { RATING_VALUES, type RatingSubject, type RatingSummary } from "@numina/model";
import { Spinner } from "../shared/ui";
import { useRatingSummary } from "./hooks";
import { formatAverage, histogramRows, ratingLabel, ratingsCountText } from "./ratings";

/** Five stars filled to the nearest whole star; the label carries the exact figure. */
export function Stars({ value, label }: { value: number; label: string }) {
  const filled = Math.round(value);
  return (
    <span className="stars" role="img" aria-label={label}>
      {RATING_VALUES.map((n) => (
        <span key={n} aria-hidden="true" className={n <= filled ? "star star-on" : "star"}>
          ★
        </span>
      ))}
    </span>
  );
}

/** "★ 4.6 (23)", for cards and lists; nothing when nobody has rated. */
export function RatingBadge({ summary, testId }: { summary: RatingSummary | null | undefined; testId?: string }) {
  const average = formatAverage(summary);
  if (average === null || !summary) return null;
  return (
    <span className="rating-badge" data-testid={testId} title={ratingLabel(summary)}>
      <span aria-hidden="true">★ </span>
      {average} <span className="hint">({summary.count})</span>
    </span>
  );
}

/** Five radio buttons styled as stars: a keyboard picks with the arrow keys, as with any radio group. */
export function StarInput({
  value,
  onChange,
  disabled,
}: {
  value: number;
  onChange: (v: number) => void;
  disabled?: boolean;
}) {
  return (
    <fieldset className="star-input" disabled={disabled}>
      <legend>Your rating</legend>
      {RATING_VALUES.map((n) => (
        <label key={n} className={n <= value ? "star star-on" : "star"} data-testid={`review-star-${n}`}>
          <input
            type="radio"
            name="rating"
            className="visually-hidden"
            value={n}
            checked={value === n}
            onChange={() => onChange(n)}
          />
          <span aria-hidden="true">★</span>
          <span className="visually-hidden">{n === 1 ? "1 star" : `${n} stars`}</span>
        </label>
      ))}
    </fieldset>
  );
}

/** The average, the count and the 1–5 histogram of a class, a series or an instructor, live. */
export function RatingSummaryPanel({
  subject,
  subjectId,
  title,
}: {
  subject: RatingSubject;
  subjectId: string;
  title: string;
}) {
  const summary = useRatingSummary(subject, subjectId);
  const testId = `rating-summary-${subject}`;
  if (summary.status === "loading") return <Spinner label="Loading ratings…" />;
  if (summary.status === "error") {
    return (
      <p className="muted" data-testid={`${testId}-error`} title={summary.message}>
        Ratings are unavailable right now.
      </p>
    );
  }
  const value = summary.value;
  const average = formatAverage(value);
  return (
    <section className="rating-summary" aria-label={title} data-testid={testId}>
      <h3 className="subheading">{title}</h3>
      {average === null || !value ? (
        <p className="muted" data-testid={`${testId}-empty`}>
          No ratings yet.
        </p>
      ) : (
        <div className="rating-summary-body">
          <div className="rating-summary-head">
            <span className="rating-average" data-testid={`${testId}-average`}>
              {average}
            </span>
            <Stars value={Number(average)} label={ratingLabel(value)} />
            <span className="hint" data-testid={`${testId}-count`}>
              {ratingsCountText(value.count)}
            </span>
          </div>
          <ul className="histogram" aria-label="Ratings by stars">
            {histogramRows(value).map((row) => (
              <li key={row.stars} className="histogram-row">
                <span className="histogram-label">{row.stars} ★</span>
                <span className="histogram-bar" aria-hidden="true">
                  <span style={{ width: `${Math.round(row.share * 100)}%` }} />
                </span>
                <span className="histogram-count" data-testid={`${testId}-stars-${row.stars}`}>
                  {row.count}
                </span>
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}

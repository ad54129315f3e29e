import { Link } from "react-router";
import { cityById, type RatingSummary } from "@numina/model";
import { RatingBadge } from "../reviews/Stars";
import { humanize } from "../shared/format";
import type { ClassItem } from "./classesStore";
import { formatDistance, seatsLeft, seatsText } from "./seats";
import { browserTimeZone, formatDateTime, formatTime, zoneAbbreviation } from "../shared/time";

/** The time of a class in its city, with the zone named when the reader's own clock differs. */
export function ClassTime({ ms, city, withDate }: { ms: number; city: string; withDate?: boolean }) {
  const timeZone = cityById(city)?.timeZone ?? browserTimeZone();
  const sameZone = zoneAbbreviation(ms, timeZone) === zoneAbbreviation(ms, browserTimeZone());
  const text = withDate ? formatDateTime(ms, timeZone) : formatTime(ms, timeZone);
  return (
    <time dateTime={new Date(ms).toISOString()}>
      {text}
      {!sameZone && <span className="hint"> {zoneAbbreviation(ms, timeZone)}</span>}
    </time>
  );
}

export function SeatBadge({ item }: { item: ClassItem }) {
  const { data } = item;
  if (data.status === "cancelled") return <span className="badge badge-cancelled">Cancelled</span>;
  const left = seatsLeft(data);
  const tone = left === 0 ? "full" : left <= Math.max(2, Math.ceil(data.capacity * 0.2)) ? "few" : "open";
  return (
    <span className={`seats seats-${tone}`} data-testid={`seats-${item.id}`}>
      {seatsText(data)}
    </span>
  );
}

export function ClassCard({
  item,
  instructorName,
  distanceKm,
  withDate,
  rating,
}: {
  item: ClassItem;
  instructorName: string | undefined;
  distanceKm?: number | null;
  withDate?: boolean;
  /** The series' rating (a one-off class's own): an upcoming class has none of its own yet. */
  rating?: RatingSummary | null;
}) {
  const { data } = item;
  return (
    <article
      className={`card class-card${data.status === "cancelled" ? " class-card-cancelled" : ""}`}
      data-testid={`class-card-${item.id}`}
    >
      <div className="class-card-time">
        <ClassTime ms={data.startsAt.toMillis()} city={data.city} withDate={withDate} />
        <span className="hint">{data.durationMinutes} min</span>
      </div>
      <div className="class-card-body">
        <h3 className="card-title">
          <Link to={`/classes/${item.id}`} className="class-link">
            {data.title}
          </Link>
        </h3>
        <p className="muted class-meta">
          with {instructorName ?? "…"} · {humanize(data.level)} · {data.location.name}
          {distanceKm != null && <> · {formatDistance(distanceKm)} away</>}
        </p>
        {data.tags.length > 0 && (
          <ul className="chips chips-small" aria-label="Tags">
            {data.tags.map((tag) => (
              <li key={tag} className="chip chip-static">
                {humanize(tag)}
              </li>
            ))}
          </ul>
        )}
      </div>
      <div className="class-card-seats">
        <SeatBadge item={item} />
        <RatingBadge summary={rating} testId={`class-rating-${item.id}`} />
      </div>
    </article>
  );
}

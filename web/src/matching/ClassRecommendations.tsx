import { useEffect, useState } from "react";
import { Link } from "react-router";
import type { ClassRecommendation } from "@numina/model";
import { formatLocalDateTime } from "../shared/time";
import { errorMessage } from "../shared/errors";
import { getClassRecommendations } from "./matchingStore";

/** "Classes for you": upcoming classes near the member, with why. Quietly absent on failure. */
export function ClassRecommendations() {
  const [classes, setClasses] = useState<ClassRecommendation[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let cancelled = false;
    getClassRecommendations(5)
      .then((r) => !cancelled && setClasses(r.classes))
      .catch((e: unknown) => !cancelled && setError(errorMessage(e)));
    return () => {
      cancelled = true;
    };
  }, []);
  if (error || !classes || classes.length === 0) return null;
  return (
    <section className="card" aria-labelledby="recommended-classes" data-testid="class-recommendations">
      <h2 id="recommended-classes" className="card-title">
        Classes for you
      </h2>
      <ul className="plain-list">
        {classes.map((c) => (
          <li key={c.classId}>
            <Link to={`/classes/${c.classId}`}>{c.title}</Link>{" "}
            <span className="muted">
              {formatLocalDateTime(new Date(c.startsAt).getTime())} · {c.reasons.join(" · ")}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}

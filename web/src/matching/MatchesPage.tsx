import { useState } from "react";
import { Link } from "react-router";
import { useReadyProfile } from "../app/guards";
import { useLive } from "../shared/hooks";
import { usePeople } from "../shared/usePeople";
import { errorMessage } from "../shared/errors";
import { Alert, Spinner } from "../shared/ui";
import { unmatch, watchMyMatches, type MatchItem } from "./matchingStore";
import { ConnectionButtons } from "../social/ConnectionPanel";

/** The member's matches, live: a new match appears the moment the second like lands. */
export function MatchesPage() {
  const { session } = useReadyProfile();
  const matches = useLive<MatchItem[]>(`matches:${session.uid}`, (w) => watchMyMatches(session.uid, w));
  const others = matches.status === "ready" ? matches.value.map((m) => otherOf(m, session.uid)) : [];
  const names = usePeople(others);
  const [error, setError] = useState<string | null>(null);

  return (
    <div className="page">
      <header className="page-header">
        <p className="eyebrow">Matches</p>
        <h1>Your training partners</h1>
      </header>
      {error && <Alert kind="error">{error}</Alert>}
      {matches.status === "loading" && <Spinner label="Loading matches…" />}
      {matches.status === "error" && <Alert kind="error">{matches.message}</Alert>}
      {matches.status === "ready" && matches.value.length === 0 && (
        <section className="card empty-state" data-testid="matches-empty">
          <h2 className="card-title">No matches yet</h2>
          <p className="muted">
            When someone you liked likes you back, they appear here. <Link to="/discover">Discover partners</Link>
          </p>
        </section>
      )}
      {matches.status === "ready" && matches.value.length > 0 && (
        <ul className="plain-list card" data-testid="matches-list">
          {matches.value.map((m) => {
            const other = otherOf(m, session.uid);
            return (
              <li key={m.id} className="spread" data-testid="match-row" data-uid={other}>
                <Link to={`/people/${other}`}>{names[other] ?? "…"}</Link>
                <ConnectionButtons uid={session.uid} otherUid={other} />
                <button
                  type="button"
                  className="button button-small button-danger-outline"
                  onClick={() => void unmatch(other).catch((e: unknown) => setError(errorMessage(e)))}
                >
                  Unmatch
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}

function otherOf(match: MatchItem, me: string): string {
  return match.data.userIds[0] === me ? match.data.userIds[1] : match.data.userIds[0];
}

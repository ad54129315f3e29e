import { useCallback, useEffect, useState } from "react";
import { Link } from "react-router";
import type { MatchAction, PartnerMatch } from "@numina/model";
import { useReadyProfile } from "../app/guards";
import { errorMessage } from "../shared/errors";
import { Alert, Spinner } from "../shared/ui";
import { Avatar } from "./Avatar";
import { answer, getPartnerMatches } from "./matchingStore";
import { ClassRecommendations } from "./ClassRecommendations";

const PAGE_SIZE = 10;

type State =
  | { status: "loading" }
  | { status: "ready"; cards: PartnerMatch[]; nextCursor: string | null }
  | { status: "error"; message: string };

/** Discover: training partners near the member, best first, with why; like, pass or super-like. */
export function DiscoverPage() {
  const { session } = useReadyProfile();
  const [state, setState] = useState<State>({ status: "loading" });
  const [busy, setBusy] = useState<string | null>(null);
  const [notice, setNotice] = useState<{ kind: "error" | "success"; text: string } | null>(null);

  const load = useCallback(async (cursor?: string) => {
    try {
      const page = await getPartnerMatches({ limit: PAGE_SIZE, ...(cursor ? { cursor } : {}) });
      setState((current) => ({
        status: "ready",
        cards: cursor && current.status === "ready" ? [...current.cards, ...page.matches] : page.matches,
        nextCursor: page.nextCursor,
      }));
    } catch (error) {
      setState({ status: "error", message: errorMessage(error) });
    }
  }, []);

  useEffect(() => {
    void load();
  }, [load]);

  const removeCard = (uid: string) =>
    setState((current) =>
      current.status === "ready" ? { ...current, cards: current.cards.filter((c) => c.uid !== uid) } : current,
    );

  async function respond(card: PartnerMatch, action: MatchAction) {
    setBusy(card.uid);
    setNotice(null);
    try {
      const outcome = await answer(session.uid, card.uid, action);
      if (outcome === "no-super-likes-left") {
        setNotice({ kind: "error", text: "You have used today's super-likes. Try a like instead." });
        return;
      }
      removeCard(card.uid);
      if (outcome === "not-in-discover")
        setNotice({ kind: "error", text: `${card.displayName} is no longer in your Discover.` });
      else if (action !== "pass")
        setNotice({ kind: "success", text: `You ${action === "like" ? "liked" : "super-liked"} ${card.displayName}.` });
    } catch (error) {
      setNotice({ kind: "error", text: errorMessage(error) });
    } finally {
      setBusy(null);
    }
  }

  return (
    <div className="page">
      <header className="page-header">
        <p className="eyebrow">Discover</p>
        <h1>Training partners near you</h1>
        <p className="muted">
          Ranked by level, shared interests, distance and when you are both free.{" "}
          <Link to="/matches/preferences">Match preferences</Link>
        </p>
        <details className="muted" data-testid="distance-note">
          <summary>Why is the distance approximate?</summary>
          To keep everyone&apos;s home private, Numina places each member 1–2 km from where they really are, always at
          the same spot for the same place, and shows distances between those points in whole kilometres. Nobody can
          work out where you live from Discover, however often they move or ask.
        </details>
      </header>
      {notice && (
        <Alert kind={notice.kind} testId="discover-notice">
          {notice.text}
        </Alert>
      )}
      {state.status === "loading" && <Spinner label="Finding partners…" />}
      {state.status === "error" && (
        <Alert kind="error" testId="discover-error">
          {state.message}
        </Alert>
      )}
      {state.status === "ready" && state.cards.length === 0 && (
        <section className="card empty-state" data-testid="discover-empty">
          <h2 className="card-title">No one new nearby</h2>
          <p className="muted">Widen your distance in your match preferences, or check back later.</p>
        </section>
      )}
      {state.status === "ready" && state.cards.length > 0 && (
        <div className="class-list" data-testid="discover-cards">
          {state.cards.map((card) => (
            <article key={card.uid} className="card partner-card" data-testid="partner-card" data-uid={card.uid}>
              <div className="row">
                <Avatar name={card.displayName} photoURL={card.photoURL} />
                <div className="stack">
                  <h2 className="card-title">
                    <Link to={`/people/${card.uid}`}>{card.displayName}</Link>
                  </h2>
                  <p className="muted">
                    <strong data-testid="partner-score">{card.score}</strong>% match · about {card.distanceKm} km
                    {card.superLikedYou && <span className="badge badge-soon"> Super-liked you</span>}
                  </p>
                </div>
              </div>
              <ul className="chips" aria-label="Why">
                {card.reasons.map((reason) => (
                  <li key={reason} className="chip chip-static">
                    {reason}
                  </li>
                ))}
              </ul>
              <div className="row">
                <button
                  type="button"
                  className="button"
                  disabled={busy === card.uid}
                  onClick={() => void respond(card, "pass")}
                >
                  Pass
                </button>
                <button
                  type="button"
                  className="button button-primary"
                  disabled={busy === card.uid}
                  onClick={() => void respond(card, "like")}
                >
                  Like
                </button>
                <button
                  type="button"
                  className="button"
                  disabled={busy === card.uid}
                  onClick={() => void respond(card, "super_like")}
                >
                  Super-like
                </button>
              </div>
            </article>
          ))}
        </div>
      )}
      {state.status === "ready" && state.nextCursor && (
        <button type="button" className="button" onClick={() => void load(state.nextCursor ?? undefined)}>
          More partners
        </button>
      )}
      <ClassRecommendations />
    </div>
  );
}

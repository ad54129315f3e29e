import { useState } from "react";
import { Outlet } from "react-router";
import { APPEALS_EMAIL, isRestricted, type Moderation } from "@numina/model";
import { signOut } from "../auth/authService";
import { useReadyProfile } from "../app/guards";
import { useLive, useTicker } from "../shared/hooks";
import { formatLocalDateTime } from "../shared/time";
import { Spinner } from "../shared/ui";
import { watchMyStanding } from "./moderationService";

/**
 * A suspended or banned member sees why, until when, and how to appeal, instead of any feature.
 * The rules and callables refuse them anyway; this screen is so they are told, not just refused.
 * It follows their standing live, so a suspension takes effect in an open session at once.
 */
export function RequireGoodStanding() {
  const { session } = useReadyProfile();
  const standing = useLive<Moderation | null>(`standing:${session.uid}`, (w) => watchMyStanding(session.uid, w));
  const restricted =
    standing.status === "ready" &&
    standing.value !== null &&
    isRestricted({ standing: standing.value.standing, untilMs: standing.value.until?.toMillis() ?? null }, Date.now());
  // While suspended, look again every second so the screen lifts itself when the time comes.
  useTicker(restricted);
  if (standing.status === "loading") return <Spinner label="Loading your account…" />;
  if (standing.status === "ready" && standing.value && restricted)
    return <SuspendedScreen moderation={standing.value} />;
  return <Outlet />;
}

function SuspendedScreen({ moderation }: { moderation: Moderation }) {
  const [signingOut, setSigningOut] = useState(false);
  const banned = moderation.standing === "banned";
  return (
    <div className="page narrow" data-testid="suspended">
      <section className="card stack">
        <h1>{banned ? "Your account is banned" : "Your account is suspended"}</h1>
        {!banned && moderation.until && (
          <p data-testid="suspended-until">
            Until <strong>{formatLocalDateTime(moderation.until.toMillis())}</strong>. After that, everything works
            again.
          </p>
        )}
        <p>
          Why: <span data-testid="suspended-reason">{moderation.reason}</span>
        </p>
        <p className="muted">
          While {banned ? "banned" : "suspended"} you cannot message, match, book classes or change your profile, and
          other members do not see you in Discover.
        </p>
        <p>
          If you think this is a mistake, write to <a href={`mailto:${APPEALS_EMAIL}`}>{APPEALS_EMAIL}</a> from the
          email address of your account. A moderator who was not involved reviews every appeal.
        </p>
        <div className="row">
          <button
            type="button"
            className="button"
            disabled={signingOut}
            onClick={() => {
              setSigningOut(true);
              void signOut();
            }}
          >
            Sign out
          </button>
        </div>
      </section>
    </div>
  );
}

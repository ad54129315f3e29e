import type { Connection } from "@numina/model";
import { useLive, useAction } from "../shared/hooks";
import { Alert } from "../shared/ui";
import { connectionChoices, connectionSummary, type Choice } from "./connectionChoices";
import { changeConnection, watchConnection, watchSocialCounts, type SocialCountsView } from "./socialStore";

const BUTTON_CLASS: Record<Choice["kind"], string> = {
  primary: "button button-small button-primary",
  plain: "button button-small",
  danger: "button button-small button-danger-outline",
};

/** Follow and friend buttons for another member, live as either side changes the pair. */
export function ConnectionButtons({ uid, otherUid }: { uid: string; otherUid: string }) {
  const connection = useLive<Connection | null>(`connection:${uid}:${otherUid}`, (w) =>
    watchConnection(uid, otherUid, w),
  );
  const action = useAction();
  if (connection.status === "loading") return null;
  if (connection.status === "error") return <Alert kind="error">{connection.message}</Alert>;
  const summary = connectionSummary(connection.value);
  return (
    <div className="connection-buttons" data-testid="connection-buttons">
      {summary && (
        <p className="muted" data-testid="connection-summary">
          {summary}
        </p>
      )}
      <div className="row">
        {connectionChoices(connection.value).map((choice) => (
          <button
            key={`${choice.action}:${choice.label}`}
            type="button"
            className={BUTTON_CLASS[choice.kind]}
            disabled={action.state.kind === "busy"}
            data-testid={`connection-${choice.action}`}
            onClick={() => action.run(() => changeConnection(otherUid, choice.action))}
          >
            {choice.label}
          </button>
        ))}
      </div>
      {action.state.kind === "error" && (
        <Alert kind="error" testId="connection-error">
          {action.state.message}
        </Alert>
      )}
    </div>
  );
}

/** "12 followers · 3 following · 5 friends", live. */
export function SocialCountsLine({ uid }: { uid: string }) {
  const counts = useLive<SocialCountsView>(`socialCounts:${uid}`, (w) => watchSocialCounts(uid, w));
  if (counts.status !== "ready") return null;
  const { followers, following, friends } = counts.value;
  return (
    <p className="muted" data-testid="social-counts">
      {plural(followers, "follower")} · {following} following · {plural(friends, "friend")}
    </p>
  );
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

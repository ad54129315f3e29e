import { useEffect, useState, type FormEvent } from "react";
import { Link } from "react-router";
import {
  ACTIVITY_AUDIENCES,
  FRIEND_REQUESTS_FROM,
  type ActivityAudience,
  type Connection,
  type FriendRequestsFrom,
} from "@numina/model";
import { useReadyProfile } from "../app/guards";
import { errorMessage } from "../shared/errors";
import { useLive } from "../shared/hooks";
import { usePeople } from "../shared/usePeople";
import type { Item } from "../shared/watch";
import { Alert, Spinner } from "../shared/ui";
import { ConnectionButtons, SocialCountsLine } from "./ConnectionPanel";
import {
  saveSocialSettings,
  watchConnectionList,
  watchSocialSettings,
  type ConnectionList,
  type SocialSettingsView,
} from "./socialStore";

/** How many of each list the page shows: the newest first. */
const LIST_SIZE = 50;

const TABS = [
  {
    id: "requests",
    label: "Requests",
    lists: ["friendRequests", "followRequests", "sentFriendRequests", "sentFollowRequests"],
  },
  { id: "friends", label: "Friends", lists: ["friends"] },
  { id: "followers", label: "Followers", lists: ["followers"] },
  { id: "following", label: "Following", lists: ["following"] },
] as const satisfies readonly { id: string; label: string; lists: readonly ConnectionList[] }[];
type TabId = (typeof TABS)[number]["id"];

const LIST_TITLE: Record<ConnectionList, string> = {
  friendRequests: "Friend requests",
  followRequests: "Asking to follow you",
  sentFriendRequests: "Friend requests you sent",
  sentFollowRequests: "Follow requests you sent",
  friends: "Friends",
  followers: "Followers",
  following: "Following",
};

const EMPTY_TEXT: Record<ConnectionList, string> = {
  friendRequests: "No friend requests waiting.",
  followRequests: "Nobody is waiting for your approval.",
  sentFriendRequests: "None waiting.",
  sentFollowRequests: "None waiting.",
  friends: "No friends yet. Add a training partner from their profile or your matches.",
  followers: "No followers yet.",
  following: "You do not follow anyone yet.",
};

/** The member's friends, followers, following and requests, live, with who may connect. */
export function ConnectionsPage() {
  const { session } = useReadyProfile();
  const [tab, setTab] = useState<TabId>("requests");
  const current = TABS.find((t) => t.id === tab) ?? TABS[0];

  return (
    <div className="page">
      <header className="page-header">
        <p className="eyebrow">Connections</p>
        <h1>Friends and followers</h1>
        <SocialCountsLine uid={session.uid} />
      </header>
      <div className="row" role="tablist" aria-label="Connections">
        {TABS.map((t) => (
          <button
            key={t.id}
            type="button"
            role="tab"
            aria-selected={t.id === tab}
            className={t.id === tab ? "button button-small button-primary" : "button button-small"}
            data-testid={`connections-tab-${t.id}`}
            onClick={() => setTab(t.id)}
          >
            {t.label}
          </button>
        ))}
      </div>
      {current.lists.map((list) => (
        <ConnectionListCard key={list} uid={session.uid} list={list} />
      ))}
      <SocialSettingsCard uid={session.uid} />
    </div>
  );
}

function ConnectionListCard({ uid, list }: { uid: string; list: ConnectionList }) {
  const items = useLive<Item<Connection>[]>(`connections:${uid}:${list}`, (w) =>
    watchConnectionList(uid, list, LIST_SIZE, w),
  );
  const names = usePeople(items.status === "ready" ? items.value.map((i) => i.id) : []);
  return (
    <section className="card" aria-label={LIST_TITLE[list]} data-testid={`connections-${list}`}>
      <h2 className="card-title">{LIST_TITLE[list]}</h2>
      {items.status === "loading" && <Spinner label="Loading…" />}
      {items.status === "error" && <Alert kind="error">{items.message}</Alert>}
      {items.status === "ready" && items.value.length === 0 && <p className="muted">{EMPTY_TEXT[list]}</p>}
      {items.status === "ready" && items.value.length > 0 && (
        <ul className="plain-list">
          {items.value.map((item) => (
            <li key={item.id} className="spread" data-testid="connection-row" data-uid={item.id}>
              <Link to={`/people/${item.id}`}>{names[item.id] ?? "…"}</Link>
              <ConnectionButtons uid={uid} otherUid={item.id} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

const REQUESTS_FROM_LABEL: Record<FriendRequestsFrom, string> = {
  everyone: "Anyone",
  matches: "Only my matches",
  nobody: "Nobody",
};

const AUDIENCE_LABEL: Record<ActivityAudience, string> = {
  public: "Friends and followers",
  friends: "Friends only",
  only_me: "Only me",
};

function SocialSettingsCard({ uid }: { uid: string }) {
  const settings = useLive<SocialSettingsView>(`socialSettings:${uid}`, (w) => watchSocialSettings(uid, w));
  const [draft, setDraft] = useState<SocialSettingsView | null>(null);
  const [state, setState] = useState<"idle" | "saving" | "saved" | { error: string }>("idle");
  useEffect(() => {
    if (settings.status === "ready") setDraft(settings.value);
  }, [settings]);

  if (settings.status === "loading" || !draft) return <Spinner label="Loading your settings…" />;
  if (settings.status === "error") return <Alert kind="error">{settings.message}</Alert>;

  async function save(event: FormEvent) {
    event.preventDefault();
    if (!draft) return;
    setState("saving");
    try {
      await saveSocialSettings(uid, draft);
      setState("saved");
    } catch (error) {
      setState({ error: errorMessage(error) });
    }
  }

  return (
    <form className="card" aria-label="Who can connect with you" onSubmit={(e) => void save(e)}>
      <h2 className="card-title">Who can connect with you</h2>
      <div className="field">
        <label>
          <input
            type="checkbox"
            checked={draft.approveFollowers}
            data-testid="approve-followers"
            onChange={(e) => setDraft({ ...draft, approveFollowers: e.target.checked })}
          />{" "}
          Approve new followers first (friends never need approval)
        </label>
      </div>
      <div className="field">
        <label htmlFor="friend-requests-from">Who can send you friend requests</label>
        <select
          id="friend-requests-from"
          value={draft.friendRequestsFrom}
          data-testid="friend-requests-from"
          onChange={(e) => setDraft({ ...draft, friendRequestsFrom: e.target.value as FriendRequestsFrom })}
        >
          {FRIEND_REQUESTS_FROM.map((value) => (
            <option key={value} value={value}>
              {REQUESTS_FROM_LABEL[value]}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="activity-audience">Who sees your activity (classes you attend)</label>
        <select
          id="activity-audience"
          value={draft.activityAudience}
          data-testid="activity-audience"
          onChange={(e) => setDraft({ ...draft, activityAudience: e.target.value as ActivityAudience })}
        >
          {ACTIVITY_AUDIENCES.map((value) => (
            <option key={value} value={value}>
              {AUDIENCE_LABEL[value]}
            </option>
          ))}
        </select>
      </div>
      {state === "saved" && (
        <Alert kind="success" testId="social-settings-saved">
          Saved.
        </Alert>
      )}
      {typeof state === "object" && <Alert kind="error">{state.error}</Alert>}
      <button type="submit" className="button button-primary" disabled={state === "saving"}>
        Save
      </button>
    </form>
  );
}

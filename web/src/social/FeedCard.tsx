import { useState } from "react";
import { Link } from "react-router";
import type { FeedEntry } from "@numina/model";
import { useLive } from "../shared/hooks";
import { usePeople } from "../shared/usePeople";
import type { Item } from "../shared/watch";
import { Alert, Spinner } from "../shared/ui";
import { watchFeed } from "./socialStore";

/** Entries per page: each page is one query of this size, however many people the member follows. */
const PAGE = 10;

/** What friends and followed members did, newest first, live. */
export function FeedCard({ uid }: { uid: string }) {
  const [pages, setPages] = useState(1);
  const feed = useLive<Item<FeedEntry>[]>(`feed:${uid}:${pages}`, (w) => watchFeed(uid, pages * PAGE, w));
  const names = usePeople(feed.status === "ready" ? feed.value.map((e) => e.data.authorId) : []);
  return (
    <section className="card" aria-label="Activity" data-testid="feed">
      <h2 className="card-title">Activity</h2>
      {feed.status === "loading" && <Spinner label="Loading activity…" />}
      {feed.status === "error" && <Alert kind="error">{feed.message}</Alert>}
      {feed.status === "ready" && feed.value.length === 0 && (
        <p className="muted">
          Nothing yet. When your <Link to="/connections">friends</Link> attend classes, you will see it here.
        </p>
      )}
      {feed.status === "ready" && feed.value.length > 0 && (
        <ul className="plain-list">
          {feed.value.map(({ id, data }) => (
            <li key={id} data-testid="feed-entry" data-author={data.authorId}>
              <Link to={data.authorId === uid ? "/profile" : `/people/${data.authorId}`}>
                {data.authorId === uid ? "You" : (names[data.authorId] ?? "…")}
              </Link>{" "}
              attended <Link to={`/classes/${data.subject.classId}`}>{data.subject.classTitle}</Link>{" "}
              <span className="muted">· {new Date(data.createdAt.toMillis()).toLocaleDateString()}</span>
            </li>
          ))}
        </ul>
      )}
      {feed.status === "ready" && feed.value.length === pages * PAGE && (
        <button type="button" className="button button-small" onClick={() => setPages(pages + 1)}>
          Show more
        </button>
      )}
    </section>
  );
}

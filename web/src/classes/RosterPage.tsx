import { useState } from "react";
import { Link, useParams } from "react-router";
import { cityById } from "@numina/model";
import { errorMessage } from "../shared/errors";
import { usePeople } from "../shared/usePeople";
import { humanize } from "../shared/format";
import { Alert, Spinner } from "../shared/ui";
import { CancelClassButton } from "./CancelClassButton";
import { ClassTime, SeatBadge } from "./ClassCard";
import type { ClassItem } from "./classesStore";
import { useClass, useRoster } from "./hooks";
import { checkInOpen, rosterSections, type RosterRow } from "./roster";
import { markAttendance, removeAttendee } from "./rsvpService";
import { attendeeStatusLabel } from "./seats";

export function RosterPage() {
  const { classId = "" } = useParams();
  const cls = useClass(classId);
  if (cls.status === "loading") return <Spinner label="Loading class…" />;
  if (cls.status === "error") return <Alert kind="error">{cls.message}</Alert>;
  if (!cls.value) {
    return (
      <div className="page narrow">
        <Alert kind="error" testId="class-missing">
          This class does not exist.
        </Alert>
      </div>
    );
  }
  return <Roster item={cls.value} />;
}

function Roster({ item }: { item: ClassItem }) {
  const { data } = item;
  const roster = useRoster(item.id);
  const rows = roster.status === "ready" ? roster.value : [];
  const people = usePeople(rows.map((r) => r.uid));
  const sections = rosterSections(rows);
  const startsAtMs = data.startsAt.toMillis();
  const nowMs = Date.now();
  const canCheckIn = data.status === "scheduled" && checkInOpen(startsAtMs, nowMs);
  const canRemove = data.status === "scheduled" && startsAtMs > nowMs;

  return (
    <div className="page">
      <p>
        <Link to="/instructor">← My classes</Link>
      </p>
      <header className="page-header row spread">
        <div>
          <p className="eyebrow">
            Roster · {humanize(data.level)} · {cityById(data.city)?.name ?? data.city}
          </p>
          <h1 data-testid="roster-title">{data.title}</h1>
          <p className="muted">
            <ClassTime ms={startsAtMs} city={data.city} withDate /> · {data.location.name} · <SeatBadge item={item} />
          </p>
        </div>
        {data.status === "scheduled" && <ClassActions item={item} />}
      </header>

      {data.status === "cancelled" && (
        <Alert kind="warning" testId="class-cancelled">
          This class was cancelled. Everyone on the roster was notified.
        </Alert>
      )}
      {data.status === "scheduled" && !canCheckIn && startsAtMs > nowMs && (
        <Alert kind="info">Check-in opens an hour before the class.</Alert>
      )}

      {roster.status === "loading" && <Spinner label="Loading the roster…" />}
      {roster.status === "error" && (
        <Alert kind="error" testId="roster-error">
          {roster.message}
        </Alert>
      )}
      {roster.status === "ready" && (
        <>
          <RosterSection
            title={`Confirmed (${data.confirmedCount} of ${data.capacity})`}
            empty="Nobody has signed up yet."
            rows={sections.seated}
            item={item}
            people={people}
            canCheckIn={canCheckIn}
            canRemove={canRemove}
            testId="roster-seated"
          />
          <RosterSection
            title={`Waitlist (${sections.waiting.length})`}
            empty="Nobody is waiting."
            rows={sections.waiting}
            item={item}
            people={people}
            canCheckIn={false}
            canRemove={canRemove}
            testId="roster-waiting"
          />
          {sections.left.length > 0 && (
            <RosterSection
              title={`Left (${sections.left.length})`}
              empty=""
              rows={sections.left}
              item={item}
              people={people}
              canCheckIn={false}
              canRemove={false}
              testId="roster-left"
            />
          )}
        </>
      )}
    </div>
  );
}

function ClassActions({ item }: { item: ClassItem }) {
  return (
    <div className="row">
      <Link to={`/classes/${item.id}`} className="button button-small">
        Member view
      </Link>
      <Link to={`/instructor/classes/${item.id}/edit`} className="button button-small">
        Edit
      </Link>
      <CancelClassButton item={item} />
    </div>
  );
}

function RosterSection({
  title,
  empty,
  rows,
  item,
  people,
  canCheckIn,
  canRemove,
  testId,
}: {
  title: string;
  empty: string;
  rows: RosterRow[];
  item: ClassItem;
  people: Record<string, string>;
  canCheckIn: boolean;
  canRemove: boolean;
  testId: string;
}) {
  return (
    <section className="stack" aria-label={title}>
      <h2 className="section-title">{title}</h2>
      {rows.length === 0 ? (
        <p className="card muted">{empty}</p>
      ) : (
        <ul className="plain-list card" data-testid={testId}>
          {rows.map((row) => (
            <AttendeeRow
              key={row.attendee.uid}
              row={row}
              item={item}
              name={people[row.attendee.uid]}
              canCheckIn={canCheckIn}
              canRemove={canRemove}
            />
          ))}
        </ul>
      )}
    </section>
  );
}

function AttendeeRow({
  row,
  item,
  name,
  canCheckIn,
  canRemove,
}: {
  row: RosterRow;
  item: ClassItem;
  name: string | undefined;
  canCheckIn: boolean;
  canRemove: boolean;
}) {
  const { attendee, waitlistPosition } = row;
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const displayName = name ?? "…";
  const active = attendee.status === "confirmed" || attendee.status === "waitlisted";

  async function run(label: string, action: () => Promise<void>) {
    setBusy(label);
    setError(null);
    try {
      await action();
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(null);
    }
  }

  return (
    <li className="schedule-row" data-testid={`roster-row-${attendee.uid}`}>
      <div>
        <span className="user-cell-name">
          {waitlistPosition !== null && <span className="position">#{waitlistPosition}</span>} {displayName}
        </span>
        <p className="hint">Joined {new Date(attendee.joinedAt.toMillis()).toLocaleString("en-GB")}</p>
        {error && (
          <p className="field-error" role="alert">
            {error}
          </p>
        )}
      </div>
      <div className="row">
        <span className={`status-pill status-${attendee.status}`} data-testid={`roster-status-${attendee.uid}`}>
          {attendeeStatusLabel(attendee.status)}
        </span>
        {canCheckIn && attendee.status !== "waitlisted" && attendee.status !== "cancelled" && (
          <>
            <button
              type="button"
              className="button button-small"
              disabled={busy !== null || attendee.status === "attended"}
              aria-label={`Mark ${displayName} attended`}
              onClick={() => void run("attended", () => markAttendance(item.id, attendee.uid, "attended"))}
            >
              {busy === "attended" ? "Saving…" : "Attended"}
            </button>
            <button
              type="button"
              className="button button-small"
              disabled={busy !== null || attendee.status === "no_show"}
              aria-label={`Mark ${displayName} as a no-show`}
              onClick={() => void run("no_show", () => markAttendance(item.id, attendee.uid, "no_show"))}
            >
              {busy === "no_show" ? "Saving…" : "No-show"}
            </button>
          </>
        )}
        {canRemove && active && (
          <button
            type="button"
            className="button button-small button-danger-outline"
            disabled={busy !== null}
            aria-label={`Remove ${displayName}`}
            onClick={() => void run("remove", () => removeAttendee(item.id, attendee.uid))}
          >
            {busy === "remove" ? "Removing…" : "Remove"}
          </button>
        )}
      </div>
    </li>
  );
}

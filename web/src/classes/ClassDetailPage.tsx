import { useEffect, useState } from "react";
import { Link, useParams } from "react-router";
import { cityById, type Attendee, type MyRsvpResponse, type Role } from "@numina/model";
import { useReadyProfile } from "../app/guards";
import { errorMessage } from "../shared/errors";
import { ClassChatLink } from "../messaging/ClassChatLink";
import { PartnerFeedbackPanel } from "../partnerFeedback/PartnerFeedbackPanel";
import { ClassReviews } from "../reviews/ClassReviews";
import { humanize } from "../shared/format";
import { Alert, Spinner } from "../shared/ui";
import { usePeople } from "../shared/usePeople";
import { ClassTime, SeatBadge } from "./ClassCard";
import type { ClassItem } from "./classesStore";
import { useClass, useMyAttendee } from "./hooks";
import { cancelRsvp, getMyRsvp, rsvpClass } from "./rsvpService";
import { seatsLeft, waitlistText } from "./seats";

export function ClassDetailPage() {
  const { classId = "" } = useParams();
  const { session } = useReadyProfile();
  const cls = useClass(classId);

  if (cls.status === "loading") return <Spinner label="Loading class…" />;
  if (cls.status === "error") {
    return (
      <div className="page narrow">
        <Alert kind="error" testId="class-error">
          {cls.message}
        </Alert>
      </div>
    );
  }
  if (!cls.value) {
    return (
      <div className="page narrow">
        <section className="card stack center-text" data-testid="class-missing">
          <h1>Class not found</h1>
          <p className="muted">It may have been removed.</p>
          <Link to="/classes" className="button">
            Browse classes
          </Link>
        </section>
      </div>
    );
  }
  const item = cls.value;
  const canManage =
    session.role === "admin" || (session.role === "instructor" && item.data.instructorId === session.uid);
  return <ClassDetail item={item} uid={session.uid} role={session.role} canManage={canManage} />;
}

function ClassDetail({ item, uid, role, canManage }: { item: ClassItem; uid: string; role: Role; canManage: boolean }) {
  const { data } = item;
  const people = usePeople([data.instructorId]);
  const city = cityById(data.city);
  const startsAtMs = data.startsAt.toMillis();

  return (
    <div className="page narrow">
      <p>
        <Link to="/classes">← All classes</Link>
      </p>
      <header className="page-header">
        <p className="eyebrow">
          {humanize(data.level)} · {city?.name ?? data.city}
        </p>
        <h1 data-testid="class-title">{data.title}</h1>
        <p className="muted">
          with{" "}
          <Link to={`/instructors/${data.instructorId}`} data-testid="class-instructor">
            {people[data.instructorId] ?? "…"}
          </Link>
        </p>
      </header>

      {data.status === "cancelled" && (
        <Alert kind="warning" testId="class-cancelled">
          This class was cancelled. Everyone who signed up has been told.
        </Alert>
      )}

      <section className="card stack" aria-label="Class details">
        <dl className="facts">
          <div>
            <dt>When</dt>
            <dd>
              <ClassTime ms={startsAtMs} city={data.city} withDate />
            </dd>
          </div>
          <div>
            <dt>Duration</dt>
            <dd>{data.durationMinutes} minutes</dd>
          </div>
          <div>
            <dt>Where</dt>
            <dd>
              {data.location.name}
              {data.location.address && <span className="hint"> · {data.location.address}</span>}
            </dd>
          </div>
          <div>
            <dt>Seats</dt>
            <dd>
              <SeatBadge item={item} />
            </dd>
          </div>
        </dl>
        {data.description && <p className="bio">{data.description}</p>}
        {data.tags.length > 0 && (
          <ul className="chips" aria-label="Tags">
            {data.tags.map((tag) => (
              <li key={tag} className="chip chip-static">
                {humanize(tag)}
              </li>
            ))}
          </ul>
        )}
      </section>

      {data.status === "scheduled" && <RsvpPanel item={item} uid={uid} />}

      <ClassChatLink classId={item.id} uid={uid} />

      <ClassReviews item={item} uid={uid} role={role} instructorName={people[data.instructorId]} />

      <PartnerFeedbackPanel item={item} />

      {canManage && (
        <section className="card row" aria-label="Manage">
          <span className="muted">
            {data.instructorId === uid ? "You run this class." : "You manage classes as an admin."}
          </span>
          <Link to={`/instructor/classes/${item.id}`} className="button button-small">
            Roster and check-in
          </Link>
          {data.status === "scheduled" && (
            <Link to={`/instructor/classes/${item.id}/edit`} className="button button-small">
              Edit class
            </Link>
          )}
        </section>
      )}
    </div>
  );
}

/** Whether the member has a seat, their place in line, and the one button that changes it. */
function RsvpPanel({ item, uid }: { item: ClassItem; uid: string }) {
  const { data } = item;
  const me = useMyAttendee(item.id, uid);
  // The action in flight: its button keeps saying so even if the live row changes before the call returns.
  const [busy, setBusy] = useState<"join" | "leave" | null>(null);
  const [error, setError] = useState<string | null>(null);
  const row: Attendee | null = me.status === "ready" ? me.value : null;
  const status = row?.status ?? "none";

  // Positions are computed by the server, so ask again whenever the line may have moved: the
  // member's own row changed, or someone joined or left (the class's counts changed).
  const lineKey = `${status}:${row?.ticket ?? 0}:${data.capacity}:${data.confirmedCount}:${data.waitlistCount}`;
  const [position, setPosition] = useState<MyRsvpResponse | null>(null);
  useEffect(() => {
    if (status !== "waitlisted") return;
    let cancelled = false;
    getMyRsvp(item.id)
      .then((value) => !cancelled && setPosition(value))
      .catch((err: unknown) => !cancelled && setError(errorMessage(err)));
    return () => {
      cancelled = true;
    };
  }, [item.id, status, lineKey]);
  // Until the new answer arrives, the last known position is a better guess than nothing.
  const waitlistPosition = position?.status === "waitlisted" ? position.waitlistPosition : undefined;

  const started = data.startsAt.toMillis() <= Date.now();
  const full = seatsLeft(data) === 0;

  const action: "join" | "leave" | null =
    busy ??
    (status === "none" || status === "cancelled"
      ? "join"
      : status === "confirmed" || status === "waitlisted"
        ? "leave"
        : null);

  async function run(kind: "join" | "leave", call: () => Promise<unknown>) {
    setBusy(kind);
    setError(null);
    try {
      await call();
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(null);
    }
  }

  if (me.status === "loading") return <Spinner label="Checking your place…" />;

  return (
    <section className="card stack rsvp-panel" aria-label="Your place" data-testid="rsvp-panel">
      {me.status === "error" && <Alert kind="error">{me.message}</Alert>}
      {status === "confirmed" && (
        <p className="rsvp-state rsvp-confirmed" data-testid="rsvp-confirmed">
          You're confirmed. See you there!
        </p>
      )}
      {status === "waitlisted" && (
        <p className="rsvp-state rsvp-waitlisted" data-testid="rsvp-waitlisted">
          {waitlistPosition ? waitlistText(waitlistPosition) : "You're on the waitlist"}
          <span className="hint"> You'll get a seat automatically if one frees up.</span>
        </p>
      )}
      {status === "attended" && (
        <p className="rsvp-state rsvp-confirmed" data-testid="rsvp-attended">
          You attended this class.
        </p>
      )}
      {status === "no_show" && (
        <p className="rsvp-state" data-testid="rsvp-no-show">
          You were marked as not attending this class.
        </p>
      )}
      {(status === "none" || status === "cancelled") && (
        <p className="rsvp-state" data-testid="rsvp-none">
          {started
            ? "This class has started."
            : full
              ? "This class is full. Join the waitlist and you'll get a seat if one frees up."
              : "Save your spot."}
        </p>
      )}

      {!started && action && (
        <div className="row">
          <button
            type="button"
            className={action === "join" ? "button button-primary" : "button"}
            disabled={busy !== null}
            onClick={() => void run(action, () => (action === "join" ? rsvpClass(item.id) : cancelRsvp(item.id)))}
          >
            {busy === "join"
              ? "Joining…"
              : busy === "leave"
                ? "Leaving…"
                : action === "join"
                  ? full
                    ? "Join waitlist"
                    : "Join"
                  : status === "waitlisted"
                    ? "Leave waitlist"
                    : "Leave class"}
          </button>
        </div>
      )}
      {error && (
        <Alert kind="error" testId="rsvp-error">
          {error}
        </Alert>
      )}
    </section>
  );
}

import { useMemo } from "react";
import { Link } from "react-router";
import { attendanceStats, type AttendanceRecord, type Attendee } from "@numina/model";
import { useReadyProfile } from "../app/guards";
import { Alert, Spinner } from "../shared/ui";
import { useMyAttendance, useMyUpcoming } from "./hooks";
import { browserTimeZone, formatLocalDateTime } from "../shared/time";

export function SchedulePage() {
  const { session } = useReadyProfile();
  const upcoming = useMyUpcoming(session.uid);
  const history = useMyAttendance(session.uid);

  return (
    <div className="page">
      <header className="page-header">
        <p className="eyebrow">Classes</p>
        <h1>My schedule</h1>
        <p className="muted">Classes you're booked on or waiting for, and the ones you've been to.</p>
      </header>

      <div className="grid">
        <section className="stack" aria-labelledby="upcoming-heading">
          <h2 id="upcoming-heading" className="section-title">
            Coming up
          </h2>
          {upcoming.status === "loading" && <Spinner label="Loading your classes…" />}
          {upcoming.status === "error" && <Alert kind="error">{upcoming.message}</Alert>}
          {upcoming.status === "ready" && <UpcomingList rows={upcoming.value} />}
        </section>

        <section className="stack" aria-labelledby="history-heading" data-testid="attendance-history">
          <h2 id="history-heading" className="section-title">
            Attendance
          </h2>
          {history.status === "loading" && <Spinner label="Loading your history…" />}
          {history.status === "error" && <Alert kind="error">{history.message}</Alert>}
          {history.status === "ready" && <History records={history.value} />}
        </section>
      </div>
    </div>
  );
}

export function UpcomingList({ rows, compact }: { rows: Attendee[]; compact?: boolean }) {
  if (rows.length === 0) {
    return (
      <div className={compact ? "" : "card empty-state"} data-testid="schedule-empty">
        <p className="muted">You haven't signed up for any classes yet.</p>
        {!compact && (
          <Link to="/classes" className="button button-primary">
            Find a class
          </Link>
        )}
      </div>
    );
  }
  return (
    <ul className={compact ? "plain-list" : "plain-list card"} data-testid="schedule-upcoming">
      {rows.map((row) => (
        <li key={row.classId} className="schedule-row">
          <div>
            <Link to={`/classes/${row.classId}`} className="class-link">
              {row.classTitle}
            </Link>
            <p className="hint">{formatLocalDateTime(row.classStartsAt.toMillis())}</p>
          </div>
          <span className={`status-pill status-${row.status}`}>
            {row.status === "confirmed" ? "Confirmed" : "Waitlist"}
          </span>
        </li>
      ))}
    </ul>
  );
}

function History({ records }: { records: AttendanceRecord[] }) {
  const stats = useMemo(
    () =>
      attendanceStats(
        records.map((r) => ({ status: r.status, classStartsAtMs: r.classStartsAt.toMillis() })),
        Date.now(),
        browserTimeZone(),
      ),
    [records],
  );
  return (
    <>
      <dl className="stats" data-testid="attendance-stats">
        <div>
          <dt>This month</dt>
          <dd data-testid="stat-month">
            {stats.attendedThisMonth} {stats.attendedThisMonth === 1 ? "class" : "classes"}
          </dd>
        </div>
        <div>
          <dt>Weekly streak</dt>
          <dd data-testid="stat-streak">
            {stats.weeklyStreak} {stats.weeklyStreak === 1 ? "week" : "weeks"}
          </dd>
        </div>
        <div>
          <dt>All time</dt>
          <dd data-testid="stat-total">
            {stats.totalAttended} {stats.totalAttended === 1 ? "class" : "classes"}
          </dd>
        </div>
      </dl>
      {records.length === 0 ? (
        <p className="muted card" data-testid="history-empty">
          No classes yet. Your instructor checks you in at the class.
        </p>
      ) : (
        <ul className="plain-list card" data-testid="history-list">
          {records.map((record) => (
            <li key={record.classId} className="schedule-row">
              <div>
                <Link to={`/classes/${record.classId}`} className="class-link">
                  {record.classTitle}
                </Link>
                <p className="hint">{formatLocalDateTime(record.classStartsAt.toMillis())}</p>
              </div>
              <span className={`status-pill status-${record.status}`}>
                {record.status === "attended" ? "Attended" : "Missed"}
              </span>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

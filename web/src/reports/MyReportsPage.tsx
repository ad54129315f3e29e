import { useReadyProfile } from "../app/guards";
import { humanize } from "../shared/format";
import { useLive } from "../shared/hooks";
import { formatLocalDateTime } from "../shared/time";
import { Alert, Spinner } from "../shared/ui";
import { usePeople } from "../shared/usePeople";
import { REPORT_STATUS_TEXT, watchMyReports, type MyReportItem } from "./reportService";

/** The reports a member filed, newest first, each with where it stands. */
export function MyReportsPage() {
  const { session } = useReadyProfile();
  const reports = useLive<MyReportItem[]>(`reports:mine:${session.uid}`, (w) => watchMyReports(session.uid, w));
  const people = usePeople(reports.status === "ready" ? reports.value.map((r) => r.data.subjectUid) : []);

  return (
    <div className="page">
      <header className="page-header">
        <h1>Your reports</h1>
        <p className="muted">
          Only you and our moderators see these. The member you reported is not told who reported them.
        </p>
      </header>
      {reports.status === "loading" && <Spinner label="Loading your reports…" />}
      {reports.status === "error" && <Alert kind="error">{reports.message}</Alert>}
      {reports.status === "ready" && reports.value.length === 0 && (
        <section className="card empty-state" data-testid="my-reports-empty">
          <h2 className="card-title">You have not reported anyone</h2>
        </section>
      )}
      {reports.status === "ready" && reports.value.length > 0 && (
        <ul className="plain-list card" data-testid="my-reports">
          {reports.value.map(({ id, data }) => (
            <li key={id} className="schedule-row" data-testid="my-report">
              <div className="stack">
                <strong>
                  {data.subjectKind === "message" ? "A message from " : ""}
                  {people[data.subjectUid] ?? "a member"} · {humanize(data.reason.replace(/_/g, "-"))}
                </strong>
                <span className="muted">Filed {formatLocalDateTime(data.createdAt.toMillis())}</span>
              </div>
              <span className="badge" data-testid="my-report-status">
                {REPORT_STATUS_TEXT[data.status]}
              </span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

import { useState } from "react";
import { Link } from "react-router";
import { useReadyProfile } from "../app/guards";
import { useLive } from "../shared/hooks";
import { usePeople } from "../shared/usePeople";
import { errorMessage } from "../shared/errors";
import { humanize } from "../shared/format";
import { Alert, Spinner } from "../shared/ui";
import { closeReport, watchOpenReports, type ReportItem } from "./reportsStore";

/** Admins: the review queue of open reports, oldest first; each is actioned or dismissed. */
export function ReportsPage() {
  const { session } = useReadyProfile();
  const reports = useLive<ReportItem[]>("reports:open", (w) => watchOpenReports(w));
  const people = usePeople(
    reports.status === "ready" ? reports.value.flatMap((r) => [r.data.reporterId, r.data.subjectUid]) : [],
  );
  const [error, setError] = useState<string | null>(null);
  const close = (id: string, status: "actioned" | "dismissed") =>
    void closeReport(id, session.uid, status).catch((e: unknown) => setError(errorMessage(e)));

  return (
    <div className="page">
      <header className="page-header">
        <p className="eyebrow">Admin</p>
        <h1>Reports</h1>
      </header>
      {error && <Alert kind="error">{error}</Alert>}
      {reports.status === "loading" && <Spinner label="Loading reports…" />}
      {reports.status === "error" && <Alert kind="error">{reports.message}</Alert>}
      {reports.status === "ready" && reports.value.length === 0 && (
        <section className="card empty-state" data-testid="reports-empty">
          <h2 className="card-title">Nothing to review</h2>
        </section>
      )}
      {reports.status === "ready" && reports.value.length > 0 && (
        <ul className="plain-list card" data-testid="reports-list">
          {reports.value.map(({ id, data }) => (
            <li key={id} className="schedule-row" data-testid="report-row">
              <div className="stack">
                <strong>
                  <Link to={`/people/${data.subjectUid}`}>{people[data.subjectUid] ?? data.subjectUid}</Link> ·{" "}
                  {humanize(data.reason.replace(/_/g, "-"))}
                </strong>
                <span className="muted">
                  Reported by {people[data.reporterId] ?? data.reporterId} on{" "}
                  {new Date(data.createdAt.toMillis()).toLocaleString()}
                </span>
                {data.details && <p>{data.details}</p>}
                {data.messageText && <blockquote>{data.messageText}</blockquote>}
              </div>
              <div className="row">
                <button
                  type="button"
                  className="button button-small button-danger"
                  onClick={() => close(id, "actioned")}
                >
                  Actioned
                </button>
                <button type="button" className="button button-small" onClick={() => close(id, "dismissed")}>
                  Dismiss
                </button>
              </div>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

import { useState, type FormEvent } from "react";
import { Link } from "react-router";
import { useLive } from "../shared/hooks";
import { usePeople } from "../shared/usePeople";
import { errorMessage } from "../shared/errors";
import { humanize } from "../shared/format";
import { Alert, Spinner } from "../shared/ui";
import { dismissReport, moderateMember, takeDownMessage } from "../moderation/moderationService";
import { SYSTEM_REPORTER_ID } from "@numina/model";
import { watchOpenReports, type ReportItem } from "./reportsStore";

/** Admins: the review queue of open reports, oldest first; each is acted on with a reason, or dismissed. */
export function ReportsPage() {
  const reports = useLive<ReportItem[]>("reports:open", (w) => watchOpenReports(w));
  const people = usePeople(
    reports.status === "ready"
      ? reports.value.flatMap((r) => [r.data.reporterId, r.data.subjectUid]).filter((uid) => uid !== SYSTEM_REPORTER_ID)
      : [],
  );
  const reporterName = (uid: string) => (uid === SYSTEM_REPORTER_ID ? "Numina (automatic)" : (people[uid] ?? uid));

  return (
    <div className="page">
      <header className="page-header">
        <p className="eyebrow">Admin</p>
        <h1>Reports</h1>
      </header>
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
            <li key={id} className="stack report-row" data-testid="report-row">
              <div className="stack">
                <strong>
                  <Link to={`/people/${data.subjectUid}`}>{people[data.subjectUid] ?? data.subjectUid}</Link> ·{" "}
                  {humanize(data.reason.replace(/_/g, "-"))}
                  {data.subjectKind === "message" ? " · a message" : ""}
                </strong>
                <span className="muted">
                  Reported by {reporterName(data.reporterId)} on {new Date(data.createdAt.toMillis()).toLocaleString()}
                </span>
                {data.details && <p>{data.details}</p>}
                {data.messageText && <blockquote data-testid="reported-text">{data.messageText}</blockquote>}
              </div>
              <ReportActions reportId={id} report={data} />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

type Action = "suspend" | "ban" | "takeDown" | "dismiss";

const ACTION_LABEL: Record<Action, string> = {
  suspend: "Suspend the member",
  ban: "Ban the member",
  takeDown: "Take the message down",
  dismiss: "Dismiss: no action",
};

/** One report's decision: the action, a suspension's length, and the reason (audit log; shown to a suspended member). */
function ReportActions({ reportId, report }: { reportId: string; report: ReportItem["data"] }) {
  const actions: Action[] =
    report.subjectKind === "message" ? ["takeDown", "suspend", "ban", "dismiss"] : ["suspend", "ban", "dismiss"];
  const [action, setAction] = useState<Action>(actions[0]!);
  const [days, setDays] = useState(7);
  const [reason, setReason] = useState("");
  const [state, setState] = useState<{ kind: "idle" | "busy" } | { kind: "error"; message: string }>({ kind: "idle" });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setState({ kind: "busy" });
    const uid = report.subjectUid;
    const run =
      action === "suspend"
        ? moderateMember({ action, uid, days, reason, reportId })
        : action === "ban"
          ? moderateMember({ action, uid, reason, reportId })
          : action === "takeDown"
            ? takeDownMessage({ reportId, reason })
            : dismissReport({ reportId, reason });
    // On success the report leaves the open queue and this form with it.
    run.catch((e: unknown) => setState({ kind: "error", message: errorMessage(e) }));
  };

  return (
    <form className="row report-actions" onSubmit={submit} aria-label="Act on this report">
      <label>
        Action
        <select value={action} onChange={(e) => setAction(e.target.value as Action)} data-testid="report-action">
          {actions.map((a) => (
            <option key={a} value={a}>
              {ACTION_LABEL[a]}
            </option>
          ))}
        </select>
      </label>
      {action === "suspend" && (
        <label>
          Days
          <input
            type="number"
            min={1}
            max={365}
            value={days}
            onChange={(e) => setDays(Number(e.target.value))}
            data-testid="report-days"
          />
        </label>
      )}
      <label>
        Reason {action === "suspend" || action === "ban" ? "(the member sees this)" : "(for the audit log)"}
        <input
          required
          maxLength={500}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          data-testid="report-reason"
        />
      </label>
      <button
        type="submit"
        className="button button-small button-danger"
        disabled={state.kind === "busy" || !reason.trim()}
        data-testid="report-decide"
      >
        {state.kind === "busy" ? "Working…" : "Apply"}
      </button>
      {state.kind === "error" && <Alert kind="error">{state.message}</Alert>}
    </form>
  );
}

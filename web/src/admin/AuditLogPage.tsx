import type { AuditAction } from "@numina/model";
import { Link } from "react-router";
import { useLive } from "../shared/hooks";
import { formatLocalDateTime } from "../shared/time";
import { Alert, Spinner } from "../shared/ui";
import { usePeople } from "../shared/usePeople";
import { AUDIT_PAGE_SIZE, watchAuditLog, type AuditItem } from "./auditStore";

const ACTION_LABEL: Record<AuditAction, string> = {
  "role.set": "Changed role",
  "member.suspended": "Suspended",
  "member.banned": "Banned",
  "member.reinstated": "Reinstated",
  "message.taken_down": "Took down a message",
  "comment.taken_down": "Took down a comment",
  "report.dismissed": "Dismissed a report",
  "review.published": "Kept a held or reported review",
  "review.hidden": "Hid a review",
  "review.removed": "Removed a review",
  "account.export_requested": "Asked for a data export",
  "account.deletion_requested": "Asked to delete the account",
  "account.deletion_cancelled": "Cancelled the account deletion",
  "account.deleted": "Deleted the account",
};

/** What changed, in words: "member → instructor", "until 8 Dec 10:00". */
function change(entry: AuditItem["data"]): string {
  const { before, after } = entry;
  if (entry.action === "role.set") return `${String(before["role"])} → ${String(after["role"])}`;
  if (entry.action === "member.suspended" && typeof after["until"] === "string") {
    return `until ${formatLocalDateTime(Date.parse(after["until"]))}`;
  }
  return "";
}

/** Admins: every privileged action, who did it, to whom, why and when. */
export function AuditLogPage() {
  const entries = useLive<AuditItem[]>("audit:latest", (w) => watchAuditLog(w));
  const people = usePeople(entries.status === "ready" ? entries.value.map((e) => e.data.targetUid) : []);

  return (
    <div className="page">
      <header className="page-header">
        <p className="eyebrow">Admin</p>
        <h1>Audit log</h1>
        <p className="muted">The latest {AUDIT_PAGE_SIZE} role changes and moderation actions, newest first.</p>
      </header>
      {entries.status === "loading" && <Spinner label="Loading the audit log…" />}
      {entries.status === "error" && <Alert kind="error">{entries.message}</Alert>}
      {entries.status === "ready" && entries.value.length === 0 && (
        <section className="card empty-state">
          <h2 className="card-title">Nothing yet</h2>
        </section>
      )}
      {entries.status === "ready" && entries.value.length > 0 && (
        <ul className="plain-list card" data-testid="audit-log">
          {entries.value.map(({ id, data }) => (
            <li key={id} className="schedule-row" data-testid="audit-entry">
              <div className="stack">
                <strong>
                  {ACTION_LABEL[data.action]}{" "}
                  <Link to={`/people/${data.targetUid}`}>{people[data.targetUid] ?? data.targetUid}</Link>{" "}
                  {change(data)}
                </strong>
                {data.reason && <span data-testid="audit-reason">“{data.reason}”</span>}
                <span className="muted">
                  by {data.actorLabel} · {formatLocalDateTime(data.at.toMillis())}
                </span>
              </div>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** Small presentational pieces shared by every feature. */
import { useEffect, useRef, type ReactNode } from "react";
import { CITIES, REPORT_REASONS, type Role } from "@numina/model";
import { humanize } from "./format";

export function Spinner({ label }: { label: string }) {
  return (
    <div className="spinner-block" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" />
      <span>{label}</span>
    </div>
  );
}

export function Alert({
  kind,
  children,
  testId,
}: {
  kind: "error" | "success" | "info" | "warning";
  children: ReactNode;
  testId?: string;
}) {
  return (
    <div className={`alert alert-${kind}`} role={kind === "error" ? "alert" : "status"} data-testid={testId}>
      {children}
    </div>
  );
}

const ROLE_LABEL: Record<Role, string> = { admin: "Admin", instructor: "Instructor", member: "Member" };

export function RoleBadge({ role, testId }: { role: Role; testId?: string }) {
  return (
    <span className={`badge badge-${role}`} data-testid={testId} data-role={role}>
      {ROLE_LABEL[role]}
    </span>
  );
}

export function roleLabel(role: Role): string {
  return ROLE_LABEL[role];
}

/** <option>s for a catalog vocabulary (levels, interests), labelled for people. */
export function VocabularyOptions({ values }: { values: readonly string[] }) {
  return values.map((value) => (
    <option key={value} value={value}>
      {humanize(value)}
    </option>
  ));
}

/** <option>s for the reasons a member can give when reporting someone or something. */
export function ReportReasonOptions() {
  return REPORT_REASONS.map((reason) => (
    <option key={reason} value={reason}>
      {humanize(reason.replace(/_/g, "-"))}
    </option>
  ));
}

/** <option>s for the catalog's cities, by id, labelled with their names. */
export function CityOptions() {
  return CITIES.map((city) => (
    <option key={city.id} value={city.id}>
      {city.name}
    </option>
  ));
}

/**
 * A modal "are you sure?" built on <dialog>, so focus, Escape and the backdrop behave natively.
 * Escape and the cancel button both call onCancel.
 */
export function ConfirmDialog({
  open,
  title,
  children,
  confirmLabel,
  cancelLabel = "Go back",
  busy = false,
  error,
  onConfirm,
  onCancel,
  confirmTestId,
}: {
  open: boolean;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  cancelLabel?: string;
  busy?: boolean;
  error?: string | null;
  onConfirm: () => void;
  onCancel: () => void;
  confirmTestId?: string;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);

  return (
    <dialog
      ref={ref}
      className="dialog"
      aria-labelledby="confirm-dialog-title"
      onCancel={(event) => {
        event.preventDefault();
        if (!busy) onCancel();
      }}
    >
      <h2 id="confirm-dialog-title" className="card-title">
        {title}
      </h2>
      <div className="stack">{children}</div>
      {error && <Alert kind="error">{error}</Alert>}
      <div className="dialog-actions">
        <button type="button" className="button" disabled={busy} onClick={onCancel}>
          {cancelLabel}
        </button>
        <button
          type="button"
          className="button button-danger"
          disabled={busy}
          onClick={onConfirm}
          data-testid={confirmTestId}
        >
          {busy ? "Working…" : confirmLabel}
        </button>
      </div>
    </dialog>
  );
}

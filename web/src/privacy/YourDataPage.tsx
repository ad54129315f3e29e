/**
 * "Your data" (/settings/privacy): download everything Numina keeps about you, or delete your
 * account. Open to suspended members too, and before the current terms are accepted: these are
 * rights over one's data, not features of the service.
 */
import { useState, type FormEvent } from "react";
import { Link } from "react-router";
import { DELETION_GRACE_DAYS, EXPORT_LIMITS, type AccountDeletion } from "@numina/model";
import { useSession } from "../auth/AuthProvider";
import { Field } from "../shared/Field";
import { useAction, useNowMinute } from "../shared/hooks";
import { formatLocalDateTime } from "../shared/time";
import { Alert, ConfirmDialog, Spinner } from "../shared/ui";
import {
  cancelAccountDeletion,
  downloadExportText,
  exportFileName,
  reauthenticationKind,
  requestAccountDeletion,
  requestDataExport,
  saveAsFile,
  type ExportItem,
} from "./privacyStore";
import { useMyDeletion, useMyExports } from "./hooks";

export function YourDataPage() {
  const session = useSession();
  return (
    <div className="page">
      <header className="page-header">
        <p className="eyebrow">Settings</p>
        <h1>Your data</h1>
        <p className="muted">
          Take a copy of everything Numina keeps about you, or delete your account. The{" "}
          <Link to="/legal/privacy">privacy policy</Link> says what we keep and why.
        </p>
      </header>
      <ExportSection uid={session.uid} />
      <DeletionSection uid={session.uid} />
    </div>
  );
}

// ---- Data export

function ExportSection({ uid }: { uid: string }) {
  const exports = useMyExports(uid);
  const { state, run } = useAction();

  return (
    <section className="card stack" data-testid="data-export">
      <h2 className="section-title">Download your data</h2>
      <p>
        One file (JSON) with your profile, settings, classes, matches, messages you sent, notifications, reviews and
        reports you filed. We prepare it in the background and tell you when it is ready; it can be downloaded for{" "}
        {EXPORT_LIMITS.availableDays} days.
      </p>
      <div>
        <button
          type="button"
          className="button button-primary"
          disabled={state.kind === "busy"}
          onClick={() => run(requestDataExport)}
          data-testid="request-export"
        >
          {state.kind === "busy" ? "Asking…" : "Prepare a download"}
        </button>
      </div>
      {state.kind === "error" && <Alert kind="error">{state.message}</Alert>}
      {exports.status === "loading" && <Spinner label="Loading your downloads…" />}
      {exports.status === "error" && <Alert kind="error">{exports.message}</Alert>}
      {exports.status === "ready" && exports.value.length > 0 && (
        <ul className="plain-list" data-testid="export-list">
          {exports.value.map((item) => (
            <ExportRow key={item.id} item={item} />
          ))}
        </ul>
      )}
    </section>
  );
}

function ExportRow({ item }: { item: ExportItem }) {
  const now = useNowMinute();
  const { state, run } = useAction();
  const { data } = item;
  const requestedAtMs = data.requestedAt.toMillis();
  const expired = data.expiresAt.toMillis() <= now;

  const download = () =>
    run(async () => saveAsFile(await downloadExportText(item.id, data.partCount), exportFileName(requestedAtMs)));

  return (
    <li className="schedule-row" data-testid="export-row" data-status={expired ? "expired" : data.status}>
      <div className="stack">
        <strong>Asked for {formatLocalDateTime(requestedAtMs)}</strong>
        <span className="muted">
          {expired
            ? "Expired: prepare a new download."
            : data.status === "building"
              ? "Preparing… we will tell you when it is ready."
              : data.status === "failed"
                ? "We could not prepare this one. Please ask again."
                : `Ready: ${formatSize(data.size)}, until ${formatLocalDateTime(data.expiresAt.toMillis())}.`}
        </span>
        {state.kind === "error" && <Alert kind="error">{state.message}</Alert>}
      </div>
      {data.status === "ready" && !expired && (
        <button
          type="button"
          className="button"
          disabled={state.kind === "busy"}
          onClick={download}
          data-testid="download-export"
        >
          {state.kind === "busy" ? "Downloading…" : "Download"}
        </button>
      )}
    </li>
  );
}

/** The archive's size as a reader would say it (its characters, near enough its bytes). */
function formatSize(chars: number): string {
  if (chars < 1000) return `${chars} bytes`;
  if (chars < 1_000_000) return `${Math.round(chars / 1000)} kB`;
  return `${(chars / 1_000_000).toFixed(1)} MB`;
}

// ---- Account deletion

function DeletionSection({ uid }: { uid: string }) {
  const deletion = useMyDeletion(uid);
  return (
    <section className="card stack" data-testid="account-deletion">
      <h2 className="section-title">Delete your account</h2>
      {deletion.status === "loading" && <Spinner label="Loading…" />}
      {deletion.status === "error" && <Alert kind="error">{deletion.message}</Alert>}
      {deletion.status === "ready" &&
        (deletion.value ? <ScheduledDeletion deletion={deletion.value} /> : <DeletionForm />)}
    </section>
  );
}

function ScheduledDeletion({ deletion }: { deletion: AccountDeletion }) {
  const { state, run } = useAction();
  if (deletion.status !== "scheduled") {
    return <Alert kind="info">Your account is being deleted. You will be signed out shortly.</Alert>;
  }
  return (
    <div className="stack" data-testid="deletion-scheduled">
      <p>
        Your account will be deleted on <strong>{formatLocalDateTime(deletion.deleteAfter.toMillis())}</strong>. Until
        then you can keep it with one click; after that it is gone for good.
      </p>
      <div>
        <button
          type="button"
          className="button button-primary"
          disabled={state.kind === "busy"}
          onClick={() => run(cancelAccountDeletion)}
          data-testid="cancel-deletion"
        >
          {state.kind === "busy" ? "Keeping it…" : "Keep my account"}
        </button>
      </div>
      {state.kind === "error" && <Alert kind="error">{state.message}</Alert>}
    </div>
  );
}

function DeletionForm() {
  const session = useSession();
  const kind = reauthenticationKind(session.user);
  const [password, setPassword] = useState("");
  const [confirming, setConfirming] = useState(false);
  const { state, run, fail, reset } = useAction();

  const open = (event: FormEvent) => {
    event.preventDefault();
    if (kind === "password" && password === "") {
      fail("Enter your password to confirm it is you.");
      return;
    }
    reset();
    setConfirming(true);
  };
  // On success the page shows the scheduled deletion instead of this form; the dialog closes first.
  const confirm = () =>
    run(async () => {
      await requestAccountDeletion(kind === "password" ? { kind, password } : { kind });
      setConfirming(false);
      setPassword("");
    });

  return (
    <form className="stack" onSubmit={open} data-testid="deletion-form">
      <p>
        We delete your profile, photos, classes you booked, matches, messages you sent (they show as from “A deleted
        member”), notifications, reviews and settings, and your sign-in. You have {DELETION_GRACE_DAYS} days to change
        your mind. A few records stay for safety and the law, without your name: reports and the admins’ audit log.
        Download your data first if you want a copy.
      </p>
      {kind === "password" ? (
        <Field id="deletion-password" label="Your password" hint="To confirm it is you.">
          {(control) => (
            <input
              {...control}
              type="password"
              autoComplete="current-password"
              value={password}
              onChange={(event) => setPassword(event.target.value)}
              data-testid="deletion-password"
            />
          )}
        </Field>
      ) : (
        <p className="muted">You will confirm with Google that it is you.</p>
      )}
      <div>
        <button type="submit" className="button button-danger" data-testid="delete-account">
          Delete my account
        </button>
      </div>
      {!confirming && state.kind === "error" && <Alert kind="error">{state.message}</Alert>}
      <ConfirmDialog
        open={confirming}
        title="Delete your account?"
        confirmLabel={state.kind === "busy" ? "Deleting…" : "Delete my account"}
        cancelLabel="Keep it"
        busy={state.kind === "busy"}
        error={state.kind === "error" ? state.message : null}
        onConfirm={confirm}
        onCancel={() => {
          setConfirming(false);
          reset();
        }}
        confirmTestId="confirm-delete-account"
      >
        <p>Your account will be deleted in {DELETION_GRACE_DAYS} days. You can keep it until then from this page.</p>
      </ConfirmDialog>
    </form>
  );
}

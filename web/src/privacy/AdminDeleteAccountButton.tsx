import { useState } from "react";
import { useAction } from "../shared/hooks";
import { Field } from "../shared/Field";
import { ConfirmDialog } from "../shared/ui";
import { adminDeleteAccount } from "./privacyStore";

/**
 * An admin deletes someone's account now, with no grace period (a court order, an account that
 * must go at once). The reason is required: it stays in the audit log with the admin's name.
 */
export function AdminDeleteAccountButton({ uid, name }: { uid: string; name: string }) {
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState("");
  const [deleted, setDeleted] = useState(false);
  const { state, run, fail, reset } = useAction();

  if (deleted) {
    return (
      <span className="hint" role="status" data-testid={`account-deleted-${uid}`}>
        Account deleted
      </span>
    );
  }
  const confirm = () => {
    if (reason.trim() === "") {
      fail("Say why: the audit log keeps the reason.");
      return;
    }
    run(async () => {
      await adminDeleteAccount(uid, reason.trim());
      setOpen(false);
      setDeleted(true);
    });
  };
  return (
    <>
      <button
        type="button"
        className="button button-small button-danger"
        onClick={() => setOpen(true)}
        data-testid={`delete-account-${uid}`}
      >
        Delete account
      </button>
      <ConfirmDialog
        open={open}
        title={`Delete ${name}'s account now?`}
        confirmLabel={state.kind === "busy" ? "Deleting…" : "Delete now"}
        busy={state.kind === "busy"}
        error={state.kind === "error" ? state.message : null}
        onConfirm={confirm}
        onCancel={() => {
          setOpen(false);
          reset();
        }}
        confirmTestId={`confirm-delete-account-${uid}`}
      >
        <p>
          Their profile, messages, bookings and sign-in are deleted at once, with no grace period. This cannot be
          undone.
        </p>
        <Field id={`delete-reason-${uid}`} label="Reason (kept in the audit log)">
          {(control) => (
            <textarea
              {...control}
              rows={3}
              maxLength={500}
              value={reason}
              onChange={(event) => setReason(event.target.value)}
              data-testid={`delete-reason-${uid}`}
            />
          )}
        </Field>
      </ConfirmDialog>
    </>
  );
}

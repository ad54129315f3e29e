import { useState } from "react";
import { errorMessage } from "../shared/errors";
import { ConfirmDialog } from "../shared/ui";
import { cancelClass, type ClassItem } from "./classesStore";

/** "Cancel class", asked twice: it cannot be undone and notifies everyone on the roster. */
export function CancelClassButton({ item }: { item: ClassItem }) {
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function confirm() {
    setBusy(true);
    setError(null);
    try {
      await cancelClass(item.id);
      setConfirming(false);
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <button
        type="button"
        className="button button-small button-danger-outline"
        data-testid={`cancel-class-${item.id}`}
        onClick={() => setConfirming(true)}
      >
        Cancel class
      </button>
      <ConfirmDialog
        open={confirming}
        title="Cancel this class?"
        confirmLabel="Cancel class"
        cancelLabel="Keep it"
        busy={busy}
        error={error}
        onConfirm={() => void confirm()}
        onCancel={() => {
          setConfirming(false);
          setError(null);
        }}
      >
        <p className="muted">
          “{item.data.title}” will be cancelled for everyone: {item.data.confirmedCount} confirmed and{" "}
          {item.data.waitlistCount} waitlisted{" "}
          {item.data.confirmedCount + item.data.waitlistCount === 1 ? "member gets" : "members get"} a notification.
          This can't be undone.
        </p>
      </ConfirmDialog>
    </>
  );
}

import { Link } from "react-router";
import { formatLocalDateTime } from "../shared/time";
import { useMyDeletion } from "./hooks";

/**
 * Shown on every page while the member's account is scheduled for deletion, so someone who asked
 * by mistake (or whose account was asked for by someone else) sees it and can keep it.
 */
export function DeletionBanner({ uid }: { uid: string }) {
  const deletion = useMyDeletion(uid);
  if (deletion.status !== "ready" || deletion.value?.status !== "scheduled") return null;
  return (
    <div className="banner" role="status" data-testid="deletion-banner">
      <span>Your account will be deleted on {formatLocalDateTime(deletion.value.deleteAfter.toMillis())}.</span>
      <Link to="/settings/privacy">Keep my account</Link>
    </div>
  );
}

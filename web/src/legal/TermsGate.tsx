/**
 * Nobody uses Numina without having accepted the terms in force: a new member accepts them before
 * onboarding, and when TERMS_VERSION changes everyone is asked again before going on.
 */
import { useState, type FormEvent } from "react";
import { Link, Outlet } from "react-router";
import { acceptedCurrentTerms, TERMS_VERSION } from "@numina/model";
import { useReadyProfile } from "../app/guards";
import { signOut } from "../auth/authService";
import { useSettings } from "../profile/hooks";
import { errorMessage } from "../shared/errors";
import { Alert, Spinner } from "../shared/ui";
import { acceptTerms } from "./legalStore";

export function RequireCurrentTerms() {
  const { session } = useReadyProfile();
  const settings = useSettings(session.uid);
  if (settings.status === "loading") return <Spinner label="Loading your settings…" />;
  if (settings.status === "error") return <Alert kind="error">{settings.message}</Alert>;
  if (acceptedCurrentTerms(settings.value)) return <Outlet />;
  return <AcceptTerms uid={session.uid} updated={settings.value?.termsVersion != null} />;
}

function AcceptTerms({ uid, updated }: { uid: string; updated: boolean }) {
  const [agreed, setAgreed] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!agreed) {
      setError("Tick the box to accept the terms, or sign out.");
      return;
    }
    setBusy(true);
    setError(null);
    try {
      // The live settings move on once the server has it; this page then gives way.
      await acceptTerms(uid);
    } catch (err) {
      setError(errorMessage(err));
      setBusy(false);
    }
  }

  return (
    <div className="page narrow">
      <form
        className="card stack"
        aria-label="Accept the terms"
        data-testid="terms-gate"
        onSubmit={(e) => void submit(e)}
      >
        <h1>{updated ? "We've updated our terms" : "Before you start"}</h1>
        <p>
          {updated
            ? "Please read and accept the new Terms of Service and Privacy Policy to keep using Numina."
            : "Numina connects you with training partners and classes near you. Please read and accept our Terms of Service and Privacy Policy first."}
        </p>
        <ul className="plain-list">
          <li>
            <Link to="/legal/terms" target="_blank" data-testid="terms-link">
              Terms of Service
            </Link>
          </li>
          <li>
            <Link to="/legal/privacy" target="_blank" data-testid="privacy-link">
              Privacy Policy
            </Link>
          </li>
        </ul>
        <label>
          <input
            type="checkbox"
            checked={agreed}
            onChange={(e) => setAgreed(e.target.checked)}
            disabled={busy}
            data-testid="terms-agree"
          />{" "}
          I have read and accept the Terms of Service and the Privacy Policy (version {TERMS_VERSION}).
        </label>
        {error && <Alert kind="error">{error}</Alert>}
        <div className="row">
          <button type="submit" className="button button-primary" disabled={busy} data-testid="terms-accept">
            {busy ? "Saving…" : "Accept and continue"}
          </button>
          <button type="button" className="button" onClick={() => void signOut()}>
            Sign out
          </button>
        </div>
      </form>
    </div>
  );
}

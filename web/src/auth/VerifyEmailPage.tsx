import { useState } from "react";
import { errorMessage } from "../shared/errors";
import { Alert } from "../shared/ui";
import { useSession } from "./AuthProvider";
import { resendVerification } from "./authService";

/** Shows whether the email is verified, and lets the member re-check after clicking the link. */
export function VerifyEmailPage() {
  return (
    <div className="page narrow">
      <h1>Email verification</h1>
      <EmailVerificationPanel />
    </div>
  );
}

export function EmailVerificationPanel() {
  const session = useSession();
  const [busy, setBusy] = useState<"refresh" | "resend" | null>(null);
  const [message, setMessage] = useState<{ kind: "error" | "success" | "info"; text: string } | null>(null);

  async function refresh() {
    setBusy("refresh");
    setMessage(null);
    try {
      await session.refreshUser();
      if (!session.user.emailVerified) {
        setMessage({ kind: "info", text: "Still not verified. Open the link in the email we sent, then try again." });
      }
    } catch (err) {
      setMessage({ kind: "error", text: errorMessage(err) });
    } finally {
      setBusy(null);
    }
  }

  async function resend() {
    setBusy("resend");
    setMessage(null);
    try {
      const sent = await resendVerification();
      const to = session.email ?? "your email";
      setMessage({
        kind: "success",
        text: sent ? `We sent a new link to ${to}.` : `We sent a link to ${to} a moment ago: check your inbox.`,
      });
    } catch (err) {
      setMessage({ kind: "error", text: errorMessage(err) });
    } finally {
      setBusy(null);
    }
  }

  return (
    <section className="card stack" aria-labelledby="verify-heading">
      <h2 id="verify-heading" className="card-title">
        {session.email ?? "Your account"}
      </h2>
      <p>
        Status:{" "}
        <strong data-testid="email-status" className={session.emailVerified ? "text-success" : "text-warning"}>
          {session.emailVerified ? "Verified" : "Not verified"}
        </strong>
      </p>
      {!session.emailVerified && (
        <>
          <p className="muted">
            We sent a verification link to your inbox. Open it, then come back and refresh your status here.
          </p>
          <div className="row">
            <button
              type="button"
              className="button button-primary"
              data-testid="verify-refresh"
              onClick={() => void refresh()}
              disabled={busy !== null}
            >
              {busy === "refresh" ? "Checking…" : "I've verified — refresh"}
            </button>
            <button type="button" className="button" onClick={() => void resend()} disabled={busy !== null}>
              {busy === "resend" ? "Sending…" : "Resend the link"}
            </button>
          </div>
        </>
      )}
      {message && <Alert kind={message.kind}>{message.text}</Alert>}
    </section>
  );
}

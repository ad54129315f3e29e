import { useState, type FormEvent } from "react";
import { Link } from "react-router";
import { errorMessage } from "../shared/errors";
import { Field } from "../shared/Field";
import { Alert } from "../shared/ui";
import { AuthLayout } from "./AuthLayout";
import { requestPasswordReset, signIn, signInErrorMessage } from "./authService";
import { GoogleButton } from "./GoogleButton";

export function SignInPage() {
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [resetOpen, setResetOpen] = useState(false);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await signIn(email.trim(), password);
    } catch (err) {
      setError(signInErrorMessage(err));
      setBusy(false);
    }
  }

  return (
    <AuthLayout title="Welcome back" subtitle="Sign in to find training partners and classes near you.">
      <form className="stack" onSubmit={(e) => void onSubmit(e)} aria-label="Sign in" noValidate>
        <Field id="signin-email" label="Email">
          {(control) => (
            <input
              {...control}
              type="email"
              autoComplete="email"
              required
              value={email}
              onChange={(e) => setEmail(e.target.value)}
            />
          )}
        </Field>
        <Field id="signin-password" label="Password">
          {(control) => (
            <input
              {...control}
              type="password"
              autoComplete="current-password"
              required
              value={password}
              onChange={(e) => setPassword(e.target.value)}
            />
          )}
        </Field>
        {error && (
          <Alert kind="error" testId="signin-error">
            {error}
          </Alert>
        )}
        <button type="submit" className="button button-primary" disabled={busy}>
          {busy ? "Signing in…" : "Sign in"}
        </button>
      </form>
      <button
        type="button"
        className="link-button"
        onClick={() => setResetOpen((open) => !open)}
        aria-expanded={resetOpen}
      >
        Forgot your password?
      </button>
      {resetOpen && <PasswordResetRequest initialEmail={email} />}
      <div className="divider">
        <span>or</span>
      </div>
      <GoogleButton />
      <p className="muted center">
        New to Numina? <Link to="/sign-up">Create an account</Link>
      </p>
    </AuthLayout>
  );
}

function PasswordResetRequest({ initialEmail }: { initialEmail: string }) {
  const [email, setEmail] = useState(initialEmail);
  const [state, setState] = useState<"idle" | "sending" | "sent">("idle");
  const [error, setError] = useState<string | null>(null);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setState("sending");
    setError(null);
    try {
      await requestPasswordReset(email.trim());
      setState("sent");
    } catch (err) {
      setError(errorMessage(err));
      setState("idle");
    }
  }

  if (state === "sent") {
    return (
      <Alert kind="success" testId="reset-sent">
        If an account exists for {email.trim()}, we sent it a link to choose a new password.
      </Alert>
    );
  }
  return (
    <form className="stack panel" onSubmit={(e) => void onSubmit(e)} aria-label="Reset password" noValidate>
      <Field id="reset-email" label="Email for the reset link">
        {(control) => (
          <input
            {...control}
            type="email"
            autoComplete="email"
            required
            value={email}
            onChange={(e) => setEmail(e.target.value)}
          />
        )}
      </Field>
      {error && (
        <Alert kind="error" testId="reset-error">
          {error}
        </Alert>
      )}
      <button type="submit" className="button" disabled={state === "sending" || !email.trim()}>
        {state === "sending" ? "Sending…" : "Send reset link"}
      </button>
    </form>
  );
}

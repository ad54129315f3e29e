import { useState, type FormEvent } from "react";
import { Link } from "react-router";
import { errorMessage } from "../shared/errors";
import { Alert, FieldError } from "../shared/ui";
import { AuthLayout } from "./AuthLayout";
import { signUp } from "./authService";
import { GoogleButton } from "./GoogleButton";

const MIN_PASSWORD = 8;

export function SignUpPage() {
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [confirm, setConfirm] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<{ email?: string; password?: string; confirm?: string }>({});

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const errors: typeof fieldErrors = {};
    if (!/^\S+@\S+\.\S+$/.test(email.trim())) errors.email = "Enter a valid email address.";
    if (password.length < MIN_PASSWORD) errors.password = `Use at least ${MIN_PASSWORD} characters.`;
    if (confirm !== password) errors.confirm = "The passwords don't match.";
    setFieldErrors(errors);
    if (Object.keys(errors).length > 0) return;

    setBusy(true);
    setError(null);
    try {
      // Success changes the session; the router's PublicOnly guard takes the new member onward.
      await signUp(email.trim(), password);
    } catch (err) {
      setError(errorMessage(err));
      setBusy(false);
    }
  }

  return (
    <AuthLayout title="Create your account" subtitle="Meet people who train like you do.">
      <form className="stack" onSubmit={(e) => void onSubmit(e)} aria-label="Sign up" noValidate>
        <div className="field">
          <label htmlFor="signup-email">Email</label>
          <input
            id="signup-email"
            type="email"
            autoComplete="email"
            required
            value={email}
            aria-invalid={Boolean(fieldErrors.email)}
            aria-describedby="signup-email-error"
            onChange={(e) => setEmail(e.target.value)}
          />
          <FieldError id="signup-email-error" message={fieldErrors.email} />
        </div>
        <div className="field">
          <label htmlFor="signup-password">Password</label>
          <input
            id="signup-password"
            type="password"
            autoComplete="new-password"
            required
            minLength={MIN_PASSWORD}
            value={password}
            aria-invalid={Boolean(fieldErrors.password)}
            aria-describedby="signup-password-error"
            onChange={(e) => setPassword(e.target.value)}
          />
          <FieldError id="signup-password-error" message={fieldErrors.password} />
        </div>
        <div className="field">
          <label htmlFor="signup-confirm">Confirm password</label>
          <input
            id="signup-confirm"
            type="password"
            autoComplete="new-password"
            required
            value={confirm}
            aria-invalid={Boolean(fieldErrors.confirm)}
            aria-describedby="signup-confirm-error"
            onChange={(e) => setConfirm(e.target.value)}
          />
          <FieldError id="signup-confirm-error" message={fieldErrors.confirm} />
        </div>
        {error && (
          <Alert kind="error" testId="signup-error">
            {error}
          </Alert>
        )}
        <button type="submit" className="button button-primary" disabled={busy}>
          {busy ? "Creating account…" : "Create account"}
        </button>
      </form>
      <div className="divider">
        <span>or</span>
      </div>
      <GoogleButton />
      <p className="muted center">
        Already a member? <Link to="/sign-in">Sign in</Link>
      </p>
    </AuthLayout>
  );
}

import { useState, type FormEvent } from "react";
import { Link } from "react-router";
import { errorMessage } from "../shared/errors";
import { Field } from "../shared/Field";
import { fieldErrors, type FieldErrors } from "../shared/fieldErrors";
import { Alert } from "../shared/ui";
import { AuthLayout } from "./AuthLayout";
import { signUp } from "./authService";
import { MIN_PASSWORD, SIGN_UP_FIELDS, signUpSchema } from "./credentials";
import { GoogleButton } from "./GoogleButton";

export function SignUpPage() {
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [confirm, setConfirm] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [errors, setErrors] = useState<FieldErrors<keyof typeof SIGN_UP_FIELDS>>({});

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const parsed = signUpSchema.safeParse({ email, password, confirm });
    setErrors(fieldErrors(parsed.error, SIGN_UP_FIELDS));
    if (!parsed.success) return;

    setBusy(true);
    setError(null);
    try {
      // Success changes the session; the router's PublicOnly guard takes the new member onward.
      await signUp(parsed.data.email, password);
    } catch (err) {
      setError(errorMessage(err));
      setBusy(false);
    }
  }

  return (
    <AuthLayout title="Create your account" subtitle="Meet people who train like you do.">
      <form className="stack" onSubmit={(e) => void onSubmit(e)} aria-label="Sign up" noValidate>
        <Field id="signup-email" label="Email" error={errors.email}>
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
        <Field id="signup-password" label="Password" error={errors.password}>
          {(control) => (
            <input
              {...control}
              type="password"
              autoComplete="new-password"
              required
              minLength={MIN_PASSWORD}
              value={password}
              onChange={(e) => setPassword(e.target.value)}
            />
          )}
        </Field>
        <Field id="signup-confirm" label="Confirm password" error={errors.confirm}>
          {(control) => (
            <input
              {...control}
              type="password"
              autoComplete="new-password"
              required
              value={confirm}
              onChange={(e) => setConfirm(e.target.value)}
            />
          )}
        </Field>
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

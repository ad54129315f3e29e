/**
 * The email action handler: the links in verification and password-reset emails land here
 * (`?mode=verifyEmail|resetPassword&oobCode=…`), as Firebase's custom action URL would send them.
 */
import { useEffect, useState, type FormEvent } from "react";
import { Link, useSearchParams } from "react-router";
import { errorMessage } from "../shared/errors";
import { Field } from "../shared/Field";
import { fieldErrors, type FieldErrors } from "../shared/fieldErrors";
import { Alert, Spinner } from "../shared/ui";
import { AuthLayout } from "./AuthLayout";
import { useAuth } from "./AuthProvider";
import { checkPasswordResetCode, completePasswordReset, verifyEmailCode } from "./authService";
import { PASSWORD_FIELDS, newPasswordSchema } from "./credentials";

export function AuthActionPage() {
  const [params] = useSearchParams();
  const mode = params.get("mode");
  const oobCode = params.get("oobCode");
  if (!oobCode) return <InvalidLink />;
  if (mode === "resetPassword") return <ResetPassword oobCode={oobCode} />;
  if (mode === "verifyEmail") return <VerifyEmail oobCode={oobCode} />;
  return <InvalidLink />;
}

function InvalidLink() {
  return (
    <AuthLayout title="This link doesn't work">
      <Alert kind="error">The link is incomplete. Copy the whole link from the email, or request a new one.</Alert>
      <Link to="/sign-in" className="button">
        Back to sign in
      </Link>
    </AuthLayout>
  );
}

function VerifyEmail({ oobCode }: { oobCode: string }) {
  const auth = useAuth();
  const [state, setState] = useState<{ status: "working" } | { status: "done" } | { status: "error"; message: string }>(
    {
      status: "working",
    },
  );
  const refreshUser = auth.status === "signed-in" ? auth.refreshUser : null;

  useEffect(() => {
    let cancelled = false;
    verifyEmailCode(oobCode)
      .then(() => refreshUser?.())
      .then(() => !cancelled && setState({ status: "done" }))
      .catch((err: unknown) => !cancelled && setState({ status: "error", message: errorMessage(err) }));
    return () => {
      cancelled = true;
    };
    // Applying the code is one-shot: rerunning it when the session object changes would fail.
  }, [oobCode]);

  return (
    <AuthLayout title="Verify your email">
      {state.status === "working" && <Spinner label="Verifying…" />}
      {state.status === "done" && (
        <Alert kind="success" testId="verify-done">
          Your email is verified.
        </Alert>
      )}
      {state.status === "error" && <Alert kind="error">{state.message}</Alert>}
      {state.status !== "working" && (
        <Link to="/" className="button button-primary">
          Continue to Numina
        </Link>
      )}
    </AuthLayout>
  );
}

function ResetPassword({ oobCode }: { oobCode: string }) {
  const [email, setEmail] = useState<string | null>(null);
  const [linkError, setLinkError] = useState<string | null>(null);
  const [password, setPassword] = useState("");
  const [confirm, setConfirm] = useState("");
  const [errors, setErrors] = useState<FieldErrors<keyof typeof PASSWORD_FIELDS>>({});
  const [submitError, setSubmitError] = useState<string | null>(null);
  const [status, setStatus] = useState<"idle" | "saving" | "done">("idle");

  useEffect(() => {
    let cancelled = false;
    checkPasswordResetCode(oobCode)
      .then((address) => !cancelled && setEmail(address))
      .catch((err: unknown) => !cancelled && setLinkError(errorMessage(err)));
    return () => {
      cancelled = true;
    };
  }, [oobCode]);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const parsed = newPasswordSchema.safeParse({ password, confirm });
    setErrors(fieldErrors(parsed.error, PASSWORD_FIELDS));
    if (!parsed.success) return;
    setStatus("saving");
    setSubmitError(null);
    try {
      await completePasswordReset(oobCode, password);
      setStatus("done");
    } catch (err) {
      setSubmitError(errorMessage(err));
      setStatus("idle");
    }
  }

  if (linkError) {
    return (
      <AuthLayout title="Reset your password">
        <Alert kind="error">{linkError}</Alert>
        <Link to="/sign-in" className="button">
          Back to sign in
        </Link>
      </AuthLayout>
    );
  }
  if (email === null) {
    return (
      <AuthLayout title="Reset your password">
        <Spinner label="Checking your link…" />
      </AuthLayout>
    );
  }
  if (status === "done") {
    return (
      <AuthLayout title="Password changed">
        <Alert kind="success" testId="reset-done">
          Your password for {email} has been changed.
        </Alert>
        <Link to="/sign-in" className="button button-primary">
          Sign in
        </Link>
      </AuthLayout>
    );
  }
  return (
    <AuthLayout title="Choose a new password" subtitle={`For ${email}`}>
      <form className="stack" onSubmit={(e) => void onSubmit(e)} aria-label="Password reset" noValidate>
        <Field id="new-password" label="New password" error={errors.password}>
          {(control) => (
            <input
              {...control}
              type="password"
              autoComplete="new-password"
              value={password}
              onChange={(e) => setPassword(e.target.value)}
            />
          )}
        </Field>
        <Field id="new-password-confirm" label="Confirm new password" error={errors.confirm}>
          {(control) => (
            <input
              {...control}
              type="password"
              autoComplete="new-password"
              value={confirm}
              onChange={(e) => setConfirm(e.target.value)}
            />
          )}
        </Field>
        {submitError && <Alert kind="error">{submitError}</Alert>}
        <button type="submit" className="button button-primary" disabled={status === "saving"}>
          {status === "saving" ? "Saving…" : "Set new password"}
        </button>
      </form>
    </AuthLayout>
  );
}

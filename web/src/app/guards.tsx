/**
 * Route guards. They decide what a visitor may see from the session alone; firestore.rules and the
 * callables enforce the same decisions on the server, so a guard is convenience, not security.
 */
import type { ReactNode } from "react";
import { Link, Navigate, Outlet, useLocation } from "react-router";
import type { Role, UserProfile } from "@numina/model";
import { signOut } from "../auth/authService";
import { useAuth, useSession, type SignedInSession } from "../auth/AuthProvider";
import { Alert, Spinner } from "../shared/ui";

function FullPage({ children }: { children: ReactNode }) {
  return <div className="full-page">{children}</div>;
}

/** Where a signed-out visitor wanted to go, carried through sign-in. */
interface FromState {
  from?: string;
}

export function RequireAuth() {
  const auth = useAuth();
  const location = useLocation();
  if (auth.status === "loading") {
    return (
      <FullPage>
        <Spinner label="Loading Numina…" />
      </FullPage>
    );
  }
  if (auth.status === "signed-out") {
    const state: FromState = { from: location.pathname + location.search };
    return <Navigate to="/sign-in" replace state={state} />;
  }
  return <Outlet />;
}

/** Sign-in and sign-up: a signed-in visitor is sent on to where they were going. */
export function PublicOnly() {
  const auth = useAuth();
  const location = useLocation();
  if (auth.status === "loading") {
    return (
      <FullPage>
        <Spinner label="Loading Numina…" />
      </FullPage>
    );
  }
  if (auth.status === "signed-in") {
    const from = (location.state as FromState | null)?.from;
    return <Navigate to={from && from !== "/sign-in" ? from : "/"} replace />;
  }
  return <Outlet />;
}

/** Waits for users/{uid}: new accounts get it from the provisionAccount trigger a moment after sign-up. */
export function RequireProfile() {
  const session = useSession();
  const { profile } = session;
  if (profile.status === "loading" || profile.status === "provisioning") {
    return (
      <div className="page narrow" data-testid="profile-pending">
        <Spinner label={profile.status === "provisioning" ? "Setting up your account…" : "Loading your profile…"} />
      </div>
    );
  }
  if (profile.status === "error") {
    return (
      <div className="page narrow stack">
        <h1>We couldn't load your profile</h1>
        <Alert kind="error" testId="profile-error">
          {profile.message}
        </Alert>
        <div className="row">
          <button type="button" className="button" onClick={() => window.location.reload()}>
            Try again
          </button>
          <button type="button" className="button" onClick={() => void signOut()}>
            Sign out
          </button>
        </div>
      </div>
    );
  }
  return <Outlet />;
}

/** The session and its loaded profile, for pages rendered under RequireProfile. */
export function useReadyProfile(): { session: SignedInSession; profile: UserProfile } {
  const session = useSession();
  if (session.profile.status !== "ready") throw new Error("useReadyProfile() used outside RequireProfile");
  return { session, profile: session.profile.profile };
}

export function RequireOnboarded() {
  const { profile } = useReadyProfile();
  if (!profile.onboardingComplete) return <Navigate to="/onboarding" replace />;
  return <Outlet />;
}

/** Who a restricted page is for, as the access-denied page says it. */
type Audience = "administrators" | "instructors";

export function RequireRole({ roles, audience }: { roles: readonly Role[]; audience?: Audience }) {
  const session = useSession();
  if (!roles.includes(session.role)) return <AccessDenied audience={audience} />;
  return <Outlet />;
}

export function AccessDenied({ audience = "administrators" }: { audience?: Audience }) {
  return (
    <div className="page narrow" data-testid="access-denied">
      <section className="card stack center-text">
        <h1>You don't have access</h1>
        <p className="muted">This page is for Numina {audience}. If you think you should have access, ask an admin.</p>
        <Link to="/" className="button">
          Back to home
        </Link>
      </section>
    </div>
  );
}

export function NotFound() {
  return (
    <div className="page narrow">
      <section className="card stack center-text">
        <h1>Page not found</h1>
        <p className="muted">There's nothing at this address.</p>
        <Link to="/" className="button">
          Back to home
        </Link>
      </section>
    </div>
  );
}

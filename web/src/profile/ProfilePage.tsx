import { Link } from "react-router";
import { cityById } from "@numina/model";
import { useReadyProfile } from "../app/guards";
import { Alert, RoleBadge, Spinner } from "../shared/ui";
import { ProfileForm } from "./ProfileForm";
import { useSettings } from "./hooks";

export function ProfilePage() {
  const { session, profile } = useReadyProfile();
  const settings = useSettings(session.uid);
  // Auth is the source of truth for the address; the private copy covers providers without one.
  const email = session.email ?? (settings.status === "ready" ? settings.value?.email : null) ?? null;
  const city = profile.city ? cityById(profile.city) : undefined;

  return (
    <div className="page narrow">
      <header className="page-header">
        <h1>Your profile</h1>
      </header>
      <section className="card account-card" aria-labelledby="account-heading">
        <h2 id="account-heading" className="card-title">
          Account
        </h2>
        <dl className="facts">
          <div>
            <dt>Name</dt>
            <dd data-testid="profile-name">{profile.displayName}</dd>
          </div>
          <div>
            <dt>Email</dt>
            <dd data-testid="profile-email">
              {email ?? "—"}{" "}
              {session.emailVerified ? (
                <span className="text-success">(verified)</span>
              ) : (
                <span className="text-warning">(not verified)</span>
              )}
            </dd>
          </div>
          <div>
            <dt>Role</dt>
            <dd>
              <RoleBadge role={session.role} testId="profile-role" />
            </dd>
          </div>
          <div>
            <dt>City</dt>
            <dd data-testid="profile-city">{city?.name ?? "—"}</dd>
          </div>
          <div>
            <dt>Member since</dt>
            <dd>{profile.createdAt.toMillis() ? new Date(profile.createdAt.toMillis()).toLocaleDateString() : "—"}</dd>
          </div>
        </dl>
        <p className="hint">
          Your email and exact location are private. Other members see your name, bio and area, and distances to you
          from a point 1–2 km away from where you are. <Link to="/reports">Your reports</Link>
        </p>
      </section>
      {settings.status === "loading" && <Spinner label="Loading your settings…" />}
      {settings.status === "error" && <Alert kind="error">{settings.message}</Alert>}
      {settings.status === "ready" && (
        <ProfileForm
          // Remount when the saved location arrives, so the form starts from it.
          key={settings.value?.location?.geohash ?? "none"}
          uid={session.uid}
          profile={profile}
          savedLocation={settings.value?.location ?? null}
          submitLabel="Save changes"
        />
      )}
    </div>
  );
}

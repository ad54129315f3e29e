import { useState } from "react";
import { Link, NavLink } from "react-router";
import { signOut } from "../auth/authService";
import { useSession } from "../auth/AuthProvider";
import { UnreadBadge } from "../messaging/UnreadBadge";
import { PageOutlet } from "../shared/ErrorBoundary";
import { RoleBadge } from "../shared/ui";
import { NotificationBell } from "../notifications/NotificationBell";
import { DeletionBanner } from "../privacy/DeletionBanner";

/** The signed-in shell: header with navigation, the member's name and role, and sign-out. */
export function AppLayout() {
  const session = useSession();
  const [menuOpen, setMenuOpen] = useState(false);
  const profile = session.profile.status === "ready" ? session.profile.profile : null;
  const onboarded = profile?.onboardingComplete ?? false;
  const name = profile?.displayName ?? session.email ?? "Member";
  const usesPassword = session.user.providerData.some((p) => p.providerId === "password");

  return (
    <div className="app-shell">
      <a href="#main" className="skip-link">
        Skip to content
      </a>
      <header className="app-header">
        <div className="header-inner">
          <Link to="/" className="brand" aria-label="Numina home">
            <span className="brand-mark" aria-hidden="true">
              N
            </span>
            <span>Numina</span>
          </Link>
          {onboarded && (
            <>
              <button
                type="button"
                className="menu-toggle"
                aria-expanded={menuOpen}
                aria-controls="main-nav"
                onClick={() => setMenuOpen((open) => !open)}
              >
                Menu
              </button>
              <nav id="main-nav" className={`main-nav${menuOpen ? " open" : ""}`} aria-label="Main">
                <NavLink to="/" end onClick={() => setMenuOpen(false)}>
                  Home
                </NavLink>
                <NavLink to="/classes" data-testid="nav-classes" onClick={() => setMenuOpen(false)}>
                  Classes
                </NavLink>
                <NavLink to="/schedule" data-testid="nav-schedule" onClick={() => setMenuOpen(false)}>
                  My schedule
                </NavLink>
                <NavLink to="/discover" data-testid="nav-discover" onClick={() => setMenuOpen(false)}>
                  Discover
                </NavLink>
                <NavLink to="/matches" end data-testid="nav-matches" onClick={() => setMenuOpen(false)}>
                  Matches
                </NavLink>
                <NavLink to="/connections" data-testid="nav-connections" onClick={() => setMenuOpen(false)}>
                  Friends
                </NavLink>
                <NavLink to="/messages" data-testid="nav-messages" onClick={() => setMenuOpen(false)}>
                  Messages
                  <UnreadBadge uid={session.uid} />
                </NavLink>
                <NavLink to="/profile" onClick={() => setMenuOpen(false)}>
                  Profile
                </NavLink>
                {/* What a role adds comes after what every member has. */}
                {(session.role === "instructor" || session.role === "admin") && (
                  <NavLink to="/instructor" data-testid="nav-instructor" onClick={() => setMenuOpen(false)}>
                    Instructor
                  </NavLink>
                )}
                {session.role === "admin" && (
                  <>
                    <NavLink to="/admin/users" data-testid="nav-admin" onClick={() => setMenuOpen(false)}>
                      Users
                    </NavLink>
                    <NavLink to="/admin/classes" data-testid="nav-admin-classes" onClick={() => setMenuOpen(false)}>
                      All classes
                    </NavLink>
                    <NavLink to="/admin/reports" data-testid="nav-admin-reports" onClick={() => setMenuOpen(false)}>
                      Reports
                    </NavLink>
                    <NavLink to="/admin/reviews" data-testid="nav-admin-reviews" onClick={() => setMenuOpen(false)}>
                      Reviews
                    </NavLink>
                    <NavLink to="/admin/audit" data-testid="nav-admin-audit" onClick={() => setMenuOpen(false)}>
                      Audit log
                    </NavLink>
                  </>
                )}
              </nav>
            </>
          )}
          <div className="header-user">
            {onboarded && <NotificationBell uid={session.user.uid} />}
            <span className="user-name" data-testid="header-name">
              {name}
            </span>
            <RoleBadge role={session.role} testId="role-badge" />
            <button type="button" className="button button-small" onClick={() => void signOut()}>
              Sign out
            </button>
          </div>
        </div>
      </header>
      {usesPassword && !session.emailVerified && (
        <div className="banner" role="status" data-testid="verify-banner">
          <span>Please verify your email address ({session.email}).</span>
          <Link to="/verify-email">Verify now</Link>
        </div>
      )}
      <DeletionBanner uid={session.uid} />
      <main id="main" className="app-main">
        {/* A page that fails shows so here; the header and navigation stay usable. */}
        <PageOutlet />
      </main>
      <footer className="app-footer">
        <span>Numina — train together.</span>
        <Link to="/settings/privacy" data-testid="your-data-link">
          Your data
        </Link>
        <Link to="/legal/privacy">Privacy policy</Link>
      </footer>
    </div>
  );
}

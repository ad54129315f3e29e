import { Link } from "react-router";
import { DAY_PARTS, WEEKDAYS, cityById, type AvailabilitySlot } from "@numina/model";
import { useReadyProfile } from "../app/guards";
import { FeedCard } from "../social/FeedCard";
import { UpcomingList } from "../classes/SchedulePage";
import { useMyUpcoming } from "../classes/hooks";
import { humanize } from "../shared/format";
import { Alert, RoleBadge, Spinner } from "../shared/ui";

const SHORTCUTS = [
  {
    title: "Discover partners",
    text: "Members near you who train like you do, matched on interests and schedule.",
    to: "/discover",
    action: "Find partners",
  },
  { title: "Messages", text: "Chat with your matches and class groups.", to: "/messages", action: "Open messages" },
] as const;

function availabilitySummary(slots: readonly AvailabilitySlot[]): string {
  if (slots.length === 0) return "No times set yet";
  const days = WEEKDAYS.filter((day) => DAY_PARTS.some((part) => slots.includes(`${day}:${part}`)));
  return `${slots.length} ${slots.length === 1 ? "slot" : "slots"} a week · ${days.map(humanize).join(", ")}`;
}

export function HomePage() {
  const { session, profile } = useReadyProfile();
  const city = profile.city ? cityById(profile.city) : undefined;

  return (
    <div className="page">
      <header className="page-header hero">
        <p className="eyebrow">Welcome back</p>
        <h1 data-testid="home-welcome">Hi, {profile.displayName}!</h1>
        <p className="muted">Here's how other members see you.</p>
      </header>

      <FeedCard uid={session.uid} />

      <div className="grid">
        <section className="card profile-summary" aria-labelledby="summary-heading" data-testid="profile-summary">
          <div className="summary-head">
            <div className="avatar" aria-hidden="true">
              {profile.displayName.charAt(0).toUpperCase()}
            </div>
            <div>
              <h2 id="summary-heading" className="card-title">
                {profile.displayName}
              </h2>
              <p className="muted">
                {humanize(profile.fitnessLevel)} · <span data-testid="summary-city">{city?.name ?? "No city"}</span>{" "}
                <RoleBadge role={session.role} />
              </p>
            </div>
          </div>
          {profile.bio && (
            <p className="bio" data-testid="summary-bio">
              {profile.bio}
            </p>
          )}
          <h3 className="subheading">Interests</h3>
          {profile.interests.length > 0 ? (
            <ul className="chips" data-testid="summary-interests">
              {profile.interests.map((interest) => (
                <li key={interest} className="chip chip-static">
                  {humanize(interest)}
                </li>
              ))}
            </ul>
          ) : (
            <p className="muted">None yet</p>
          )}
          <h3 className="subheading">Availability</h3>
          <p data-testid="summary-availability">{availabilitySummary(profile.availability)}</p>
          <Link to="/profile" className="button">
            Edit profile
          </Link>
        </section>

        <div className="stack">
          <NextClasses uid={session.uid} />
          {SHORTCUTS.map((item) => (
            <section key={item.title} className="card stack" aria-label={item.title}>
              <h2 className="card-title">{item.title}</h2>
              <p className="muted">{item.text}</p>
              <Link to={item.to} className="button">
                {item.action}
              </Link>
            </section>
          ))}
        </div>
      </div>
    </div>
  );
}

const PEEK = 3;

/** The member's next few classes, and the way to find more. */
function NextClasses({ uid }: { uid: string }) {
  const upcoming = useMyUpcoming(uid, PEEK);
  return (
    <section className="card" aria-labelledby="next-classes-heading" data-testid="home-classes">
      <h2 id="next-classes-heading" className="card-title">
        Your next classes
      </h2>
      {upcoming.status === "loading" && <Spinner label="Loading your classes…" />}
      {upcoming.status === "error" && <Alert kind="error">{upcoming.message}</Alert>}
      {upcoming.status === "ready" && <UpcomingList rows={upcoming.value} compact />}
      <div className="row home-class-links">
        <Link to="/classes" className="button button-primary button-small">
          Find a class
        </Link>
        <Link to="/schedule" className="button button-small">
          My schedule
        </Link>
      </div>
    </section>
  );
}

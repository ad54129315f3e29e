/** The instructor's side: their classes, creating and editing one. Admins see the same pages. */
import { Link, useNavigate, useParams } from "react-router";
import type { CityId } from "@numina/model";
import { useReadyProfile } from "../app/guards";
import { useNowMinute } from "../shared/hooks";
import { Alert, Spinner } from "../shared/ui";
import { ClassTime, SeatBadge } from "./ClassCard";
import { ClassForm } from "./ClassForm";
import type { ClassItem } from "./classesStore";
import { useClass, useInstructorClasses } from "./hooks";

export function InstructorPage() {
  const { session } = useReadyProfile();
  const classes = useInstructorClasses(session.uid);
  const nowMs = useNowMinute();
  const upcoming = classes.status === "ready" ? classes.value.filter((c) => c.data.startsAt.toMillis() >= nowMs) : [];
  // Most recent first: the classes an instructor may still need to check people in for.
  const past =
    classes.status === "ready" ? classes.value.filter((c) => c.data.startsAt.toMillis() < nowMs).reverse() : [];

  return (
    <div className="page">
      <header className="page-header row spread">
        <div>
          <p className="eyebrow">Instructor</p>
          <h1>My classes</h1>
          <p className="muted">Plan classes, follow sign-ups live and check people in.</p>
        </div>
        <Link to="/instructor/new" className="button button-primary" data-testid="new-class">
          New class
        </Link>
      </header>
      {classes.status === "loading" && <Spinner label="Loading your classes…" />}
      {classes.status === "error" && <Alert kind="error">{classes.message}</Alert>}
      {classes.status === "ready" && (
        <>
          <section className="stack" aria-labelledby="teaching-upcoming">
            <h2 id="teaching-upcoming" className="section-title">
              Upcoming
            </h2>
            {upcoming.length === 0 ? (
              <p className="card muted" data-testid="teaching-empty">
                No upcoming classes. Create one to get started.
              </p>
            ) : (
              <TeachingTable rows={upcoming} testId="teaching-upcoming-table" />
            )}
          </section>
          {past.length > 0 && (
            <section className="stack" aria-labelledby="teaching-past">
              <h2 id="teaching-past" className="section-title">
                Past
              </h2>
              <TeachingTable rows={past} testId="teaching-past-table" />
            </section>
          )}
        </>
      )}
    </div>
  );
}

function TeachingTable({ rows, testId }: { rows: ClassItem[]; testId: string }) {
  return (
    <div className="table-card card">
      <table className="users-table" data-testid={testId}>
        <thead>
          <tr>
            <th scope="col">Class</th>
            <th scope="col">When</th>
            <th scope="col">Seats</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((item) => (
            <tr key={item.id} data-testid={`teaching-row-${item.id}`}>
              <td>
                <Link to={`/instructor/classes/${item.id}`} className="class-link">
                  {item.data.title}
                </Link>
                <p className="hint">{item.data.location.name}</p>
              </td>
              <td>
                <ClassTime ms={item.data.startsAt.toMillis()} city={item.data.city} withDate />
              </td>
              <td>
                <SeatBadge item={item} />
              </td>
              <td className="actions-cell">
                <Link to={`/instructor/classes/${item.id}`} className="button button-small">
                  Roster
                </Link>
                {item.data.status === "scheduled" && (
                  <Link to={`/instructor/classes/${item.id}/edit`} className="button button-small">
                    Edit
                  </Link>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function NewClassPage() {
  const { session, profile } = useReadyProfile();
  const navigate = useNavigate();
  const city: CityId = profile.city ?? "london";
  return (
    <div className="page narrow">
      <p>
        <Link to="/instructor">← My classes</Link>
      </p>
      <header className="page-header">
        <p className="eyebrow">Instructor</p>
        <h1>New class</h1>
      </header>
      <ClassForm
        mode="create"
        instructorId={session.uid}
        defaultCity={city}
        onSaved={(classId) => void navigate(`/instructor/classes/${classId}`)}
      />
    </div>
  );
}

export function EditClassPage() {
  const { classId = "" } = useParams();
  const navigate = useNavigate();
  const cls = useClass(classId);
  return (
    <div className="page narrow">
      <p>
        <Link to={`/instructor/classes/${classId}`}>← Roster</Link>
      </p>
      <header className="page-header">
        <p className="eyebrow">Instructor</p>
        <h1>Edit class</h1>
      </header>
      {cls.status === "loading" && <Spinner label="Loading class…" />}
      {cls.status === "error" && <Alert kind="error">{cls.message}</Alert>}
      {cls.status === "ready" && !cls.value && <Alert kind="error">This class does not exist.</Alert>}
      {cls.status === "ready" && cls.value?.data.status === "cancelled" && (
        <Alert kind="warning">This class was cancelled and can no longer be edited.</Alert>
      )}
      {cls.status === "ready" && cls.value?.data.status === "scheduled" && (
        <ClassForm
          // The form starts from the class as it was when the page opened; live counts still
          // arrive through `current`, which holds the capacity rule.
          key={cls.value.id}
          mode="edit"
          classId={cls.value.id}
          current={cls.value.data}
          onSaved={(id) => void navigate(`/instructor/classes/${id}`)}
        />
      )}
    </div>
  );
}

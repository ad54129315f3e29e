import { Link } from "react-router";
import { cityById } from "@numina/model";
import { useNowMinute } from "../shared/hooks";
import { Alert, Spinner } from "../shared/ui";
import { usePeople } from "../shared/usePeople";
import { CancelClassButton } from "./CancelClassButton";
import { ClassTime } from "./ClassCard";
import { UPCOMING_LIMIT } from "./classesStore";
import { useUpcomingClasses } from "./hooks";

/** Admins: every upcoming class, whoever teaches it, with the means to cancel one. */
export function AdminClassesPage() {
  const nowMs = useNowMinute();
  const classes = useUpcomingClasses(nowMs);
  const rows = classes.status === "ready" ? classes.value : [];
  const people = usePeople(rows.map((c) => c.data.instructorId));

  return (
    <div className="page">
      <header className="page-header">
        <p className="eyebrow">Admin</p>
        <h1>All classes</h1>
        <p className="muted">
          Every upcoming class in every city (the next {UPCOMING_LIMIT}). Seat counts update live.
        </p>
      </header>
      {classes.status === "loading" && <Spinner label="Loading classes…" />}
      {classes.status === "error" && <Alert kind="error">{classes.message}</Alert>}
      {classes.status === "ready" &&
        (rows.length === 0 ? (
          <p className="card muted" data-testid="admin-classes-empty">
            No upcoming classes.
          </p>
        ) : (
          <div className="table-card card">
            <table className="users-table" data-testid="admin-classes-table">
              <thead>
                <tr>
                  <th scope="col">Class</th>
                  <th scope="col">Instructor</th>
                  <th scope="col">When</th>
                  <th scope="col">Seats</th>
                  <th scope="col">Status</th>
                  <th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {rows.map((item) => (
                  <tr key={item.id} data-testid={`admin-class-${item.id}`}>
                    <td>
                      <Link to={`/instructor/classes/${item.id}`} className="class-link">
                        {item.data.title}
                      </Link>
                      <p className="hint">
                        {item.data.location.name} · {cityById(item.data.city)?.name ?? item.data.city}
                      </p>
                    </td>
                    <td>{people[item.data.instructorId] ?? "…"}</td>
                    <td>
                      <ClassTime ms={item.data.startsAt.toMillis()} city={item.data.city} withDate />
                    </td>
                    <td>
                      {item.data.confirmedCount}/{item.data.capacity}
                      {item.data.waitlistCount > 0 && (
                        <span className="hint"> · {item.data.waitlistCount} waiting</span>
                      )}
                    </td>
                    <td>
                      <span className={`status-pill status-${item.data.status}`}>
                        {item.data.status === "scheduled" ? "Scheduled" : "Cancelled"}
                      </span>
                    </td>
                    <td className="actions-cell">
                      {item.data.status === "scheduled" && <CancelClassButton item={item} />}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ))}
    </div>
  );
}

import { useCallback, useEffect, useState, type FormEvent } from "react";
import { ROLES, cityById, type Role } from "@numina/model";
import { useSession } from "../auth/AuthProvider";
import { AdminDeleteAccountButton } from "../privacy/AdminDeleteAccountButton";
import { errorMessage } from "../shared/errors";
import { humanize } from "../shared/format";
import { Alert, RoleBadge, Spinner, roleLabel } from "../shared/ui";
import { listUsers, setUserRole, type UserCursor, type UserRow } from "./usersStore";

const PAGE_SIZE = 20;

type LoadState =
  | { status: "loading" }
  | { status: "ready"; rows: UserRow[]; next: UserCursor | null }
  | { status: "error"; message: string };

export function UsersPage() {
  const [search, setSearch] = useState("");
  const [prefix, setPrefix] = useState("");
  // cursors[i] is where page i starts (null for the first page), so "Previous" is a lookup.
  const [cursors, setCursors] = useState<(UserCursor | null)[]>([null]);
  const [page, setPage] = useState(0);
  const [state, setState] = useState<LoadState>({ status: "loading" });

  const load = useCallback((after: UserCursor | null, namePrefix: string) => {
    let cancelled = false;
    setState({ status: "loading" });
    listUsers({ pageSize: PAGE_SIZE, prefix: namePrefix, after })
      .then((result) => !cancelled && setState({ status: "ready", rows: result.rows, next: result.next }))
      .catch((error: unknown) => !cancelled && setState({ status: "error", message: errorMessage(error) }));
    return () => {
      cancelled = true;
    };
  }, []);

  useEffect(() => load(cursors[page] ?? null, prefix), [load, cursors, page, prefix]);

  function onSearch(event: FormEvent) {
    event.preventDefault();
    setCursors([null]);
    setPage(0);
    setPrefix(search.trim());
  }

  function nextPage() {
    if (state.status !== "ready" || !state.next) return;
    const next = state.next;
    setCursors((current) => [...current.slice(0, page + 1), next]);
    setPage(page + 1);
  }

  return (
    <div className="page">
      <header className="page-header">
        <h1>Users</h1>
        <p className="muted">Change what members can do. Role changes apply to open sessions within seconds.</p>
      </header>
      <form className="search-bar" role="search" onSubmit={onSearch}>
        <label htmlFor="user-search">Search by name</label>
        <input
          id="user-search"
          type="search"
          placeholder="Name starts with… (case-sensitive)"
          value={search}
          onChange={(e) => setSearch(e.target.value)}
        />
        <button type="submit" className="button">
          Search
        </button>
      </form>

      {state.status === "loading" && <Spinner label="Loading users…" />}
      {state.status === "error" && (
        <Alert kind="error" testId="users-error">
          {state.message}
        </Alert>
      )}
      {state.status === "ready" && (
        <>
          {state.rows.length === 0 ? (
            <p className="muted card" data-testid="users-empty">
              No users{prefix ? ` with a name starting “${prefix}”` : ""}.
            </p>
          ) : (
            <div className="table-card card">
              <table className="users-table" data-testid="users-table">
                <thead>
                  <tr>
                    <th scope="col">Name</th>
                    <th scope="col">City</th>
                    <th scope="col">Level</th>
                    <th scope="col">Role</th>
                    <th scope="col">Change role</th>
                    <th scope="col">Account</th>
                  </tr>
                </thead>
                <tbody>
                  {state.rows.map((row) => (
                    <UserTableRow key={row.uid} row={row} />
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <nav className="pager" aria-label="Pages">
            <button type="button" className="button" disabled={page === 0} onClick={() => setPage(page - 1)}>
              Previous
            </button>
            <span className="muted">Page {page + 1}</span>
            <button type="button" className="button" disabled={!state.next} onClick={nextPage}>
              Next
            </button>
          </nav>
        </>
      )}
    </div>
  );
}

function UserTableRow({ row }: { row: UserRow }) {
  const session = useSession();
  const [role, setRole] = useState<Role | null>("profile" in row ? row.profile.role : null);
  const [saving, setSaving] = useState<Role | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);

  if (!("profile" in row)) {
    return (
      <tr data-testid={`user-row-${row.uid}`}>
        <td colSpan={6} className="muted">
          {row.uid}: this profile could not be read ({row.invalid})
        </td>
      </tr>
    );
  }
  const { profile } = row;
  const isSelf = row.uid === session.uid;

  async function change(next: Role) {
    setSaving(next);
    setError(null);
    setSaved(false);
    try {
      const result = await setUserRole(row.uid, next);
      setRole(result.role);
      setSaved(true);
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setSaving(null);
    }
  }

  const selectId = `role-${row.uid}`;
  return (
    <tr data-testid={`user-row-${row.uid}`}>
      <td>
        <span className="user-cell-name">{profile.displayName}</span>
        {isSelf && <span className="hint"> (you)</span>}
      </td>
      <td>{profile.city ? (cityById(profile.city)?.name ?? profile.city) : "—"}</td>
      <td>{humanize(profile.fitnessLevel)}</td>
      <td>{role && <RoleBadge role={role} testId={`user-role-${row.uid}`} />}</td>
      <td>
        {isSelf ? (
          <span className="hint">Another admin must change your role.</span>
        ) : (
          <div className="role-control">
            <label htmlFor={selectId} className="visually-hidden">
              Role for {profile.displayName}
            </label>
            <select
              id={selectId}
              data-testid={`role-select-${row.uid}`}
              value={saving ?? role ?? "member"}
              disabled={saving !== null}
              onChange={(e) => void change(e.target.value as Role)}
            >
              {ROLES.map((r) => (
                <option key={r} value={r}>
                  {roleLabel(r)}
                </option>
              ))}
            </select>
            {saving && (
              <span className="hint" role="status">
                Saving…
              </span>
            )}
            {saved && !saving && (
              <span className="text-success hint" role="status" data-testid={`role-saved-${row.uid}`}>
                Saved
              </span>
            )}
            {error && (
              <span className="field-error" role="alert" data-testid={`role-error-${row.uid}`}>
                {error}
              </span>
            )}
          </div>
        )}
      </td>
      <td>{!isSelf && <AdminDeleteAccountButton uid={row.uid} name={profile.displayName} />}</td>
    </tr>
  );
}

import type { ReactNode } from "react";
import { Link } from "react-router";

/** The centred card used by every signed-out page. */
export function AuthLayout({ title, subtitle, children }: { title: string; subtitle?: string; children: ReactNode }) {
  return (
    <div className="auth-shell">
      <main className="auth-card">
        <Link to="/" className="brand brand-large" aria-label="Numina home">
          <span className="brand-mark" aria-hidden="true">
            N
          </span>
          Numina
        </Link>
        <h1>{title}</h1>
        {subtitle && <p className="muted">{subtitle}</p>}
        {children}
      </main>
    </div>
  );
}

/** The Terms of Service and the Privacy Policy in force (TERMS_VERSION), readable signed out. */
import type { ReactNode } from "react";
import { Link } from "react-router";
import { TERMS_VERSION } from "@numina/model";

export function TermsPage() {
  return (
    <LegalPage title="Terms of Service">
      <p>
        Numina helps you find training partners and classes near you. Be respectful: no harassment, spam or fake
        profiles. Turn up when you have booked, or cancel so someone on the waitlist gets your place.
      </p>
      <p>
        Instructors are responsible for their classes. Moderators may hide content or suspend accounts that break these
        terms; you can appeal.
      </p>
    </LegalPage>
  );
}

export function PrivacyPage() {
  return (
    <LegalPage title="Privacy Policy">
      <p>
        Numina keeps your profile, preferences, bookings, matches and messages to run the service. Your exact location
        stays private: others see an approximate area only. Partner feedback you give is private.
      </p>
      <p>
        Emails other than about your account and bookings are sent only if you switch them on. Data is kept no longer
        than needed, on a published schedule.
      </p>
    </LegalPage>
  );
}

function LegalPage({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div className="page narrow">
      <article className="card stack" data-testid="legal-page">
        <p className="eyebrow">Version {TERMS_VERSION}</p>
        <h1>{title}</h1>
        {children}
        <p>
          <Link to="/">Back to Numina</Link>
        </p>
      </article>
    </div>
  );
}

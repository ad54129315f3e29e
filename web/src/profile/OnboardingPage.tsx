import { Navigate, useNavigate } from "react-router";
import { useReadyProfile } from "../app/guards";
import { ProfileForm } from "./ProfileForm";

export function OnboardingPage() {
  const { session, profile } = useReadyProfile();
  const navigate = useNavigate();
  if (profile.onboardingComplete) return <Navigate to="/" replace />;

  return (
    <div className="page narrow">
      <header className="page-header">
        <p className="eyebrow">Step 1 of 1</p>
        <h1 data-testid="onboarding-title">Set up your profile</h1>
        <p className="muted">
          Tell other members how you like to train. You can change any of this later from your profile.
        </p>
      </header>
      <ProfileForm
        uid={session.uid}
        profile={profile}
        savedLocation={null}
        submitLabel="Finish setup"
        onSaved={() => void navigate("/", { replace: true })}
      />
    </div>
  );
}

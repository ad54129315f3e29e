import { BrowserRouter, Route, Routes } from "react-router";
import { UsersPage } from "../admin/UsersPage";
import { AuthActionPage } from "../auth/AuthActionPage";
import { AuthProvider } from "../auth/AuthProvider";
import { SignInPage } from "../auth/SignInPage";
import { SignUpPage } from "../auth/SignUpPage";
import { VerifyEmailPage } from "../auth/VerifyEmailPage";
import { HomePage } from "../home/HomePage";
import { OnboardingPage } from "../profile/OnboardingPage";
import { ProfilePage } from "../profile/ProfilePage";
import { AppLayout } from "./AppLayout";
import { NotFound, PublicOnly, RequireAuth, RequireOnboarded, RequireProfile, RequireRole } from "./guards";

const ADMIN_ONLY = ["admin"] as const;

export function App() {
  return (
    <AuthProvider>
      <BrowserRouter>
        <Routes>
          <Route element={<PublicOnly />}>
            <Route path="/sign-in" element={<SignInPage />} />
            <Route path="/sign-up" element={<SignUpPage />} />
          </Route>
          {/* Email links work whether or not the reader is signed in on this device. */}
          <Route path="/auth/action" element={<AuthActionPage />} />
          <Route element={<RequireAuth />}>
            <Route element={<AppLayout />}>
              <Route path="/verify-email" element={<VerifyEmailPage />} />
              <Route element={<RequireProfile />}>
                <Route path="/onboarding" element={<OnboardingPage />} />
                <Route element={<RequireOnboarded />}>
                  <Route index element={<HomePage />} />
                  <Route path="/profile" element={<ProfilePage />} />
                  <Route element={<RequireRole roles={ADMIN_ONLY} />}>
                    <Route path="/admin/users" element={<UsersPage />} />
                  </Route>
                </Route>
              </Route>
              <Route path="*" element={<NotFound />} />
            </Route>
          </Route>
        </Routes>
      </BrowserRouter>
    </AuthProvider>
  );
}

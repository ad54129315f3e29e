import { BrowserRouter, Route, Routes } from "react-router";
import { UsersPage } from "../admin/UsersPage";
import { AuthActionPage } from "../auth/AuthActionPage";
import { AuthProvider } from "../auth/AuthProvider";
import { SignInPage } from "../auth/SignInPage";
import { SignUpPage } from "../auth/SignUpPage";
import { VerifyEmailPage } from "../auth/VerifyEmailPage";
import { AdminClassesPage } from "../classes/AdminClassesPage";
import { ClassDetailPage } from "../classes/ClassDetailPage";
import { ClassesPage } from "../classes/ClassesPage";
import { EditClassPage, InstructorPage, NewClassPage } from "../classes/InstructorPages";
import { RosterPage } from "../classes/RosterPage";
import { SchedulePage } from "../classes/SchedulePage";
import { HomePage } from "../home/HomePage";
import { ChatPage } from "../messaging/ChatPage";
import { InboxPage } from "../messaging/InboxPage";
import { OnboardingPage } from "../profile/OnboardingPage";
import { ProfilePage } from "../profile/ProfilePage";
import { MailboxPage } from "../notifications/MailboxPage";
import { NotificationSettingsPage } from "../notifications/NotificationSettingsPage";
import { NotificationsPage } from "../notifications/NotificationsPage";
import { config } from "../config";
import { PageOutlet } from "../shared/ErrorBoundary";
import { AppLayout } from "./AppLayout";
// ---- Matching
import { ReportsPage } from "../admin/ReportsPage";
import { DiscoverPage } from "../matching/DiscoverPage";
import { MatchesPage } from "../matching/MatchesPage";
import { MatchPreferencesPage } from "../matching/MatchPreferencesPage";
import { PersonPage } from "../matching/PersonPage";
import { ConnectionsPage } from "../social/ConnectionsPage";
import { NotFound, PublicOnly, RequireAuth, RequireOnboarded, RequireProfile, RequireRole } from "./guards";
import { MyReportsPage } from "../reports/MyReportsPage";
import { AuditLogPage } from "../admin/AuditLogPage";
import { RequireGoodStanding } from "../moderation/RequireGoodStanding";
import { PrivacyPage, TermsPage } from "../legal/LegalPage";
import { RequireCurrentTerms } from "../legal/TermsGate";
// ---- Privacy
import { YourDataPage } from "../privacy/YourDataPage";
// ---- Reviews
import { InstructorProfilePage } from "../reviews/InstructorProfilePage";
import { ReviewQueuePage } from "../reviews/ReviewQueuePage";

const ADMIN_ONLY = ["admin"] as const;
const TEACHERS = ["instructor", "admin"] as const;

export function App() {
  return (
    <AuthProvider>
      <BrowserRouter>
        <Routes>
          {/* For the public pages and the layout itself; pages inside the layout have their own. */}
          <Route element={<PageOutlet />}>
            <Route element={<PublicOnly />}>
              <Route path="/sign-in" element={<SignInPage />} />
              <Route path="/sign-up" element={<SignUpPage />} />
            </Route>
            {/* Email links work whether or not the reader is signed in on this device. */}
            <Route path="/auth/action" element={<AuthActionPage />} />
            {/* ---- Legal: readable before signing up */}
            <Route path="/legal/terms" element={<TermsPage />} />
            <Route path="/legal/privacy" element={<PrivacyPage />} />
            {/* ---- Notifications: the local mail catcher's inbox, only against the emulators. */}
            {config.emulators && <Route path="/dev/mailbox" element={<MailboxPage />} />}
            <Route element={<RequireAuth />}>
              <Route element={<AppLayout />}>
                <Route path="/verify-email" element={<VerifyEmailPage />} />
                {/* ---- Privacy: a member's rights over their data need no profile, standing or terms. */}
                <Route path="/settings/privacy" element={<YourDataPage />} />
                <Route element={<RequireProfile />}>
                  <Route element={<RequireGoodStanding />}>
                    <Route element={<RequireCurrentTerms />}>
                      <Route path="/onboarding" element={<OnboardingPage />} />
                      <Route element={<RequireOnboarded />}>
                        <Route index element={<HomePage />} />
                        <Route path="/profile" element={<ProfilePage />} />
                        <Route path="/classes" element={<ClassesPage />} />
                        <Route path="/classes/:classId" element={<ClassDetailPage />} />
                        <Route path="/schedule" element={<SchedulePage />} />
                        {/* ---- Notifications */}
                        <Route path="/notifications" element={<NotificationsPage />} />
                        <Route path="/settings/notifications" element={<NotificationSettingsPage />} />
                        {/* ---- Matching */}
                        <Route path="/discover" element={<DiscoverPage />} />
                        <Route path="/matches" element={<MatchesPage />} />
                        <Route path="/matches/preferences" element={<MatchPreferencesPage />} />
                        <Route path="/people/:uid" element={<PersonPage />} />
                        <Route path="/connections" element={<ConnectionsPage />} />
                        {/* ---- Messaging */}
                        <Route path="/messages" element={<InboxPage />} />
                        <Route path="/messages/:conversationId" element={<ChatPage />} />
                        <Route path="/reports" element={<MyReportsPage />} />
                        {/* ---- Reviews */}
                        <Route path="/instructors/:uid" element={<InstructorProfilePage />} />
                        <Route element={<RequireRole roles={TEACHERS} audience="instructors" />}>
                          <Route path="/instructor" element={<InstructorPage />} />
                          <Route path="/instructor/new" element={<NewClassPage />} />
                          <Route path="/instructor/classes/:classId" element={<RosterPage />} />
                          <Route path="/instructor/classes/:classId/edit" element={<EditClassPage />} />
                        </Route>
                        <Route element={<RequireRole roles={ADMIN_ONLY} />}>
                          <Route path="/admin/users" element={<UsersPage />} />
                          <Route path="/admin/classes" element={<AdminClassesPage />} />
                          {/* ---- Matching */}
                          <Route path="/admin/reports" element={<ReportsPage />} />
                          <Route path="/admin/audit" element={<AuditLogPage />} />
                          {/* ---- Reviews */}
                          <Route path="/admin/reviews" element={<ReviewQueuePage />} />
                        </Route>
                      </Route>
                    </Route>
                  </Route>
                </Route>
                <Route path="*" element={<NotFound />} />
              </Route>
            </Route>
          </Route>
        </Routes>
      </BrowserRouter>
    </AuthProvider>
  );
}

/** Every deployed function, and nothing else. The runtime options (region, instance cap) load first. */
import "./shared/runtime.js";

export { provisionAccount } from "./accounts/triggers.js";
export { setUserRole } from "./rbac/callables.js";
export { cancelRsvp, getMyRsvp, markAttendance, removeAttendee, rsvpClass } from "./classes/callables.js";
export { onAttendeePromoted, onClassCreated, onClassUpdated } from "./classes/triggers.js";
export { sendClassReminders } from "./classes/scheduled.js";

// ---- Notifications
export { capMemberDevices, deliverQueuedMail, sendWelcomeEmail } from "./notifications/triggers.js";
export { requestPasswordReset, sendVerificationEmail, unsubscribe } from "./notifications/callables.js";
export {
  cleanUpNotifications,
  sendQuietHoursPushes,
  sendWeeklyDigest,
  sweepMailOutbox,
} from "./notifications/scheduled.js";

// ---- Matching
export {
  getClassRecommendations,
  getPartnerMatches,
  setMatchPreferences,
  setMyLocation,
  unmatch,
} from "./matching/callables.js";
export {
  onBlockCreated,
  onLocationChangedForMatching,
  onMatchActionCreated,
  onMatchPreferencesWritten,
  onProfileChangedForMatching,
} from "./matching/triggers.js";
export { refreshCandidateQueues } from "./matching/scheduled.js";

// ---- Messaging
export { deleteMessage, leaveConversation } from "./messaging/callables.js";
export {
  onAttendeeWrittenSyncClassChat,
  onClassCancelledCloseChat,
  onConversationMemberUpdated,
  onMessageCreated,
} from "./messaging/triggers.js";

// ---- Reports
export { reportComment, reportMember, reportMessage } from "./reports/callables.js";

// ---- Moderation
export { dismissReport, moderateMember, takeDownComment, takeDownMessage } from "./moderation/callables.js";
export { liftExpiredSuspensions } from "./moderation/scheduled.js";

// ---- Reviews
export { moderateClassReview, replyToClassReview, reportClassReview, submitClassReview } from "./reviews/callables.js";
export { sendReviewPrompts } from "./reviews/scheduled.js";
export { onClassReviewWritten } from "./reviews/triggers.js";

// ---- Partner feedback
export { getPartnerFeedbackPrompts, submitPartnerFeedback } from "./partnerFeedback/callables.js";
export { applyClosedPartnerFeedback } from "./partnerFeedback/scheduled.js";

// ---- Privacy
export {
  adminDeleteAccount,
  cancelAccountDeletion,
  requestAccountDeletion,
  requestDataExport,
} from "./privacy/callables.js";
export { buildRequestedDataExport } from "./privacy/triggers.js";
export { applyRetentionPolicies, processAccountDeletions } from "./privacy/scheduled.js";

// ---- Social
export { addComment, changeConnection, deleteComment, giveKudos } from "./social/callables.js";
export { onAttendanceRecordedForFeed, onBlockCreatedForSocial } from "./social/triggers.js";

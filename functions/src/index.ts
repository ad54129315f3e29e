/** Every deployed function, and nothing else. */
export { provisionAccount } from "./accounts/triggers.js";
export { setUserRole } from "./rbac/callables.js";
export { cancelRsvp, getMyRsvp, markAttendance, removeAttendee, rsvpClass } from "./classes/callables.js";
export { onClassCreated, onClassUpdated } from "./classes/triggers.js";
export { sendClassReminders } from "./classes/scheduled.js";
// ---- Messaging
export { leaveConversation, reportMessage } from "./messaging/callables.js";
export {
  onAttendeeWrittenSyncClassChat,
  onClassCancelledCloseChat,
  onConversationMemberUpdated,
  onMessageCreated,
} from "./messaging/triggers.js";

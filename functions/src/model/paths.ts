/**
 * The one registry of Firestore paths. Functions, the web client, scripts and tests build paths
 * here instead of spelling them out, so a rename happens in one place.
 */
export const collections = {
  users: "users",
  auditLogs: "auditLogs",
  classes: "classes",
  /** Collection-group name of every class's roster. */
  attendees: "attendees",
  matches: "matches",
  reports: "reports",
  conversations: "conversations",
  /** Collection-group name of every conversation's messages. */
  messages: "messages",
  /** Outbox in the Firebase "Trigger Email" extension's document shape. */
  mail: "mail",
  config: "config",
} as const;

export const paths = {
  user: (uid: string) => `users/${uid}`,
  privateSettings: (uid: string) => `users/${uid}/private/settings`,
  auditLog: (id: string) => `auditLogs/${id}`,
  class: (classId: string) => `classes/${classId}`,
  attendees: (classId: string) => `classes/${classId}/attendees`,
  attendee: (classId: string, uid: string) => `classes/${classId}/attendees/${uid}`,
  attendance: (uid: string) => `users/${uid}/attendance`,
  attendanceRecord: (uid: string, classId: string) => `users/${uid}/attendance/${classId}`,
  notifications: (uid: string) => `users/${uid}/notifications`,
  notification: (uid: string, id: string) => `users/${uid}/notifications/${id}`,
  /** Per-type, per-channel notification wishes and quiet hours (owner-written). */
  notificationPreferences: (uid: string) => `users/${uid}/private/notificationPreferences`,
  /** FCM registration tokens, one document per device (owner-written). */
  devices: (uid: string) => `users/${uid}/devices`,
  device: (uid: string, deviceId: string) => `users/${uid}/devices/${deviceId}`,
  mail: (id: string) => `mail/${id}`,

  /** Who a member wants to see in Discover (owner-written). */
  matchPreferences: (uid: string) => `users/${uid}/private/matchPreferences`,
  matchActions: (uid: string) => `users/${uid}/matchActions`,
  matchAction: (uid: string, targetUid: string) => `users/${uid}/matchActions/${targetUid}`,
  blocks: (uid: string) => `users/${uid}/blocks`,
  block: (uid: string, otherUid: string) => `users/${uid}/blocks/${otherUid}`,
  match: (pairId: string) => `matches/${pairId}`,
  report: (id: string) => `reports/${id}`,
  /** Tunable weights and limits, read by functions and edited by admins. */
  matchingConfig: () => "config/matching",

  conversation: (conversationId: string) => `conversations/${conversationId}`,
  messages: (conversationId: string) => `conversations/${conversationId}/messages`,
  message: (conversationId: string, messageId: string) => `conversations/${conversationId}/messages/${messageId}`,

  // ---- Messaging
  /** Each member's own state in a conversation: read position, mute, typing (member-written). */
  conversationMembers: (conversationId: string) => `conversations/${conversationId}/members`,
  conversationMember: (conversationId: string, uid: string) => `conversations/${conversationId}/members/${uid}`,
  /** One marker per message whose counters were applied, so a retried trigger counts nothing twice. */
  messageReceipt: (conversationId: string, messageId: string) =>
    `conversations/${conversationId}/receipts/${messageId}`,
} as const;

/** The one settings document under `users/{uid}/private/`. */
export const PRIVATE_SETTINGS_DOC = "settings";

/** Path patterns for Firestore triggers (literal types, so event.params is typed). */
export const documentPatterns = {
  class: "classes/{classId}",
  // ---- Messaging
  attendee: "classes/{classId}/attendees/{uid}",
  message: "conversations/{conversationId}/messages/{messageId}",
  conversationMember: "conversations/{conversationId}/members/{uid}",
} as const;

// ---- Notifications
/** Functions-only record of what each notice delivered to one member, per channel (see notifications/inboxStore.ts). */
export const notificationPaths = {
  deliveries: (uid: string) => `users/${uid}/notificationDeliveries`,
  delivery: (uid: string, noticeId: string) => `users/${uid}/notificationDeliveries/${noticeId}`,
} as const;
/** Collection-group names the clean-up and digest jobs query. */
export const notificationGroups = {
  notifications: "notifications",
  deliveries: "notificationDeliveries",
  devices: "devices",
} as const;
export const notificationPatterns = {
  mail: "mail/{mailId}",
  privateSettings: "users/{uid}/private/settings",
} as const;

// ---- Matching
export const matchingPaths = {
  /** Today's super-like count (owner-written with each super-like, checked by rules). */
  superLikeQuota: (uid: string) => `users/${uid}/private/superLikeQuota`,
  /** The precomputed Discover queue (functions only). */
  candidates: (uid: string) => `users/${uid}/candidates`,
  candidate: (uid: string, candidateUid: string) => `users/${uid}/candidates/${candidateUid}`,
  /** When the queue was last rebuilt (functions only). */
  candidateQueueState: (uid: string) => `users/${uid}/private/candidateQueue`,
} as const;

export const matchingPatterns = {
  profile: "users/{uid}",
  privateSettings: "users/{uid}/private/settings",
  matchPreferences: "users/{uid}/private/matchPreferences",
  matchAction: "users/{uid}/matchActions/{targetUid}",
  block: "users/{uid}/blocks/{otherUid}",
} as const;

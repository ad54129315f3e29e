/**
 * The one registry of Firestore paths, by feature. Functions, the web client, scripts and tests
 * build paths here instead of spelling them out, so a rename happens in one place. Every id passed
 * in must already be a valid document id (see documentIdSchema): a path builder trusts its input.
 *
 *   collections  top-level collection and collection-group names (for queries)
 *   paths        one document or collection path per noun
 *   patterns     trigger patterns, literal types so a trigger's event.params is typed
 */
export const collections = {
  // ---- Accounts and roles
  users: "users",
  auditLogs: "auditLogs",
  config: "config",
  // ---- Classes
  classes: "classes",
  /** Collection group: every class's roster. */
  attendees: "attendees",
  // ---- Matching
  matches: "matches",
  /** Collection group: every member's blocks (a Discover page checks its entries' in one query). */
  blocks: "blocks",
  // ---- Messaging
  conversations: "conversations",
  /** Collection group: every conversation's messages. */
  messages: "messages",
  // ---- Notifications
  /** Outbox in the Firebase "Trigger Email" extension's document shape. */
  mail: "mail",
  /** Collection group: every member's in-app notices (the clean-up job). */
  notifications: "notifications",
  /** Collection group: every member's delivery records (the digest job). */
  notificationDeliveries: "notificationDeliveries",
  /** Collection group: the devices of many members at once (a group chat's push), by `uid`. */
  devices: "devices",
  /** Collection group: applied messages' receipts (the retention job). */
  messageReceipts: "receipts",
  /** Collection group: deleted messages' kept text (TTL policy on expiresAt). */
  messageEvidence: "evidence",
  // ---- Reports and moderation
  reports: "reports",
  moderation: "moderation",
  // ---- Limits
  rateLimits: "rateLimits",
  // ---- Reviews
  /** Collection group: every class's reviews (an instructor's, a series', the held queue). */
  reviews: "reviews",
  ratingSummaries: "ratingSummaries",
  // ---- Partner feedback
  partnerFeedback: "partnerFeedback",
  reliability: "reliability",
  // ---- Privacy
  dataExports: "dataExports",
  accountDeletions: "accountDeletions",
  // ---- Social
  /** Collection group: every member's connections (a deleted member's mirrors, by `otherUid`). */
  connections: "connections",
  socialCounts: "socialCounts",
  activities: "activities",
  /** Collection group: every reader's feed (an activity's copies, by `activityId`; an author's, by `authorId`). */
  feed: "feed",
  /** Collection group: the kudos of every activity (a member's, by `uid`). */
  kudos: "kudos",
  /** Collection group: the comments of every activity (a member's, by `authorId`). */
  comments: "comments",
  // ---- Server secrets (functions only)
  serverKeys: "serverKeys",
} as const;

/** The one settings document under `users/{uid}/private/`. */
export const PRIVATE_SETTINGS_DOC = "settings";

export const paths = {
  // ---- Accounts and roles
  user: (uid: string) => `users/${uid}`,
  privateSettings: (uid: string) => `users/${uid}/private/${PRIVATE_SETTINGS_DOC}`,
  auditLog: (id: string) => `auditLogs/${id}`,

  // ---- Classes
  class: (classId: string) => `classes/${classId}`,
  attendees: (classId: string) => `classes/${classId}/attendees`,
  attendee: (classId: string, uid: string) => `classes/${classId}/attendees/${uid}`,
  attendance: (uid: string) => `users/${uid}/attendance`,
  attendanceRecord: (uid: string, classId: string) => `users/${uid}/attendance/${classId}`,

  // ---- Matching
  /** Who a member wants to see in Discover (owner-written). */
  matchPreferences: (uid: string) => `users/${uid}/private/matchPreferences`,
  matchActions: (uid: string) => `users/${uid}/matchActions`,
  matchAction: (uid: string, targetUid: string) => `users/${uid}/matchActions/${targetUid}`,
  /** Today's super-like count (owner-written with each super-like, checked by rules). */
  superLikeQuota: (uid: string) => `users/${uid}/private/superLikeQuota`,
  blocks: (uid: string) => `users/${uid}/blocks`,
  block: (uid: string, otherUid: string) => `users/${uid}/blocks/${otherUid}`,
  match: (pairId: string) => `matches/${pairId}`,
  /** Tunable weights and limits, read by functions and edited by admins. */
  matchingConfig: () => `config/matching`,
  /** The precomputed Discover queue (functions only). */
  candidates: (uid: string) => `users/${uid}/candidates`,
  candidate: (uid: string, candidateUid: string) => `users/${uid}/candidates/${candidateUid}`,
  /** Secrets only functions read, e.g. the key of matching points (no client access). */
  serverKey: (name: string) => `serverKeys/${name}`,
  /** When the queue was last rebuilt (functions only). */
  candidateQueueState: (uid: string) => `users/${uid}/private/candidateQueue`,

  // ---- Messaging
  conversation: (conversationId: string) => `conversations/${conversationId}`,
  messages: (conversationId: string) => `conversations/${conversationId}/messages`,
  message: (conversationId: string, messageId: string) => `conversations/${conversationId}/messages/${messageId}`,
  /** Each member's own state in a conversation: read position, mute, typing (member-written). */
  conversationMembers: (conversationId: string) => `conversations/${conversationId}/members`,
  conversationMember: (conversationId: string, uid: string) => `conversations/${conversationId}/members/${uid}`,
  /** One marker per message whose counters were applied, so a retried trigger counts nothing twice. */
  messageReceipt: (conversationId: string, messageId: string) =>
    `conversations/${conversationId}/receipts/${messageId}`,
  /** A deleted message's text, kept for moderators for a while (functions only). */
  messageEvidence: (conversationId: string, messageId: string) =>
    `conversations/${conversationId}/evidence/${messageId}`,

  // ---- Notifications
  notifications: (uid: string) => `users/${uid}/notifications`,
  notification: (uid: string, id: string) => `users/${uid}/notifications/${id}`,
  /** Per-type, per-channel notification wishes and quiet hours (owner-written). */
  notificationPreferences: (uid: string) => `users/${uid}/private/notificationPreferences`,
  /** Functions-only record of what each notice delivered to one member, per channel. */
  notificationDeliveries: (uid: string) => `users/${uid}/notificationDeliveries`,
  notificationDelivery: (uid: string, noticeId: string) => `users/${uid}/notificationDeliveries/${noticeId}`,
  /** FCM registration tokens, one document per device (owner-written). */
  devices: (uid: string) => `users/${uid}/devices`,
  device: (uid: string, deviceId: string) => `users/${uid}/devices/${deviceId}`,
  mail: (id: string) => `mail/${id}`,

  // ---- Reports and moderation
  report: (id: string) => `reports/${id}`,
  /** A member's standing: suspended or banned, until when and why (functions only). */
  moderation: (uid: string) => `moderation/${uid}`,

  // ---- Limits
  /** Admin overrides of the limits (defaults in model/limits.ts). */
  limitsConfig: () => `config/limits`,
  /** The member's messages-per-minute window (owner-written with each message, checked by rules). */
  messageQuota: (uid: string) => `users/${uid}/private/messageQuota`,
  /** One counter per limit and subject; `subject` is a uid or a hash (see limits/subjects.ts). */
  rateLimit: (name: string, subject: string) => `rateLimits/${name}_${subject}`,

  // ---- Reviews
  reviews: (classId: string) => `classes/${classId}/reviews`,
  /** One review per attendee and class, keyed by the author (functions only). */
  review: (classId: string, uid: string) => `classes/${classId}/reviews/${uid}`,
  reviewReport: (classId: string, uid: string, reporterUid: string) =>
    `classes/${classId}/reviews/${uid}/reports/${reporterUid}`,
  /** `id` is ratingSummaryId(subject, subjectId) (functions only). */
  ratingSummary: (id: string) => `ratingSummaries/${id}`,

  // ---- Partner feedback
  /** `id` is partnerFeedbackId(classId, author, subject) (functions only; the author may read it). */
  partnerFeedback: (id: string) => `partnerFeedback/${id}`,
  /** What applied partner feedback says about a member (functions only). */
  reliability: (uid: string) => `reliability/${uid}`,

  // ---- Privacy
  /** An export a member asked for; its archive is in parts below it (functions only). */
  dataExport: (exportId: string) => `dataExports/${exportId}`,
  dataExportParts: (exportId: string) => `dataExports/${exportId}/parts`,
  dataExportPart: (exportId: string, partId: string) => `dataExports/${exportId}/parts/${partId}`,
  /** A member's pending or running account deletion (functions only). */
  accountDeletion: (uid: string) => `accountDeletions/${uid}`,

  // ---- Social
  /** How a member stands with each member they are connected to (functions only; the owner reads). */
  connections: (uid: string) => `users/${uid}/connections`,
  connection: (uid: string, otherUid: string) => `users/${uid}/connections/${otherUid}`,
  /** Followers, following and friends, counted exactly (functions only; every member reads). */
  socialCounts: (uid: string) => `socialCounts/${uid}`,
  /** Who may follow without approval and send friend requests (owner-written). */
  socialSettings: (uid: string) => `users/${uid}/private/social`,
  /** One thing a member did, with its audience (functions only). */
  activity: (activityId: string) => `activities/${activityId}`,
  /** A reader's feed: copies of the activities they may see (functions only; the owner reads). */
  feed: (uid: string) => `users/${uid}/feed`,
  feedEntry: (uid: string, activityId: string) => `users/${uid}/feed/${activityId}`,
  /** Who gave an activity kudos, one document each (functions only; the activity's audience reads). */
  activityKudos: (activityId: string) => `activities/${activityId}/kudos`,
  kudos: (activityId: string, uid: string) => `activities/${activityId}/kudos/${uid}`,
  /** An activity's comments (functions only; the activity's audience reads). */
  activityComments: (activityId: string) => `activities/${activityId}/comments`,
  activityComment: (activityId: string, commentId: string) => `activities/${activityId}/comments/${commentId}`,
} as const;

export const patterns = {
  // ---- Accounts and roles
  profile: "users/{uid}",
  privateSettings: "users/{uid}/private/settings",
  // ---- Classes
  class: "classes/{classId}",
  attendee: "classes/{classId}/attendees/{uid}",
  // ---- Matching
  matchPreferences: "users/{uid}/private/matchPreferences",
  matchAction: "users/{uid}/matchActions/{targetUid}",
  block: "users/{uid}/blocks/{otherUid}",
  // ---- Messaging
  message: "conversations/{conversationId}/messages/{messageId}",
  conversationMember: "conversations/{conversationId}/members/{uid}",
  // ---- Notifications
  device: "users/{uid}/devices/{deviceId}",
  mail: "mail/{mailId}",
  // ---- Reviews
  review: "classes/{classId}/reviews/{uid}",
  // ---- Social
  attendanceRecord: "users/{uid}/attendance/{classId}",
  // ---- Privacy
  dataExport: "dataExports/{exportId}",
} as const;

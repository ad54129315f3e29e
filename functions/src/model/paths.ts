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
} as const;

/** The one settings document under `users/{uid}/private/`. */
export const PRIVATE_SETTINGS_DOC = "settings";

/** Path patterns for Firestore triggers (literal types, so event.params is typed). */
export const documentPatterns = {
  class: "classes/{classId}",
} as const;

/**
 * The one registry of Firestore paths. Functions, the web client, scripts and tests build paths
 * here instead of spelling them out, so a rename happens in one place.
 */
export const collections = {
  users: "users",
  auditLogs: "auditLogs",
  classes: "classes",
} as const;

export const paths = {
  user: (uid: string) => `users/${uid}`,
  privateSettings: (uid: string) => `users/${uid}/private/settings`,
  auditLog: (id: string) => `auditLogs/${id}`,
  class: (classId: string) => `classes/${classId}`,
} as const;

/** The one settings document under `users/{uid}/private/`. */
export const PRIVATE_SETTINGS_DOC = "settings";

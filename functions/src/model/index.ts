/** The shared model: every document's and callable payload's shape, by feature. Web imports it too. */
export * from "./primitives.js";
export * from "./catalog.js";
export * from "./localTime.js";
export * from "./deployment.js";
export * from "./paths.js";
export * from "./documents.js";
export * from "./accounts.js";
export * from "./classes.js";
export * from "./attendanceStats.js";
export * from "./matching.js";
export * from "./messaging.js";
export * from "./notifications.js";
export * from "./reports.js";
export * from "./moderation.js";
export * from "./limits.js";
export * from "./reviews.js";
export * from "./partnerFeedback.js";

export * from "./catalog.js";
export * from "./schemas.js";
export * from "./paths.js";
export * from "./classes.js";
export * from "./notifications.js";
export * from "./attendanceStats.js";
export * from "./matching.js";
export * from "./conversations.js";

// ---- Matching
export * from "./matchingSchemas.js";

// ---- Messaging
export * from "./messaging.js";

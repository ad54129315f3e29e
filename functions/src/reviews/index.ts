/** The reviews feature's public module: what scripts and other features may call. */
export { sendDueReviewPrompts } from "./promptStore.js";
export { distinctSubjects, refreshRatingSummaries } from "./summaryStore.js";

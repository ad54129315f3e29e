/** The partner feedback feature's public module: what scripts and tests may call. */
export { applyClosedFeedback } from "./feedbackStore.js";

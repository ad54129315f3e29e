/** What other features use of limits: one place in a window, taken in their own transaction. */
export { limitsConfigIn, takeRateLimit } from "./limitStore.js";
export { callerSubject, emailSubject } from "./subjects.js";

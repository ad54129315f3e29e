/** Every deployed function, and nothing else. */
export { provisionAccount } from "./accounts/triggers.js";
export { setUserRole } from "./rbac/callables.js";

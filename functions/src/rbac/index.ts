/** The rbac feature's public module: what other features may call. */
export { currentRoleOf } from "./roleStore.js";

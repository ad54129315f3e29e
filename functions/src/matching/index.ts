/** The matching feature's public module: what scripts and other features may call. */
export { refreshAllQueues } from "./queueRebuildStore.js";

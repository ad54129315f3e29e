/** The matching feature's public module: what scripts and other features may call. */
export { refreshAllQueues } from "./queueRebuildStore.js";
export { matchingKey } from "./matchingKeyStore.js";
export { matchingPointOf, publicGeohashOf } from "./matchingPoint.js";

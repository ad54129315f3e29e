/** The privacy feature's public module: the data inventory, and the retention policies and their job. */
export { DATA_INVENTORY, DELETION_TREATMENTS, type InventoryEntry } from "./dataInventory.js";
export { RETENTION_POLICIES } from "./retention.js";
export { applyRetention } from "./retentionStore.js";

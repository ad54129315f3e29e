/** The privacy feature's public module: the data inventory, retention, the data export and account deletion. */
export { DATA_INVENTORY, DELETION_TREATMENTS, type InventoryEntry } from "./dataInventory.js";
export { RETENTION_POLICIES } from "./retention.js";
export { applyRetention } from "./retentionStore.js";
export { buildDataExport, requestDataExport } from "./exportStore.js";
export {
  adminDeleteAccount,
  cancelAccountDeletion,
  processDueAccountDeletions,
  requestAccountDeletion,
  runAccountDeletion,
} from "./deletionStore.js";

/** The privacy feature's public module: the data inventory that export and deletion follow. */
export { DATA_INVENTORY, DELETION_TREATMENTS, type InventoryEntry } from "./dataInventory.js";

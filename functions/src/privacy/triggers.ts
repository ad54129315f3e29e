/**
 * Building a data export once it is asked for. Retried (shared/triggers.ts): a build that fails
 * half-way is run again from the start, overwriting the same parts (exportStore.ts). One that
 * still fails after BUILD_GIVE_UP_MS is marked failed, so the member sees it and can ask again,
 * rather than waiting on an export that stays "preparing".
 */
import { onDocumentCreated } from "firebase-functions/firestore";
import { patterns } from "../model/index.js";
import { db } from "../shared/firebase.js";
import { dropWhenStale, retried } from "../shared/triggers.js";
import { buildDataExport, markExportFailed } from "./exportStore.js";
import { log } from "./logs.js";

const BUILD_GIVE_UP_MS = 30 * 60_000;

export const buildRequestedDataExport = onDocumentCreated(
  retried(patterns.dataExport, { timeoutSeconds: 540, memory: "512MiB" }),
  dropWhenStale("buildRequestedDataExport", async (event) => {
    const { exportId } = event.params;
    try {
      log.exportBuilt(exportId, await buildDataExport(db(), exportId));
    } catch (error) {
      if (Date.now() - Date.parse(event.time) < BUILD_GIVE_UP_MS) throw error;
      await markExportFailed(db(), exportId, String(error));
      log.exportFailed(exportId, error);
    }
  }),
);

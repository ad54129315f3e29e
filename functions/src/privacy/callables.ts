/**
 * A member's rights over their data: their export and their account's deletion. Open to suspended
 * and banned members too: a suspension does not take away the right to one's data.
 */
import {
  adminDeleteAccountRequestSchema,
  cancelAccountDeletionRequestSchema,
  requestAccountDeletionRequestSchema,
  requestDataExportRequestSchema,
} from "../model/index.js";
import { defineCallable, requireRole } from "../shared/callable.js";
import { auth, db } from "../shared/firebase.js";
import {
  adminDeleteAccount as deleteNow,
  cancelAccountDeletion as cancel,
  requestAccountDeletion as schedule,
} from "./deletionStore.js";
import { requestDataExport as request } from "./exportStore.js";
import { log } from "./logs.js";

/** `requestDataExport({})`: the archive is built in the background; the member is told when it is ready. */
export const requestDataExport = defineCallable(
  "requestDataExport",
  requestDataExportRequestSchema,
  async (_input, caller) => {
    const result = await request(db(), caller.uid, Date.now());
    log.exportRequested(caller.uid, result.exportId);
    return result;
  },
  { standing: "any" },
);

/** `requestAccountDeletion({})`: needs a sign-in in the last few minutes; runs after the grace period. */
export const requestAccountDeletion = defineCallable(
  "requestAccountDeletion",
  requestAccountDeletionRequestSchema,
  async (_input, caller) => {
    const result = await schedule(db(), caller, Date.now());
    log.deletionRequested(caller.uid, result.deleteAfterMs);
    return result;
  },
  { standing: "any" },
);

/** `cancelAccountDeletion({})`: during the grace period. */
export const cancelAccountDeletion = defineCallable(
  "cancelAccountDeletion",
  cancelAccountDeletionRequestSchema,
  async (_input, caller) => {
    const result = await cancel(db(), caller.uid);
    if (result.cancelled) log.deletionCancelled(caller.uid);
    return result;
  },
  { standing: "any" },
);

/** Admin-only: `adminDeleteAccount({ uid, reason })` deletes an account now, with no grace period. */
export const adminDeleteAccount = defineCallable(
  "adminDeleteAccount",
  adminDeleteAccountRequestSchema,
  async (input, caller) => {
    requireRole(caller, "admin");
    const result = await deleteNow(
      db(),
      auth(),
      { uid: caller.uid, label: caller.email ?? caller.uid },
      input,
      Date.now(),
    );
    log.accountDeleted(input.uid, caller.uid);
    return result;
  },
);

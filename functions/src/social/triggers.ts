/**
 * A block ends every connection between the two members, both ways. Retried on failure: the
 * block is already written, and a lost event would leave a blocked member following the blocker.
 * Idempotent: severConnection finds nothing on a second delivery.
 */
import { onDocumentCreated } from "firebase-functions/firestore";
import { patterns } from "../model/index.js";
import { db } from "../shared/firebase.js";
import { dropWhenStale, retried } from "../shared/triggers.js";
import { severConnection } from "./connectionStore.js";
import { log } from "./logs.js";

// A block is its existence (see matching/triggers.ts): its fields are not read.
export const onBlockCreatedForSocial = onDocumentCreated(
  retried(patterns.block),
  dropWhenStale("onBlockCreatedForSocial", async (event) => {
    const { uid, otherUid } = event.params;
    log.connectionSevered(uid, otherUid, "block", await severConnection(db(), uid, otherUid));
  }),
);

/**
 * Account provisioning (accountStore.ts) on every new Firebase Auth user.
 *
 * Cloud Functions v2 has no non-blocking Auth trigger; the v1 `onCreate` is the supported one
 * (blocking functions would need Identity Platform). See docs/adr/0002-account-provisioning.md.
 * It retries (v1Functions() sets failurePolicy) and drops events older than the shared bound.
 */
import type { UserRecord } from "firebase-functions/v1/auth";
import { auth, db } from "../shared/firebase.js";
import { v1Functions } from "../shared/runtime.js";
import { dropWhenStaleV1 } from "../shared/triggers.js";
import { provisionAccount as provision } from "./accountStore.js";
import { log } from "./logs.js";

export const provisionAccount = v1Functions()
  .auth.user()
  .onCreate(
    dropWhenStaleV1("provisionAccount", async (user: UserRecord) => {
      const { created } = await provision(
        { db: db(), auth: auth() },
        {
          uid: user.uid,
          email: user.email ?? null,
          displayName: user.displayName ?? null,
          photoURL: user.photoURL ?? null,
        },
      );
      log.accountProvisioned(user.uid, created);
    }),
  );

/**
 * Account provisioning: every new Firebase Auth user gets a public profile (role `member` unless a
 * claim says otherwise) and a private settings document. Auth events are delivered at least once and may race the
 * seed script or an admin; each write below only fills what is missing, so a retry is harmless.
 *
 * Cloud Functions v2 has no non-blocking Auth trigger; the v1 `onCreate` is the supported one
 * (blocking functions would need Identity Platform). See docs/adr/0002-account-provisioning.md.
 */
import { auth as authTriggers } from "firebase-functions/v1";
import { FieldValue } from "firebase-admin/firestore";
import { paths, roleFromClaim } from "../model/index.js";
import { auth, db } from "../shared/firebase.js";
import { log } from "../shared/log.js";
import { DEFAULT_TIME_ZONE, initialProfile } from "./provisioning.js";

export const provisionAccount = authTriggers.user().onCreate(async (user) => {
  // No claim is written here: a missing claim already means `member` (model/catalog.ts), and a
  // write would race an admin or the seed script that set a role a moment before this ran.
  const current = await auth().getUser(user.uid);
  const role = roleFromClaim(current.customClaims?.["role"]);
  const firestore = db();
  const profileRef = firestore.doc(paths.user(user.uid));
  const settingsRef = firestore.doc(paths.privateSettings(user.uid));
  const created = await firestore.runTransaction(async (tx) => {
    const [profile, settings] = await tx.getAll(profileRef, settingsRef);
    if (!profile?.exists) {
      tx.create(profileRef, {
        ...initialProfile(
          {
            uid: user.uid,
            email: user.email ?? null,
            displayName: user.displayName ?? null,
            photoURL: user.photoURL ?? null,
          },
          role,
        ),
        createdAt: FieldValue.serverTimestamp(),
        updatedAt: FieldValue.serverTimestamp(),
      });
    }
    if (!settings?.exists) {
      tx.create(settingsRef, {
        email: user.email ?? null,
        location: null,
        timeZone: DEFAULT_TIME_ZONE,
        tosAcceptedAt: null,
        updatedAt: FieldValue.serverTimestamp(),
      });
    }
    return !profile?.exists;
  });
  await reconcileRoleMirror(user.uid);
  log.accountProvisioned(user.uid, created);
});

/**
 * An admin may have set a role between our claim read above and the profile's creation; their
 * write found no profile to mirror onto. Re-reading the claim after the profile exists closes that
 * gap: whichever of us runs last sees the other's write.
 */
async function reconcileRoleMirror(uid: string): Promise<void> {
  const role = roleFromClaim((await auth().getUser(uid)).customClaims?.["role"]);
  const profileRef = db().doc(paths.user(uid));
  await db().runTransaction(async (tx) => {
    const profile = await tx.get(profileRef);
    if (profile.exists && profile.get("role") !== role) tx.update(profileRef, { role });
  });
}

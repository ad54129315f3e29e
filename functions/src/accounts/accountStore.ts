/**
 * Account provisioning's data access: every new Firebase Auth user gets a public profile (role
 * `member` unless a claim says otherwise) and a private settings document. Auth events are
 * delivered at least once and may race the seed script or an admin; each write below only fills
 * what is missing, so a retry, or a run that failed half-way and is delivered again, is harmless.
 */
import type { Auth } from "firebase-admin/auth";
import { FieldValue, type Firestore } from "firebase-admin/firestore";
import { roleFromClaim, type Role } from "../model/index.js";
import { refs } from "../shared/refs.js";
import { DEFAULT_TIME_ZONE, initialProfile, type NewAccount } from "./provisioning.js";

export interface ProvisioningDeps {
  db: Firestore;
  auth: Pick<Auth, "getUser">;
}

const roleOf = async (auth: ProvisioningDeps["auth"], uid: string): Promise<Role> =>
  roleFromClaim((await auth.getUser(uid)).customClaims?.["role"]);

/** Creates whichever of the account's profile and settings is missing; `created`: the profile was. */
export async function provisionAccount(deps: ProvisioningDeps, account: NewAccount): Promise<{ created: boolean }> {
  // No claim is written here: a missing claim already means `member` (model/catalog.ts), and a
  // write would race an admin or the seed script that set a role a moment before this ran.
  const role = await roleOf(deps.auth, account.uid);
  const profileRef = refs(deps.db).user(account.uid);
  const settingsRef = refs(deps.db).privateSettings(account.uid);
  const created = await deps.db.runTransaction(async (tx) => {
    const [profile, settings] = await Promise.all([tx.get(profileRef), tx.get(settingsRef)]);
    if (!profile.exists) {
      tx.create(profileRef, {
        ...initialProfile(account, role),
        createdAt: FieldValue.serverTimestamp(),
        updatedAt: FieldValue.serverTimestamp(),
      });
    }
    if (!settings.exists) {
      tx.create(settingsRef, {
        email: account.email,
        location: null,
        timeZone: DEFAULT_TIME_ZONE,
        // Accepted by the member during onboarding (the rules stamp the time and the version).
        tosAcceptedAt: null,
        termsVersion: null,
        updatedAt: FieldValue.serverTimestamp(),
      });
    }
    return !profile.exists;
  });
  await reconcileRoleMirror(deps, account.uid);
  return { created };
}

/**
 * An admin may have set a role between our claim read above and the profile's creation; their
 * write found no profile to mirror onto. Re-reading the claim after the profile exists closes that
 * gap: whichever of us runs last sees the other's write.
 */
async function reconcileRoleMirror(deps: ProvisioningDeps, uid: string): Promise<void> {
  const role = await roleOf(deps.auth, uid);
  const profileRef = refs(deps.db).user(uid);
  await deps.db.runTransaction(async (tx) => {
    const profile = (await tx.get(profileRef)).data();
    if (profile && profile.role !== role) tx.update(profileRef, { role });
  });
}

/**
 * Applies a role change everywhere it lives: the custom claim (what rules and callables trust),
 * the read-only mirror on the profile, and the audit log. Used by the `setUserRole` callable and
 * by the set-role CLI, so both behave identically.
 */
import type { Auth } from "firebase-admin/auth";
import { FieldValue, type Firestore } from "firebase-admin/firestore";
import type { Role, SetUserRoleResponse } from "../model/index.js";
import { notifyMany } from "../notifications/index.js";
import { DomainError } from "../shared/errors.js";
import { refs } from "../shared/refs.js";
import { dataOrAbsent } from "../shared/firestore.js";
import { planRoleChange, roleChangedNotice, roleHeldNow } from "./roles.js";

export interface RoleChangeDeps {
  auth: Pick<Auth, "getUser" | "setCustomUserClaims">;
  db: Firestore;
}

export async function applyRoleChange(
  deps: RoleChangeDeps,
  change: { actorUid: string | null; actorLabel: string; targetUid: string; role: Role },
): Promise<SetUserRoleResponse> {
  const user = await deps.auth.getUser(change.targetUid).catch((error: unknown) => {
    if ((error as { code?: string }).code === "auth/user-not-found") {
      throw new DomainError("not-found", `No user with id ${change.targetUid}.`);
    }
    throw error;
  });
  const plan = planRoleChange(
    { actorUid: change.actorUid, targetUid: change.targetUid, nextRole: change.role },
    user.customClaims,
  );

  // Claim first: when the client sees the mirror change it refreshes its token, and the new
  // token must already carry the new role.
  if (plan.changed) await deps.auth.setCustomUserClaims(change.targetUid, plan.claims);

  const profileRef = refs(deps.db).user(change.targetUid);
  const auditRef = refs(deps.db).auditLogs().doc();
  const logged = await deps.db.runTransaction(async (tx) => {
    const profile = (await tx.get(profileRef)).data();
    const mirrorStale = profile?.role !== plan.nextRole;
    if (!plan.changed && !mirrorStale) return false;
    if (profile) {
      tx.update(profileRef, { role: plan.nextRole, claimsUpdatedAt: FieldValue.serverTimestamp() });
    }
    if (plan.changed) {
      tx.create(auditRef, {
        action: "role.set",
        actorUid: change.actorUid,
        actorLabel: change.actorLabel,
        targetUid: change.targetUid,
        before: { role: plan.previousRole },
        after: { role: plan.nextRole },
        reason: null,
        reportId: null,
        at: FieldValue.serverTimestamp(),
      });
    }
    return plan.changed;
  });
  // After the commit, keyed by the audit entry: a change is announced once, and only if it happened.
  if (logged)
    await notifyMany(deps.db, [change.targetUid], roleChangedNotice(auditRef.id, plan.previousRole, plan.nextRole));
  return { uid: change.targetUid, role: plan.nextRole, previousRole: plan.previousRole, changed: plan.changed };
}

/**
 * The role a signed-in caller holds now: their token's claim checked against the stored profile
 * (roles.ts, roleHeldNow), for actions a demoted caller must lose at once.
 */
export async function currentRoleOf(db: Firestore, caller: { uid: string; role: Role }): Promise<Role> {
  const profile = dataOrAbsent(await refs(db).user(caller.uid).get());
  return roleHeldNow(caller.role, profile?.role);
}

import { setUserRoleRequestSchema } from "../model/index.js";
import { defineCallable, requireRole } from "../shared/callable.js";
import { auth, db } from "../shared/firebase.js";
import { log } from "./logs.js";
import { applyRoleChange } from "./roleStore.js";

/** Admin-only: `setUserRole({ uid, role })`. */
export const setUserRole = defineCallable("setUserRole", setUserRoleRequestSchema, async (input, caller) => {
  requireRole(caller, "admin");
  const result = await applyRoleChange(
    { auth: auth(), db: db() },
    { actorUid: caller.uid, actorLabel: caller.email ?? caller.uid, targetUid: input.uid, role: input.role },
  );
  if (result.changed) log.roleChanged(input.uid, result.previousRole, result.role, caller.uid);
  return result;
});

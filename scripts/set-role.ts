/**
 * `npm run set-role -- <email> <role> [--project <id>]`: changes a user's role from a terminal,
 * through the same applyRoleChange as the admin-only setUserRole callable (claim, profile mirror,
 * audit log). It is how the first admin of a real project is made, since only admins can call
 * setUserRole. Without --project it targets the local emulators.
 */
import { userInfo } from "node:os";
import { applicationDefault, initializeApp } from "firebase-admin/app";
import { getAuth, type Auth } from "firebase-admin/auth";
import { getFirestore } from "firebase-admin/firestore";
import { applyRoleChange } from "../functions/src/rbac/roleStore.js";
import { DomainError } from "../functions/src/shared/errors.js";
import { SET_ROLE_USAGE, parseSetRoleArgs } from "./lib/cli.js";
import { applyEnv, assertEmulatorsReachable, cliTarget, describeTarget } from "./lib/target.js";

class UserFacingError extends Error {}

async function main(): Promise<number> {
  const args = parseSetRoleArgs(process.argv.slice(2));
  if (typeof args === "string") {
    if (!args) {
      console.log(SET_ROLE_USAGE); // --help
      return 0;
    }
    console.error(`set-role: ${args}\n${SET_ROLE_USAGE}`);
    return 2;
  }

  const { target, env } = cliTarget(process.env, args.project);
  // The Admin SDK reads the emulator variables when its services start: set them first.
  applyEnv(env);
  console.log(`set-role: target ${describeTarget(target)}`);
  await assertEmulatorsReachable(target).catch((error: unknown) => {
    throw new UserFacingError(error instanceof Error ? error.message : String(error));
  });
  if (target.kind === "emulators") process.env["METADATA_SERVER_DETECTION"] ??= "none"; // no GCE to find locally

  const app = initializeApp(
    target.kind === "project"
      ? { projectId: target.projectId, credential: applicationDefault() }
      : { projectId: target.projectId },
    "numina-set-role",
  );
  const auth = getAuth(app);
  const user = await findUser(auth, args.email);
  const result = await applyRoleChange(
    { auth, db: getFirestore(app) },
    { actorUid: null, actorLabel: `cli:${userInfo().username}`, targetUid: user.uid, role: args.role },
  );
  console.log(
    result.changed ? `${args.email}: ${result.previousRole} → ${result.role}` : `${args.email}: already ${result.role}`,
  );
  return 0;
}

async function findUser(auth: Auth, email: string) {
  try {
    return await auth.getUserByEmail(email);
  } catch (error) {
    if ((error as { code?: string }).code === "auth/user-not-found") {
      throw new UserFacingError(`no account with the email ${email}. The user must sign up (or be seeded) first.`);
    }
    throw error;
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof UserFacingError || error instanceof DomainError) {
      console.error(`set-role: ${error.message}`);
    } else if ((error as { code?: string }).code === "app/invalid-credential") {
      console.error(
        "set-role: no usable Google credentials. Run `gcloud auth application-default login` (with an account " +
          "that can manage the project), or set GOOGLE_APPLICATION_CREDENTIALS to a service-account key file.",
      );
    } else {
      console.error(`set-role: failed: ${error instanceof Error ? error.message : String(error)}`);
    }
    process.exitCode = 1;
  },
);

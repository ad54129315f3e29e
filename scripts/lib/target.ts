/**
 * Which Firebase the scripts talk to. The Admin SDK switches to the emulators when
 * FIRESTORE_EMULATOR_HOST / FIREBASE_AUTH_EMULATOR_HOST are set, so these variables decide between
 * "local demo data" and "a real project": the functions here make that choice explicit.
 */

export const DEFAULT_PROJECT_ID = "demo-numina";
export const DEFAULT_EMULATOR_HOSTS = { firestore: "127.0.0.1:8080", auth: "127.0.0.1:9099" } as const;

export type Target =
  | {
      kind: "emulators";
      projectId: string;
      firestoreHost: string;
      authHost: string;
      /** The emulator hub, when the emulators were started together (npm start, emulators:exec). */
      hub: string | undefined;
    }
  | { kind: "project"; projectId: string };

export type EmulatorTarget = Extract<Target, { kind: "emulators" }>;

export function describeTarget(target: Target): string {
  return target.kind === "emulators"
    ? `emulators (project ${target.projectId}, Firestore ${target.firestoreHost}, Auth ${target.authHost})`
    : `Firebase project ${target.projectId} (Application Default Credentials)`;
}

type Env = Record<string, string | undefined>;

/**
 * The seeder only ever writes to emulators: both hosts must be set, or it refuses (returns a
 * message). Setting only one would send the other service's writes to a real project.
 */
export function emulatorTargetFromEnv(env: Env): EmulatorTarget | string {
  const firestoreHost = env["FIRESTORE_EMULATOR_HOST"];
  const authHost = env["FIREBASE_AUTH_EMULATOR_HOST"];
  if (!firestoreHost || !authHost) {
    const missing = [!firestoreHost && "FIRESTORE_EMULATOR_HOST", !authHost && "FIREBASE_AUTH_EMULATOR_HOST"].filter(
      Boolean,
    );
    return (
      `refusing to run: ${missing.join(" and ")} ${missing.length > 1 ? "are" : "is"} not set, and demo data must ` +
      `never reach a real Firebase project.\n` +
      `Run it inside the emulator session (\`npm start\` seeds by itself), or point it at running emulators:\n` +
      `  FIRESTORE_EMULATOR_HOST=${DEFAULT_EMULATOR_HOSTS.firestore} FIREBASE_AUTH_EMULATOR_HOST=${DEFAULT_EMULATOR_HOSTS.auth} npm run seed`
    );
  }
  return {
    kind: "emulators",
    projectId: env["GCLOUD_PROJECT"] || DEFAULT_PROJECT_ID,
    firestoreHost,
    authHost,
    hub: env["FIREBASE_EMULATOR_HUB"] || undefined,
  };
}

/**
 * The admin CLI targets the emulators unless `--project` names a real project. Returns the target
 * and the environment the Admin SDK must see for it (applied by the caller before initialising).
 */
export function cliTarget(env: Env, project: string | undefined): { target: Target; env: Env } {
  if (project) {
    // An explicit project wins over emulator variables left in the shell.
    return {
      target: { kind: "project", projectId: project },
      env: {
        ...env,
        FIRESTORE_EMULATOR_HOST: undefined,
        FIREBASE_AUTH_EMULATOR_HOST: undefined,
        GCLOUD_PROJECT: project,
      },
    };
  }
  const firestoreHost = env["FIRESTORE_EMULATOR_HOST"] || DEFAULT_EMULATOR_HOSTS.firestore;
  const authHost = env["FIREBASE_AUTH_EMULATOR_HOST"] || DEFAULT_EMULATOR_HOSTS.auth;
  const projectId = env["GCLOUD_PROJECT"] || DEFAULT_PROJECT_ID;
  return {
    target: { kind: "emulators", projectId, firestoreHost, authHost, hub: env["FIREBASE_EMULATOR_HUB"] || undefined },
    env: {
      ...env,
      FIRESTORE_EMULATOR_HOST: firestoreHost,
      FIREBASE_AUTH_EMULATOR_HOST: authHost,
      GCLOUD_PROJECT: projectId,
    },
  };
}

/** Copies `env` onto process.env, deleting the variables it leaves undefined. */
export function applyEnv(env: Env): void {
  for (const [key, value] of Object.entries(env)) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
}

/**
 * Fails fast with a readable message when the emulators are down: the Admin SDK would otherwise
 * retry for minutes before giving up. Only a refused connection counts as "down"; a slow answer
 * from a busy machine is left to the SDK's own timeouts.
 */
export async function assertEmulatorsReachable(target: Target): Promise<void> {
  if (target.kind !== "emulators") return;
  for (const [name, host] of [
    ["Firestore", target.firestoreHost],
    ["Auth", target.authHost],
  ] as const) {
    try {
      await fetch(`http://${host}/`, { signal: AbortSignal.timeout(10_000) });
    } catch (error) {
      const cause = (error as { cause?: { code?: string } }).cause;
      if (cause?.code === "ECONNREFUSED" || cause?.code === "ENOTFOUND") {
        throw new Error(
          `the ${name} emulator is not reachable at ${host}. Start the emulators with \`npm start\` first.`,
          { cause: error },
        );
      }
    }
  }
}

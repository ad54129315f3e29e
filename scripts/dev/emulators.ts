/**
 * Runs a command inside one emulator session (`firebase emulators:exec`), after preparing what
 * the emulators need offline. `npm start` and `npm test` both go through here.
 */
import { spawn } from "node:child_process";
import { availableParallelism } from "node:os";
import { join } from "node:path";
import { ROOT, PROJECT_ID } from "./paths.js";
import { run } from "./process.js";
import { findJavaBin, prepareFirestoreEmulator, probeOptionalEmulators, type OptionalEmulators } from "./toolchain.js";

export const EMULATOR_HOSTS = {
  auth: "127.0.0.1:9099",
  firestore: "127.0.0.1:8080",
  functions: "127.0.0.1:5001",
  hosting: "127.0.0.1:5002",
  storage: "127.0.0.1:9199",
  hub: "127.0.0.1:4400",
  ui: "127.0.0.1:4000",
} as const;

export const firebaseBin = join(ROOT, "node_modules", ".bin", "firebase");

export interface EmulatorSetup {
  env: NodeJS.ProcessEnv;
  optional: OptionalEmulators;
}

/**
 * How many function invocations the Functions emulator runs at once. It starts one Node worker
 * process per invocation in flight, up to 50 by default, and keeps every worker it started. On a
 * 2-core machine 50 workers loading at once time out ("Failed to load function": the call fails,
 * the event is lost) and the idle workers fill memory. Two per core keeps the cores busy while one
 * worker waits on Firestore; calls beyond that queue in the emulator and are answered in turn.
 * Set FUNCTIONS_EMULATOR_PARALLEL to override.
 */
export function functionsEmulatorParallelism(cores: number = availableParallelism()): number {
  return Math.max(2, cores * 2);
}

export function prepareEmulators(): EmulatorSetup {
  const javaBin = findJavaBin();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PATH: `${javaBin}:${process.env.PATH ?? ""}`,
    // Emulators only: stop the Google auth library probing for a cloud metadata server.
    METADATA_SERVER_DETECTION: "none",
    FUNCTIONS_EMULATOR_PARALLEL: process.env.FUNCTIONS_EMULATOR_PARALLEL ?? String(functionsEmulatorParallelism()),
  };
  Object.assign(env, prepareFirestoreEmulator({ firebaseBin, javaBin, workDir: join(ROOT, ".numina"), env }));
  const optional = probeOptionalEmulators(firebaseBin, env);
  if (!optional.storage) {
    console.warn(
      "numina: the Storage emulator is unavailable (its rules runtime could not be downloaded); running without it.",
    );
  }
  if (!optional.ui) {
    console.warn("numina: the Emulator UI is unavailable (it could not be downloaded); running without it.");
  }
  return { env, optional };
}

/** Is an emulator hub already listening (a developer's `npm start`)? */
export async function runningHub(): Promise<boolean> {
  try {
    const res = await fetch(`http://${EMULATOR_HOSTS.hub}/emulators`, { signal: AbortSignal.timeout(1000) });
    return res.ok;
  } catch {
    return false;
  }
}

/** The variables the Admin SDK and our tests read to find emulators that are already running. */
export function clientEnvForRunningEmulators(): NodeJS.ProcessEnv {
  return {
    GCLOUD_PROJECT: PROJECT_ID,
    METADATA_SERVER_DETECTION: "none",
    FIRESTORE_EMULATOR_HOST: EMULATOR_HOSTS.firestore,
    FIREBASE_AUTH_EMULATOR_HOST: EMULATOR_HOSTS.auth,
    FIREBASE_EMULATOR_HUB: EMULATOR_HOSTS.hub,
  };
}

export function emulatorExec(
  setup: EmulatorSetup,
  script: string,
  opts: { persistDir?: string; importExisting?: boolean; quiet?: boolean; hosting?: boolean } = {},
): Promise<number> {
  const only = [
    "auth",
    "firestore",
    "functions",
    ...(setup.optional.storage ? ["storage"] : []),
    // Serves web/dist with firebase.json's headers, for the browser test of what Hosting ships.
    ...(opts.hosting ? ["hosting"] : []),
  ];
  const args = ["emulators:exec", "--project", PROJECT_ID, "--only", only.join(","), script];
  if (setup.optional.ui) args.push("--ui");
  // Tests read their own output; the functions' request logs would bury it.
  if (opts.quiet) args.push("--log-verbosity", "QUIET");
  if (opts.persistDir) {
    if (opts.importExisting) args.push("--import", opts.persistDir);
    args.push("--export-on-exit", opts.persistDir);
  }
  const child = spawn(firebaseBin, args, {
    cwd: ROOT,
    stdio: "inherit",
    env: setup.env,
  });
  return new Promise((resolve) => child.on("exit", (code) => resolve(code ?? 1)));
}

/**
 * Runs a shell command against the emulators: the ones a developer's `npm start` is already
 * running, or else a fresh set for the command's lifetime.
 */
export async function runInEmulators(
  script: string,
  opts: { quiet?: boolean; hosting?: boolean } = {},
): Promise<number> {
  if (await runningHub()) {
    console.log("numina: using the emulators that are already running (npm start).");
    return run("sh", ["-c", script], { env: { ...process.env, ...clientEnvForRunningEmulators() } });
  }
  return emulatorExec(prepareEmulators(), script, opts);
}

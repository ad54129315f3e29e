/**
 * Finds what the emulators need on this machine, and says what to install when something is
 * missing. Every path searched here is a standard install location, never a developer's own.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, writeFileSync } from "node:fs";
import { homedir } from "node:os";
import { dirname, join } from "node:path";

export class ToolchainError extends Error {}

const MIN_JAVA = 21; // firebase-tools 15 refuses older Java

function javaMajor(javaBin: string): number | null {
  const out = spawnSync(javaBin, ["-version"], { encoding: "utf8" });
  if (out.error) return null;
  const match = /version "(\d+)(?:\.(\d+))?/.exec(`${out.stderr}${out.stdout}`);
  if (!match?.[1]) return null;
  const major = Number(match[1]);
  return major === 1 ? Number(match[2]) : major; // "1.8.0" means Java 8
}

/** The bin/ folder of a Java ≥ 21: JAVA_HOME, then PATH, then the JVMs under /usr/lib/jvm. */
export function findJavaBin(): string {
  const candidates: string[] = [];
  if (process.env.JAVA_HOME) candidates.push(join(process.env.JAVA_HOME, "bin", "java"));
  candidates.push("java");
  const jvmRoot = "/usr/lib/jvm";
  if (existsSync(jvmRoot)) {
    for (const name of readdirSync(jvmRoot).sort().reverse()) candidates.push(join(jvmRoot, name, "bin", "java"));
  }
  const seen: string[] = [];
  for (const java of candidates) {
    const major = javaMajor(java);
    if (major === null) continue;
    if (major >= MIN_JAVA) {
      if (java === "java") {
        return dirname(execFileSync("sh", ["-c", 'readlink -f "$(command -v java)"'], { encoding: "utf8" }).trim());
      }
      return dirname(java);
    }
    seen.push(`${java} (Java ${major})`);
  }
  throw new ToolchainError(
    `The Firestore emulator needs Java ${MIN_JAVA} or newer; found ${seen.length ? seen.join(", ") : "none"}.\n` +
      "Install one (Debian: `apt-get install -y openjdk-21-jre-headless`, or any JDK 21+), or point JAVA_HOME at it.",
  );
}

const FIREBASE_CACHE = join(homedir(), ".cache", "firebase", "emulators");
const CLOUD_SDK_ROOTS = ["/usr/lib/google-cloud-sdk", "/usr/share/google-cloud-sdk", "/opt/google-cloud-sdk"];
const FIRESTORE_MAIN_CLASS = "com.google.cloud.datastore.emulator.firestore.CloudFirestore";

function cachedEmulator(prefix: string): boolean {
  return existsSync(FIREBASE_CACHE) && readdirSync(FIREBASE_CACHE).some((f) => f.startsWith(prefix));
}

/** Asks firebase-tools to download an emulator; fails fast when the download host is unreachable. */
function trySetupEmulator(firebaseBin: string, name: string, env: NodeJS.ProcessEnv): boolean {
  const result = spawnSync(firebaseBin, [`setup:emulators:${name}`], { encoding: "utf8", env, timeout: 180_000 });
  return result.status === 0;
}

/**
 * Where firebase-tools cannot download its Firestore emulator, the Google Cloud SDK's copy serves.
 * That jar has no Main-Class and firebase-tools starts emulators with `java -jar`, so a tiny
 * launcher jar (a manifest naming the main class, with the SDK jar on its Class-Path) bridges them.
 * Returns the env override for firebase-tools, or nothing when its own download is in place.
 */
export function prepareFirestoreEmulator(opts: {
  firebaseBin: string;
  javaBin: string;
  workDir: string;
  env: NodeJS.ProcessEnv;
}): { FIRESTORE_EMULATOR_BINARY_PATH?: string } {
  if (process.env.FIRESTORE_EMULATOR_BINARY_PATH) return {};
  if (cachedEmulator("cloud-firestore-emulator") || trySetupEmulator(opts.firebaseBin, "firestore", opts.env))
    return {};

  const sdkJar = CLOUD_SDK_ROOTS.map((r) =>
    join(r, "platform", "cloud-firestore-emulator", "cloud-firestore-emulator.jar"),
  ).find(existsSync);
  if (!sdkJar) {
    throw new ToolchainError(
      "The Firestore emulator could not be downloaded, and no Google Cloud SDK copy was found.\n" +
        "Either allow firebase-tools to download it (network access to its emulator host), or install the\n" +
        "Cloud SDK's emulator: `apt-get install -y google-cloud-cli-firestore-emulator`.",
    );
  }
  mkdirSync(opts.workDir, { recursive: true });
  const manifest = join(opts.workDir, "firestore-launcher.mf");
  const launcher = join(opts.workDir, "firestore-launcher.jar");
  writeFileSync(manifest, `Main-Class: ${FIRESTORE_MAIN_CLASS}\nClass-Path: file:${sdkJar}\n`);
  const jar = spawnSync(join(opts.javaBin, "jar"), ["cfm", launcher, manifest], { encoding: "utf8" });
  if (jar.status !== 0) {
    throw new ToolchainError(
      `Could not build the Firestore launcher jar with ${opts.javaBin}/jar (a JDK, not a JRE, is needed):\n${jar.stderr}`,
    );
  }
  return { FIRESTORE_EMULATOR_BINARY_PATH: launcher };
}

export interface OptionalEmulators {
  storage: boolean;
  ui: boolean;
}

/** The Storage emulator's rules runtime and the Emulator UI are downloads; use them when they can be had. */
export function probeOptionalEmulators(firebaseBin: string, env: NodeJS.ProcessEnv): OptionalEmulators {
  return {
    storage: cachedEmulator("cloud-storage-rules-runtime") || trySetupEmulator(firebaseBin, "storage", env),
    ui: cachedEmulator("ui-") || trySetupEmulator(firebaseBin, "ui", env),
  };
}

/** Debian's Chromium, or CHROMIUM_PATH. */
export function findChromium(): string {
  const path = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
  if (!existsSync(path)) {
    throw new ToolchainError(
      `The browser tests need Chromium at ${path}.\nInstall it with \`apt-get install -y chromium\` (Debian), or set CHROMIUM_PATH.`,
    );
  }
  return path;
}

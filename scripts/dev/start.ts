/**
 * `npm start`: builds the functions, starts the emulators with data kept in .numina/emulator-data,
 * seeds the demo data (idempotent), serves the web client, and prints where everything is.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { EMULATOR_HOSTS, emulatorExec, prepareEmulators, runningHub } from "./emulators.js";
import { MAIL_CATCHER } from "./mailCatcher.js";
import { ROOT, bin } from "./paths.js";
import { run, runTsScript, selfCommand } from "./process.js";

const PERSIST_DIR = join(ROOT, ".numina", "emulator-data");
export const WEB_PORT = 5173;

export async function runStart(): Promise<number> {
  if (await runningHub()) {
    console.error(`numina: emulators are already running (hub at ${EMULATOR_HOSTS.hub}). Stop them first.`);
    return 1;
  }
  console.log("numina: building the functions…");
  if ((await run(bin("tsc"), ["-p", "functions/tsconfig.build.json"])) !== 0) return 1;
  const setup = prepareEmulators();
  const hasExport = existsSync(join(PERSIST_DIR, "firebase-export-metadata.json"));
  return emulatorExec(setup, selfCommand("dev-session", setup.optional.ui ? ["--ui"] : []), {
    persistDir: PERSIST_DIR,
    importExisting: hasExport,
  });
}

/** Inside the emulator session: seed, watch, serve, and wait for Ctrl-C. */
export async function runDevSession(): Promise<number> {
  const withUi = process.argv.includes("--ui");
  // Catches every email the functions send (SMTP_URL in functions/.secret.local points here).
  // Started before the seed, so the emails its demo matches trigger are delivered while it runs.
  const mailCatcher = spawn(process.execPath, ["--import", "tsx", join(ROOT, "scripts", "dev", "mailCatcher.ts")], {
    cwd: ROOT,
    stdio: ["ignore", "ignore", "inherit"],
  });
  console.log("numina: seeding demo data…");
  const seeded = await runTsScript("scripts/seed.ts", []);
  if (seeded !== 0) console.warn("numina: seeding failed (see above); the app still starts.");

  const children: ChildProcess[] = [
    mailCatcher,
    // Rebuilds functions/lib on change; the Functions emulator reloads what it finds there.
    spawn(bin("tsc"), ["-p", "functions/tsconfig.build.json", "--watch", "--preserveWatchOutput"], {
      cwd: ROOT,
      stdio: "ignore",
    }),
    spawn(bin("vite"), ["--host", "127.0.0.1", "--port", String(WEB_PORT), "--strictPort"], {
      cwd: join(ROOT, "web"),
      stdio: ["ignore", "ignore", "inherit"],
    }),
  ];

  console.log(`
┌──────────────────────────────────────────────────────────────┐
  Numina is running.
    Web app         http://127.0.0.1:${WEB_PORT}
    Auth emulator   http://${EMULATOR_HOSTS.auth}
    Firestore       http://${EMULATOR_HOSTS.firestore}
    Functions       http://${EMULATOR_HOSTS.functions}
    Emails sent     http://127.0.0.1:${WEB_PORT}/dev/mailbox  (SMTP catcher on ${MAIL_CATCHER.host}:${MAIL_CATCHER.smtpPort})${withUi ? `\n    Emulator UI     http://${EMULATOR_HOSTS.ui}` : ""}

  Demo logins (password: numina-demo)
    admin@numina.test       admin
    instructor@numina.test  instructor
    member@numina.test      member

  Data is kept in .numina/emulator-data between runs. Ctrl-C stops everything.
└──────────────────────────────────────────────────────────────┘`);

  await new Promise<void>((resolve) => {
    process.once("SIGINT", resolve);
    process.once("SIGTERM", resolve);
  });
  for (const child of children) child.kill("SIGTERM");
  return 0;
}

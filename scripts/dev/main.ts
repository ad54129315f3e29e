/**
 * The project's commands. Run through scripts/numina.mjs (which picks the pinned Node 22):
 *   start      emulators + demo data + web client, until Ctrl-C (data persists in .numina/)
 *   test       every check, ending with one line "N passed, N failed"
 *   bench      the benchmarks in bench/, against the emulators
 *   seed       demo data into already-running emulators
 *   set-role   <email> <role> [--project <id>]
 *   with-emulators <command…>   one command against the emulators (running ones, or a fresh set),
 *                               e.g. `npm run with-emulators -- npx vitest run functions/test/classes`
 */
import { runBench } from "./bench.js";
import { runDevSession, runStart } from "./start.js";
import { runEmulatedTests, runTests } from "./test.js";
import { clientEnvForRunningEmulators, runInEmulators, runningHub } from "./emulators.js";
import { run as runProcess, runTsScript } from "./process.js";
import { bin } from "./paths.js";
import { ToolchainError } from "./toolchain.js";

const [command, ...args] = process.argv.slice(2);

const commands: Record<string, () => Promise<number>> = {
  start: runStart,
  test: runTests,
  bench: () => runBench(args),
  // Seeding targets the emulators `npm start` is running; without them seed.ts says what to do.
  seed: async () =>
    runTsScript("scripts/seed.ts", args, {
      ...process.env,
      ...((await runningHub()) ? clientEnvForRunningEmulators() : {}),
    }),
  "set-role": () => runTsScript("scripts/set-role.ts", args),
  // Builds the functions first: the Functions emulator serves functions/lib.
  "with-emulators": async () =>
    (await runProcess(bin("tsc"), ["-p", "functions/tsconfig.build.json"])) ||
    runInEmulators(args.join(" "), { hosting: true }),
  // Internal: what runs inside `firebase emulators:exec`.
  "dev-session": runDevSession,
  "emulated-tests": () => runEmulatedTests(args),
};

const run = command ? commands[command] : undefined;
if (!run) {
  console.error(
    `usage: npm start | npm test | npm run bench | npm run seed | npm run set-role -- <email> <role> | npm run with-emulators -- <command>`,
  );
  process.exit(2);
}
try {
  process.exitCode = await run();
} catch (error) {
  if (error instanceof ToolchainError) {
    console.error(`\nnumina: ${error.message}`);
    process.exitCode = 1;
  } else {
    throw error;
  }
}

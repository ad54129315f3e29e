/**
 * `npm test`: static checks, unit tests, then rules, integration and browser tests inside one
 * emulator session. Each static check counts as one test; vitest's JSON reports give the rest.
 * The last line is the summary CI reads: "N passed, N failed[, N skipped]".
 */
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import { availableParallelism } from "node:os";
import { join } from "node:path";
import { runInEmulators } from "./emulators.js";
import { ROOT, bin } from "./paths.js";
import { mapLimit } from "../lib/concurrency.js";
import { run, runCaptured, selfCommand, type Captured } from "./process.js";
import { findChromium } from "./toolchain.js";

const RESULTS_DIR = join(ROOT, ".numina", "test-results");
/**
 * Emulator-backed projects, in phases run one after the other in the same emulator session. The
 * browser tests wait on triggers (a Discover queue, a match, a chat); run beside the integration
 * bursts, they queue behind hundreds of trigger processes in the Functions emulator.
 */
const EMULATED_PHASES = [
  { label: "rules and integration", projects: ["rules", "integration"], report: "emulated.json" },
  { label: "browser", projects: ["e2e"], report: "browser.json" },
];

interface Tally {
  passed: number;
  failed: number;
  skipped: number;
  failures: string[];
}

const TYPECHECKED = [
  "tsconfig.json",
  "functions/tsconfig.json",
  "web/tsconfig.json",
  "scripts/tsconfig.json",
  "tests/tsconfig.json",
  "bench/tsconfig.json",
];

function banner(title: string) {
  console.log(`\n━━ ${title} ${"━".repeat(Math.max(0, 70 - title.length))}`);
}

interface Check {
  name: string;
  cmd: string;
  args: string[];
}

/** Longest first: ESLint's typed rules build a program per project and take the longest. */
const STATIC_CHECKS: Check[] = [
  { name: "lint (eslint)", cmd: bin("eslint"), args: ["--max-warnings=0", "."] },
  ...TYPECHECKED.map((project) => ({
    name: `typecheck ${project}`,
    cmd: bin("tsc"),
    args: ["--noEmit", "-p", project],
  })),
  { name: "format (prettier --check)", cmd: bin("prettier"), args: ["--check", "--log-level=warn", "."] },
  { name: "build functions", cmd: bin("tsc"), args: ["-p", "functions/tsconfig.build.json"] },
];

/**
 * Each check is a single-threaded process: running one per core at once takes the time of the
 * longest lane instead of the sum. Output is captured and printed whole, in list order, so the
 * log reads as if they ran one after another. Resolves with the names of the checks that passed.
 */
async function runChecks(tally: Tally, checks: readonly Check[], lanes = availableParallelism()): Promise<Set<string>> {
  const outcomes = checks.map(() => {
    let resolve!: (outcome: Captured) => void;
    const promise = new Promise<Captured>((r) => (resolve = r));
    return { promise, resolve };
  });
  const all = mapLimit([...checks.keys()], lanes, async (i) => {
    const c = checks[i]!;
    outcomes[i]!.resolve(await runCaptured(c.cmd, c.args));
  });
  const passed = new Set<string>();
  for (const [i, c] of checks.entries()) {
    const { code, output } = await outcomes[i]!.promise;
    banner(c.name);
    if (output.trim()) process.stdout.write(output.endsWith("\n") ? output : `${output}\n`);
    if (code === 0) {
      tally.passed += 1;
      passed.add(c.name);
    } else {
      tally.failed += 1;
      tally.failures.push(c.name);
    }
    console.log(code === 0 ? `✔ ${c.name}` : `✘ ${c.name}`);
  }
  await all;
  return passed;
}

interface VitestJson {
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests: number;
  numTodoTests: number;
  testResults: {
    name: string;
    status: string;
    message?: string;
    assertionResults: { status: string; fullName: string }[];
  }[];
}

function vitestArgs(projects: string[], reportFile: string): string[] {
  return [
    "run",
    ...projects.flatMap((p) => ["--project", p]),
    "--reporter=default",
    "--reporter=json",
    `--outputFile.json=${reportFile}`,
  ];
}

/** Adds a vitest JSON report to the tally; a run that wrote no report counts as one failure. */
function addReport(tally: Tally, label: string, reportFile: string) {
  if (!existsSync(reportFile)) {
    tally.failed += 1;
    tally.failures.push(`${label}: the test run did not finish (no report)`);
    return;
  }
  const report = JSON.parse(readFileSync(reportFile, "utf8")) as VitestJson;
  tally.passed += report.numPassedTests;
  tally.failed += report.numFailedTests;
  tally.skipped += report.numPendingTests + report.numTodoTests;
  for (const file of report.testResults) {
    for (const t of file.assertionResults) if (t.status === "failed") tally.failures.push(`${label}: ${t.fullName}`);
    // A file that failed to load has no assertions at all: still a failure.
    if (file.status === "failed" && file.assertionResults.length === 0) {
      tally.failed += 1;
      tally.failures.push(`${label}: ${file.name.replace(`${ROOT}/`, "")} did not load`);
    }
  }
}

export async function runTests(): Promise<number> {
  rmSync(RESULTS_DIR, { recursive: true, force: true });
  mkdirSync(RESULTS_DIR, { recursive: true });
  const tally: Tally = { passed: 0, failed: 0, skipped: 0, failures: [] };

  const passed = await runChecks(tally, STATIC_CHECKS);
  const built = passed.has("build functions");

  banner("unit tests");
  const unitReport = join(RESULTS_DIR, "unit.json");
  await run(bin("vitest"), vitestArgs(["unit"], unitReport));
  addReport(tally, "unit", unitReport);

  if (built) {
    banner("rules, integration and browser tests (emulators)");
    findChromium(); // fail early, with the install hint, rather than inside every browser test
    const reports = EMULATED_PHASES.map((phase) => join(RESULTS_DIR, phase.report));
    await runInEmulators(selfCommand("emulated-tests", reports), { quiet: true, hosting: true });
    EMULATED_PHASES.forEach((phase, i) => addReport(tally, phase.label, reports[i]!));
  } else {
    tally.failed += 1;
    tally.failures.push("emulator tests: not run, the functions did not build");
  }

  banner("summary");
  for (const failure of tally.failures) console.log(`✘ ${failure}`);
  console.log(`${tally.passed} passed, ${tally.failed} failed${tally.skipped ? `, ${tally.skipped} skipped` : ""}`);
  return tally.failed === 0 ? 0 : 1;
}

/** Inside the emulator session: the emulator-backed vitest projects, phase by phase. */
export async function runEmulatedTests(reportFiles: string[]): Promise<number> {
  if (reportFiles.length !== EMULATED_PHASES.length) {
    throw new Error(`emulated-tests needs ${EMULATED_PHASES.length} report files`);
  }
  let failed = false;
  for (const [i, phase] of EMULATED_PHASES.entries()) {
    banner(`${phase.label} tests`);
    if ((await run(bin("vitest"), vitestArgs(phase.projects, reportFiles[i]!))) !== 0) failed = true;
  }
  return failed ? 1 : 0;
}

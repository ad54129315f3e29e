/**
 * Writes functions/package-lock.json from the repository's lockfile (see scripts/lib/functionsLockfile.ts).
 * `--check` only compares, and fails when the committed file is stale: run by the deploy's predeploy
 * step and by the tests, so production never installs versions the tests did not run.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { workspaceLockfile, type Lockfile, type PackageJson } from "./lib/functionsLockfile.js";

const root = join(import.meta.dirname, "..");
const target = join(root, "functions", "package-lock.json");
const readJson = <T>(path: string) => JSON.parse(readFileSync(path, "utf8")) as T;

export function expectedFunctionsLockfile(): string {
  const lock = workspaceLockfile(
    readJson<Lockfile>(join(root, "package-lock.json")),
    "functions",
    readJson<PackageJson>(join(root, "functions", "package.json")),
  );
  return `${JSON.stringify(lock, null, 2)}\n`;
}

if (process.argv[1] === import.meta.filename) {
  const expected = expectedFunctionsLockfile();
  if (process.argv.includes("--check")) {
    let current = "";
    try {
      current = readFileSync(target, "utf8");
    } catch {
      // missing: stale by definition
    }
    if (current !== expected) {
      console.error("functions/package-lock.json is out of date: run `npm run lock-functions` and commit it.");
      process.exit(1);
    }
    console.log("functions/package-lock.json matches the repository's lockfile.");
  } else {
    writeFileSync(target, expected);
    console.log("wrote functions/package-lock.json");
  }
}

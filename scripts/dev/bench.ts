/** `npm run bench`: every bench/*.bench.ts, inside one emulator session. */
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { clientEnvForRunningEmulators, emulatorExec, prepareEmulators, runningHub } from "./emulators.js";
import { ROOT, bin } from "./paths.js";
import { run } from "./process.js";

export async function runBench(filter: string[]): Promise<number> {
  if ((await run(bin("tsc"), ["-p", "functions/tsconfig.build.json"])) !== 0) return 1;
  const files = readdirSync(join(ROOT, "bench"))
    .filter((f) => f.endsWith(".bench.ts"))
    .filter((f) => filter.length === 0 || filter.some((word) => f.includes(word)))
    .map((f) => join("bench", f));
  if (files.length === 0) {
    console.error("numina: no benchmark matched.");
    return 2;
  }
  const script = files.map((f) => `${process.execPath} --import tsx ${f}`).join(" && ");
  if (await runningHub()) {
    return run("sh", ["-c", script], { env: { ...process.env, ...clientEnvForRunningEmulators(false) } });
  }
  return emulatorExec(prepareEmulators(), script);
}

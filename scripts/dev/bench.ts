/** `npm run bench`: every bench/*.bench.ts, inside one emulator session. */
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { runInEmulators } from "./emulators.js";
import { ROOT, bin } from "./paths.js";
import { run, tsScriptCommand } from "./process.js";

export async function runBench(filter: string[]): Promise<number> {
  if ((await run(bin("tsc"), ["-p", "functions/tsconfig.build.json"])) !== 0) return 1;
  const commands = readdirSync(join(ROOT, "bench"))
    .filter((f) => f.endsWith(".bench.ts"))
    .filter((f) => filter.length === 0 || filter.some((word) => f.includes(word)))
    .map((f) => tsScriptCommand(join("bench", f)));
  if (commands.length === 0) {
    console.error("numina: no benchmark matched.");
    return 2;
  }
  return runInEmulators(commands.join(" && "));
}

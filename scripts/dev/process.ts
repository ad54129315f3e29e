import { spawn, type SpawnOptions } from "node:child_process";
import { join } from "node:path";
import { ROOT } from "./paths.js";

/** Runs a command to completion with inherited output; resolves with its exit code. */
export function run(cmd: string, args: readonly string[], opts: SpawnOptions = {}): Promise<number> {
  const child = spawn(cmd, args, { cwd: ROOT, stdio: "inherit", ...opts });
  return new Promise((resolve) => {
    child.on("error", () => resolve(127));
    child.on("exit", (code, signal) => resolve(code ?? (signal ? 128 : 1)));
  });
}

export interface Captured {
  code: number;
  output: string;
}

/** Runs a command to completion with its output (stdout and stderr, interleaved) captured. */
export function runCaptured(cmd: string, args: readonly string[], opts: SpawnOptions = {}): Promise<Captured> {
  const child = spawn(cmd, args, { cwd: ROOT, ...opts, stdio: ["ignore", "pipe", "pipe"] });
  const chunks: Buffer[] = [];
  child.stdout?.on("data", (chunk: Buffer) => chunks.push(chunk));
  child.stderr?.on("data", (chunk: Buffer) => chunks.push(chunk));
  return new Promise((resolve) => {
    const done = (code: number) => resolve({ code, output: Buffer.concat(chunks).toString("utf8") });
    child.on("error", () => done(127));
    child.on("close", (code, signal) => done(code ?? (signal ? 128 : 1)));
  });
}

/** Runs a TypeScript file of this repo under the current (pinned) Node with tsx. */
export function runTsScript(
  file: string,
  args: readonly string[],
  env: NodeJS.ProcessEnv = process.env,
): Promise<number> {
  return run(process.execPath, ["--import", "tsx", join(ROOT, file), ...args], { env });
}

/** A command line for a shell (`emulators:exec` runs its script through one), each word quoted. */
export function shellCommand(words: readonly string[]): string {
  return words.map((word) => `'${word.replaceAll("'", "'\\''")}'`).join(" ");
}

/** Runs a TypeScript file of this repo under the current Node with tsx, as a shell command. */
export function tsScriptCommand(file: string, args: readonly string[] = []): string {
  return shellCommand([process.execPath, "--import", "tsx", join(ROOT, file), ...args]);
}

/** `node --import tsx scripts/dev/main.ts <command>`, as a shell string for `emulators:exec`. */
export function selfCommand(command: string, args: readonly string[] = []): string {
  return tsScriptCommand(join("scripts", "dev", "main.ts"), [command, ...args]);
}

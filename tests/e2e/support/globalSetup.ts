/**
 * Starts the web client's Vite dev server for the e2e run and hands its URL to the tests.
 * Set E2E_BASE_URL to test an already running client (a preview deploy, or a dev server you
 * started yourself) instead.
 */
import { fileURLToPath } from "node:url";
import { createServer, type ViteDevServer } from "vite";
import type { TestProject } from "vitest/node";
import { assertEmulatorsUp } from "./emulators.js";

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

const WEB_ROOT = fileURLToPath(new URL("../../../web/", import.meta.url));
const HOST = "127.0.0.1";
const PORT = 5174;

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  await assertEmulatorsUp();

  const external = process.env["E2E_BASE_URL"];
  if (external) {
    project.provide("baseUrl", external.replace(/\/$/, ""));
    return async () => {};
  }

  const server: ViteDevServer = await createServer({
    root: WEB_ROOT,
    configFile: `${WEB_ROOT}vite.config.ts`,
    logLevel: "warn",
    clearScreen: false,
    server: { host: HOST, port: PORT, strictPort: true, hmr: false },
  });
  await server.listen();
  const baseUrl = `http://${HOST}:${PORT}`;
  // Compile the app once before the first test opens it, so no test pays for the cold start.
  await fetch(`${baseUrl}/src/main.tsx`).then((res) => res.text());
  project.provide("baseUrl", baseUrl);
  return async () => {
    await server.close();
  };
}

import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

/** The web client imports the shared model as @numina/model (web/vite.config.ts); its unit tests do too. */
const modelEntry = fileURLToPath(new URL("./functions/src/model/index.ts", import.meta.url));

/**
 * Test kinds, by file name:
 *   unit        *.test.ts            pure code, no emulator
 *   rules       *.rules.test.ts      security rules, Firestore/Storage emulators
 *   integration *.emulator.test.ts   functions and triggers through the real SDKs and emulators
 *   e2e         *.e2e.test.ts        the web client in headless Chromium, against the emulators
 * scripts/numina.mjs runs `unit` on its own and the other three inside one emulator session.
 */
export default defineConfig({
  test: {
    projects: [
      {
        resolve: { alias: { "@numina/model": modelEntry } },
        test: {
          name: "unit",
          include: ["functions/test/**/*.test.ts", "web/src/**/*.test.ts", "scripts/**/*.test.ts"],
          exclude: ["**/*.rules.test.ts", "**/*.emulator.test.ts", "**/*.e2e.test.ts", "**/node_modules/**"],
        },
      },
      {
        test: {
          name: "rules",
          include: ["tests/rules/**/*.rules.test.ts"],
          testTimeout: 20_000,
          hookTimeout: 30_000,
        },
      },
      {
        test: {
          name: "integration",
          include: ["functions/test/**/*.emulator.test.ts"],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: "e2e",
          include: ["tests/e2e/**/*.e2e.test.ts"],
          globalSetup: ["tests/e2e/support/globalSetup.ts"],
          testTimeout: 60_000,
          hookTimeout: 60_000,
          // One browser at a time: two cores cannot run several Chromiums and the emulators well.
          fileParallelism: false,
        },
      },
    ],
  },
});

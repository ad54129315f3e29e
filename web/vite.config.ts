import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";

// The document shapes live with the functions (see docs/adr/0001-shared-model.md); the web client
// imports them from source so there is exactly one definition.
const modelEntry = fileURLToPath(new URL("../functions/src/model/index.ts", import.meta.url));

export default defineConfig({
  root: fileURLToPath(new URL(".", import.meta.url)),
  resolve: {
    alias: { "@numina/model": modelEntry },
  },
  // Listing the SDK entry points up front means the dev server bundles them before the first page
  // load, instead of discovering them mid-session and forcing a full reload (which breaks e2e runs).
  optimizeDeps: {
    include: [
      "react",
      "react-dom",
      "react-dom/client",
      "react-router",
      "firebase/app",
      "firebase/auth",
      "firebase/firestore",
      "firebase/functions",
      "geofire-common",
      "zod",
    ],
  },
  build: {
    outDir: "dist",
    emptyOutDir: true,
    sourcemap: true,
    // The modular Firebase SDK (auth + firestore + functions) is ~570 kB minified on its own.
    chunkSizeWarningLimit: 700,
    rolldownOptions: {
      output: {
        // The Firebase SDK changes far less often than the app: its own chunk stays cached across releases.
        codeSplitting: {
          groups: [
            { name: "firebase", test: /node_modules[\\/]@?firebase[\\/]/ },
            { name: "vendor", test: /node_modules[\\/]/ },
          ],
        },
      },
    },
  },
});

// Typed linting for every TypeScript project in the repo, plus the layering rule that keeps
// domain code free of Firebase: only adapters (triggers, callables, data access, the shared
// Firebase wiring) may import a Firebase SDK.
import js from "@eslint/js";
import globals from "globals";
import tseslint from "typescript-eslint";

const FIREBASE_IMPORTS = {
  patterns: [
    {
      group: [
        "firebase-admin",
        "firebase-admin/*",
        "firebase-functions",
        "firebase-functions/*",
        "firebase",
        "firebase/*",
        "@google-cloud/*",
      ],
      message:
        "Domain code stays free of Firebase: pass data in from an adapter (triggers.ts, callables.ts, *Store.ts).",
    },
  ],
};

export default tseslint.config(
  {
    ignores: ["**/node_modules/**", "functions/lib/**", "web/dist/**", ".numina/**", "bench/results/**"],
  },
  js.configs.recommended,
  {
    files: ["**/*.ts", "**/*.tsx"],
    extends: [tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", ignoreRestSiblings: true }],
      "@typescript-eslint/no-floating-promises": "error",
    },
  },
  {
    files: ["functions/src/**/*.ts"],
    ignores: [
      "functions/src/index.ts",
      "functions/src/**/triggers.ts",
      "functions/src/**/callables.ts",
      "functions/src/**/scheduled.ts",
      "functions/src/**/*Store.ts",
      "functions/src/rbac/roleChange.ts",
      "functions/src/shared/firebase.ts",
      "functions/src/shared/transactions.ts",
      "functions/src/shared/callable.ts",
      "functions/src/shared/log.ts",
    ],
    rules: { "no-restricted-imports": ["error", FIREBASE_IMPORTS] },
  },
  {
    files: ["**/*.js", "**/*.mjs"],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ["web/src/**/*.{ts,tsx}"],
    languageOptions: { globals: { ...globals.browser } },
  },
);

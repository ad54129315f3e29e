// Typed linting for every TypeScript project in the repo, plus the layering rules that keep the
// architecture (docs/architecture.md) true as features are added:
//   - pure modules (domain code, the shared model, scripts/lib, the web's pure helpers and
//     components) import no Firebase SDK;
//   - only a feature's logs.ts calls the Functions logger: every log line is a named event;
//   - adapters (triggers, callables, scheduled jobs, index.ts) are wiring: they parse the event,
//     call a store or use-case and log; they import no Firestore value and build no query or write;
//   - a feature reaches another feature only through that feature's public module (index.ts);
//   - no `.get("field") as T`: documents the model describes are read through their schema.
import js from "@eslint/js";
import globals from "globals";
import tseslint from "typescript-eslint";

const FIREBASE_SDKS = [
  "firebase-admin",
  "firebase-admin/*",
  "firebase-functions",
  "firebase-functions/*",
  "firebase",
  "firebase/*",
  "@google-cloud/*",
];
const NO_FIREBASE = {
  group: FIREBASE_SDKS,
  message: "Pure code stays free of Firebase: pass data in from an adapter or a store (docs/architecture.md).",
};
const NO_LOGGER = {
  name: "firebase-functions",
  importNames: ["logger"],
  message: "Log through the feature's logs.ts: one named function per log event.",
};
const FEATURES = [
  "accounts",
  "rbac",
  "classes",
  "matching",
  "messaging",
  "notifications",
  "limits",
  "reports",
  "moderation",
  "reviews",
  "partnerFeedback",
  "privacy",
];
/** `../matching/matchStore.js` from another feature: only `../matching/index.js` is public. */
const ONLY_PUBLIC_MODULES = FEATURES.map((feature) => ({
  group: [`../${feature}/*`, `!../${feature}/index.js`],
  message: `Reach the ${feature} feature through its public module, ../${feature}/index.js.`,
}));
const ADAPTER_FIRESTORE = {
  group: ["firebase-admin/firestore"],
  allowTypeImports: true,
  message: "Adapters are wiring only: queries and writes belong in the feature's stores.",
};

const ADAPTERS = [
  "functions/src/index.ts",
  "functions/src/*/triggers.ts",
  "functions/src/*/callables.ts",
  "functions/src/*/scheduled.ts",
];
/** Firebase wiring that is not an adapter: data access and the shared edges. */
const WIRING = [
  "functions/src/*/*Store.ts",
  "functions/src/*/logs.ts",
  "functions/src/shared/firebase.ts",
  "functions/src/shared/firestore.ts",
  "functions/src/shared/refs.ts",
  "functions/src/shared/runtime.ts",
  "functions/src/shared/transactions.ts",
  "functions/src/shared/callable.ts",
  "functions/src/shared/triggers.ts",
];

const GET_AS = {
  selector: "TSAsExpression > CallExpression[callee.property.name='get'][arguments.0.type='Literal']",
  message: 'Read the document through its schema (shared/refs.ts), not `.get("field") as T`.',
};

const restrictImports = (config) => ["error", config];

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
  // ---- functions/src: one no-restricted-imports per kind of module (a later block replaces an
  // earlier one's options for the same file, so each kind lists everything it forbids).
  {
    files: ["functions/src/**/*.ts"],
    ignores: [...ADAPTERS, ...WIRING],
    rules: { "no-restricted-imports": restrictImports({ patterns: [NO_FIREBASE, ...ONLY_PUBLIC_MODULES] }) },
  },
  {
    files: WIRING,
    ignores: ["functions/src/*/logs.ts"],
    rules: { "no-restricted-imports": restrictImports({ paths: [NO_LOGGER], patterns: ONLY_PUBLIC_MODULES }) },
  },
  {
    files: ["functions/src/*/logs.ts"],
    rules: { "no-restricted-imports": restrictImports({ patterns: ONLY_PUBLIC_MODULES }) },
  },
  {
    files: ADAPTERS,
    rules: {
      "no-restricted-imports": restrictImports({
        paths: [NO_LOGGER],
        patterns: [ADAPTER_FIRESTORE, ...ONLY_PUBLIC_MODULES],
      }),
      "no-restricted-syntax": [
        "error",
        {
          selector:
            "CallExpression[callee.property.name=/^(collection|collectionGroup|doc|where|orderBy|runTransaction|batch|bulkWriter|getAll|set|update|create|delete)$/]",
          message: "Adapters are wiring only: queries and writes belong in the feature's stores.",
        },
        GET_AS,
      ],
    },
  },
  {
    files: ["functions/src/**/*.ts"],
    ignores: ADAPTERS,
    rules: {
      "no-restricted-syntax": ["error", GET_AS],
    },
  },
  // ---- Pure modules outside functions/
  {
    files: ["scripts/lib/**/*.ts"],
    rules: { "no-restricted-imports": restrictImports({ patterns: [NO_FIREBASE] }) },
  },
  // ---- web/src: pages, components and helpers import no Firebase SDK. The SDK is used only by
  // firebase.ts, the data access (a feature's *Store.ts and *Service.ts), and the shared edges:
  // the one Firestore listener, the document converters and the error wording.
  {
    files: ["web/src/**/*.{ts,tsx}"],
    ignores: [
      "web/src/firebase.ts",
      "web/src/*/*Store.ts",
      "web/src/*/*Service.ts",
      "web/src/shared/watch.ts",
      "web/src/shared/converters.ts",
      "web/src/shared/errors.ts",
      "web/src/shared/errors.test.ts",
    ],
    rules: { "no-restricted-imports": restrictImports({ patterns: [NO_FIREBASE] }) },
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

/**
 * The web client's configuration, read from Vite's env in this one place and validated, so a
 * typo in a deployment's env fails loudly at start-up instead of as a confusing SDK error later.
 * Without any env the client targets the local emulators of the `demo-numina` project.
 */
import { FUNCTIONS_REGION } from "@numina/model";
import { z } from "zod";

const hostPort = z.string().regex(/^[^:\s]+:\d{1,5}$/, "Expected host:port");

const envSchema = z.object({
  VITE_FIREBASE_API_KEY: z.string().min(1).default("demo-numina-key"),
  VITE_FIREBASE_AUTH_DOMAIN: z.string().min(1).optional(),
  VITE_FIREBASE_PROJECT_ID: z.string().min(1).default("demo-numina"),
  VITE_FIREBASE_APP_ID: z.string().min(1).optional(),
  VITE_FIREBASE_STORAGE_BUCKET: z.string().min(1).optional(),
  VITE_FIREBASE_MESSAGING_SENDER_ID: z.string().min(1).optional(),
  VITE_FIREBASE_FUNCTIONS_REGION: z.string().min(1).default(FUNCTIONS_REGION),
  VITE_USE_EMULATORS: z.enum(["true", "false"]).default("true"),
  VITE_AUTH_EMULATOR_HOST: hostPort.default("127.0.0.1:9099"),
  VITE_FIRESTORE_EMULATOR_HOST: hostPort.default("127.0.0.1:8080"),
  VITE_FUNCTIONS_EMULATOR_HOST: hostPort.default("127.0.0.1:5001"),
  /** Web push (FCM) key pair's public key; without it (and a real project) the app runs without push. */
  VITE_FIREBASE_VAPID_KEY: z.string().min(1).optional(),
});

// Empty strings come from `VITE_X=` lines in .env files; treat them as unset.
const definedEntries = Object.entries(import.meta.env).filter(([, value]) => value !== "" && value !== undefined);
const env = envSchema.parse(Object.fromEntries(definedEntries));

export interface EmulatorHosts {
  auth: string;
  firestore: { host: string; port: number };
  functions: { host: string; port: number };
}

function splitHost(value: string): { host: string; port: number } {
  const at = value.lastIndexOf(":");
  return { host: value.slice(0, at), port: Number(value.slice(at + 1)) };
}

export const config = {
  firebase: {
    apiKey: env.VITE_FIREBASE_API_KEY,
    authDomain: env.VITE_FIREBASE_AUTH_DOMAIN ?? `${env.VITE_FIREBASE_PROJECT_ID}.firebaseapp.com`,
    projectId: env.VITE_FIREBASE_PROJECT_ID,
    ...(env.VITE_FIREBASE_APP_ID ? { appId: env.VITE_FIREBASE_APP_ID } : {}),
    ...(env.VITE_FIREBASE_STORAGE_BUCKET ? { storageBucket: env.VITE_FIREBASE_STORAGE_BUCKET } : {}),
    ...(env.VITE_FIREBASE_MESSAGING_SENDER_ID ? { messagingSenderId: env.VITE_FIREBASE_MESSAGING_SENDER_ID } : {}),
  },
  functionsRegion: env.VITE_FIREBASE_FUNCTIONS_REGION,
  /** Push needs a real project (FCM has no emulator), its sender id and a VAPID key. */
  push:
    env.VITE_USE_EMULATORS === "false" && env.VITE_FIREBASE_VAPID_KEY && env.VITE_FIREBASE_MESSAGING_SENDER_ID
      ? { vapidKey: env.VITE_FIREBASE_VAPID_KEY }
      : null,
  emulators:
    env.VITE_USE_EMULATORS === "false"
      ? null
      : ({
          auth: `http://${env.VITE_AUTH_EMULATOR_HOST}`,
          firestore: splitHost(env.VITE_FIRESTORE_EMULATOR_HOST),
          functions: splitHost(env.VITE_FUNCTIONS_EMULATOR_HOST),
        } satisfies EmulatorHosts),
} as const;

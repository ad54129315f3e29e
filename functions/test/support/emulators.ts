/**
 * Test scaffolding for *.emulator.test.ts: the Admin SDK and the client JS SDK, both pointed at
 * the emulators `npm test` started, plus user builders. Nothing here is mocked.
 */
import { randomUUID } from "node:crypto";
import { deleteApp as deleteAdminApp, initializeApp as initializeAdminApp } from "firebase-admin/app";
import { getAuth as getAdminAuth } from "firebase-admin/auth";
import { getFirestore as getAdminFirestore, Timestamp } from "firebase-admin/firestore";
import { deleteApp, FirebaseError, initializeApp, type FirebaseApp } from "firebase/app";
import { connectAuthEmulator, getAuth, signInWithEmailAndPassword } from "firebase/auth";
import { connectFirestoreEmulator, getFirestore } from "firebase/firestore";
import { connectFunctionsEmulator, getFunctions, httpsCallable } from "firebase/functions";
import { FUNCTIONS_REGION, paths, type Role } from "../../src/model/index.js";

export const PROJECT_ID = process.env.GCLOUD_PROJECT ?? "demo-numina";

function hostPort(variable: string): { host: string; port: number } {
  const value = process.env[variable];
  if (!value) throw new Error(`${variable} is not set: run the emulator tests through \`npm test\`.`);
  const [host = "127.0.0.1", port = ""] = value.split(":");
  return { host, port: Number(port) };
}

const adminApp = initializeAdminApp({ projectId: PROJECT_ID }, `admin-${randomUUID()}`);
export const admin = {
  auth: getAdminAuth(adminApp),
  db: getAdminFirestore(adminApp),
  timestamp: (ms: number) => Timestamp.fromMillis(ms),
};

/** A signed-in client, as a browser or phone would be: its own app, auth, Firestore and functions. */
export async function signedInClient(email: string, password: string) {
  const app: FirebaseApp = initializeApp(
    { projectId: PROJECT_ID, apiKey: "demo-numina-key" },
    `client-${randomUUID()}`,
  );
  const auth = getAuth(app);
  const authHost = hostPort("FIREBASE_AUTH_EMULATOR_HOST");
  connectAuthEmulator(auth, `http://${authHost.host}:${authHost.port}`, { disableWarnings: true });
  const db = getFirestore(app);
  const fsHost = hostPort("FIRESTORE_EMULATOR_HOST");
  connectFirestoreEmulator(db, fsHost.host, fsHost.port);
  const functions = getFunctions(app, FUNCTIONS_REGION);
  connectFunctionsEmulator(functions, "127.0.0.1", 5001);
  const credential = await signInWithEmailAndPassword(auth, email, password);
  return {
    app,
    auth,
    db,
    user: credential.user,
    call: <Req, Res>(name: string, data: Req) => httpsCallable<Req, Res>(functions, name)(data).then((r) => r.data),
    close: () => deleteApp(app),
  };
}

export interface TestUser {
  uid: string;
  email: string;
  password: string;
}

/** A fresh Auth user with a unique email; `role` sets the claim as an admin would have. */
export async function createTestUser(opts: { role?: Role; label?: string } = {}): Promise<TestUser> {
  const email = `${opts.label ?? "user"}-${randomUUID().slice(0, 8)}@numina.test`;
  const password = "test-password-1";
  const user = await admin.auth.createUser({ email, password, displayName: opts.label ?? "Test User" });
  if (opts.role) await admin.auth.setCustomUserClaims(user.uid, { role: opts.role });
  return { uid: user.uid, email, password };
}

/**
 * Resolves once the profile's role mirror says `role`. Roster actions check the stored role as
 * well as the claim, and provisionAccount writes the mirror a moment after the account appears.
 */
export const roleMirrored = (uid: string, role: Role) =>
  waitForDoc(paths.user(uid), (d) => (d?.["role"] === role ? true : undefined));

/** Resolves when `check` passes on the document, or fails after `timeoutMs`. Watches; never sleeps. */
export function waitForDoc<T>(
  path: string,
  check: (data: FirebaseFirestore.DocumentData | undefined) => T | undefined,
  timeoutMs = 15_000,
): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      unsubscribe();
      reject(new Error(`Timed out after ${timeoutMs} ms waiting on ${path}`));
    }, timeoutMs);
    const unsubscribe = admin.db.doc(path).onSnapshot((snap) => {
      const result = check(snap.data());
      if (result !== undefined) {
        clearTimeout(timer);
        unsubscribe();
        resolve(result);
      }
    }, reject);
  });
}

export async function closeAdmin() {
  await deleteAdminApp(adminApp);
}

/**
 * A Firestore of a second project on the same emulator, where no function triggers fire: for
 * driving domain stores in-process at a concurrency the Functions emulator (one process per call
 * in flight) cannot take on a small machine.
 */
export function isolatedFirestore(projectId = `${PROJECT_ID}-load`) {
  const app = initializeAdminApp({ projectId }, `isolated-${randomUUID()}`);
  return { db: getAdminFirestore(app), close: () => deleteAdminApp(app) };
}

/** The error a callable rejected with; fails the test if it resolved or threw something else. */
export async function callError(promise: Promise<unknown>): Promise<FirebaseError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof FirebaseError)) throw new Error(`Expected a FirebaseError, got ${String(error)}`);
  return error;
}

/** The message as a member reads it: the Functions SDK appends the HTTP status, " [400]". */
export const shownMessage = (error: FirebaseError) => error.message.replace(/ \[\d{3}\]$/, "");

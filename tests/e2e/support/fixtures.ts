/**
 * Test users made through the Admin SDK against the emulators, unique per run, so the e2e tests
 * never depend on seeded demo data or on each other.
 */
import { randomBytes } from "node:crypto";
import { deleteApp, initializeApp, type App } from "firebase-admin/app";
import { getAuth } from "firebase-admin/auth";
import { FieldValue, getFirestore, type DocumentData } from "firebase-admin/firestore";
import { paths, TERMS_VERSION, type ProfileEdit, type Role } from "../../../functions/src/model/index.js";
import { GRPC, grpcCode } from "../../../functions/src/shared/transactions.js";
import { PROJECT_ID } from "./emulators.js";

export const PASSWORD = "correct-horse-battery";

export interface TestUser {
  uid: string;
  email: string;
  password: string;
  displayName: string;
}

export function uniqueSuffix(): string {
  return randomBytes(4).toString("hex");
}

export function uniqueEmail(label = "user"): string {
  return `e2e-${label}-${uniqueSuffix()}@numina.test`;
}

/** A complete profile, as a member has after onboarding. */
export function onboardedProfile(displayName: string): ProfileEdit {
  return {
    displayName,
    bio: "Here for the e2e tests.",
    fitnessLevel: "intermediate",
    interests: ["running", "yoga"],
    city: "berlin",
    availability: ["mon:morning", "sat:afternoon"],
    photoURL: null,
    onboardingComplete: true,
  };
}

export class Fixtures {
  private readonly app: App;
  private readonly created: string[] = [];

  constructor() {
    if (!process.env["FIRESTORE_EMULATOR_HOST"] || !process.env["FIREBASE_AUTH_EMULATOR_HOST"]) {
      // Without these the Admin SDK would try to reach production.
      throw new Error("Set FIRESTORE_EMULATOR_HOST and FIREBASE_AUTH_EMULATOR_HOST to run the e2e tests.");
    }
    this.app = initializeApp({ projectId: PROJECT_ID }, `e2e-fixtures-${uniqueSuffix()}`);
  }

  get auth() {
    return getAuth(this.app);
  }

  get db() {
    return getFirestore(this.app);
  }

  /**
   * A user with an email/password account, its provisioned profile, and optionally a role and a
   * finished onboarding. Resolves once the profile document says what the test asked for.
   */
  async createUser(options: { label?: string; role?: Role; onboarded?: boolean; emailVerified?: boolean } = {}) {
    const label = options.label ?? "member";
    const suffix = uniqueSuffix();
    const displayName = `E2E ${label} ${suffix}`;
    const user: TestUser = { uid: "", email: `e2e-${label}-${suffix}@numina.test`, password: PASSWORD, displayName };
    const record = await this.auth.createUser({
      email: user.email,
      password: user.password,
      displayName,
      emailVerified: options.emailVerified ?? true,
    });
    user.uid = record.uid;
    this.created.push(record.uid);
    if (options.role && options.role !== "member") {
      await this.auth.setCustomUserClaims(record.uid, { role: options.role });
    }

    // provisionAccount creates the profile asynchronously; it may have run before or after the
    // claim was set, so the mirror is patched here either way.
    await this.waitForDoc(paths.user(record.uid));
    const patch: DocumentData = {};
    if (options.role) patch["role"] = options.role;
    if (options.onboarded)
      Object.assign(patch, onboardedProfile(displayName), { updatedAt: FieldValue.serverTimestamp() });
    if (Object.keys(patch).length > 0) {
      const ref = this.db.doc(paths.user(record.uid));
      await withTransientRetry(() => ref.update(patch));
    }
    // As if they had accepted the terms in force when they signed up (created with the profile).
    const settings = this.db.doc(paths.privateSettings(record.uid));
    await withTransientRetry(() =>
      settings.update({ tosAcceptedAt: FieldValue.serverTimestamp(), termsVersion: TERMS_VERSION }),
    );
    return user;
  }

  /** Remembers a user created through the UI, so cleanup removes it too. */
  track(uid: string): void {
    this.created.push(uid);
  }

  async uidOf(email: string): Promise<string> {
    return (await this.auth.getUserByEmail(email)).uid;
  }

  /** Resolves with the document's data once it exists (listening, not polling). */
  waitForDoc(path: string, timeoutMs = 30_000): Promise<DocumentData> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        unsubscribe();
        reject(new Error(`${path} did not appear within ${timeoutMs} ms (is the Functions emulator running?)`));
      }, timeoutMs);
      const unsubscribe = this.db.doc(path).onSnapshot(
        (snapshot) => {
          if (!snapshot.exists) return;
          clearTimeout(timer);
          unsubscribe();
          resolve(snapshot.data() ?? {});
        },
        (error) => {
          clearTimeout(timer);
          reject(error);
        },
      );
    });
  }

  async cleanup(): Promise<void> {
    for (const uid of this.created) {
      await this.auth.deleteUser(uid).catch(() => undefined);
      await this.db.recursiveDelete(this.db.doc(paths.user(uid))).catch(() => undefined);
    }
    await deleteApp(this.app);
  }
}

/**
 * The Firestore emulator sometimes answers a write that raced the provisioning trigger's
 * transaction on the same document with `2 UNKNOWN` or `10 ABORTED`; the write is safe to repeat.
 */
async function withTransientRetry<T>(write: () => Promise<T>, attempts = 3): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await write();
    } catch (error) {
      const code = grpcCode(error);
      if (attempt >= attempts || (code !== GRPC.UNKNOWN && code !== GRPC.ABORTED)) throw error;
      await new Promise((resolve) => setTimeout(resolve, 200 * attempt));
    }
  }
}

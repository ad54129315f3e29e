/**
 * Shared scaffolding for the security-rules tests: one test environment per test file (each on
 * its own `demo-numina-rules-*` project, so no test touches the app's demo-numina data and no
 * Cloud Functions trigger fires), the personas every table iterates over, and typed fixture
 * builders derived from the model's types so a schema change breaks the fixtures at compile time.
 */
import { readFileSync } from "node:fs";
import {
  assertFails,
  assertSucceeds,
  initializeTestEnvironment,
  type RulesTestContext,
  type RulesTestEnvironment,
  type TokenOptions,
} from "@firebase/rules-unit-testing";
import {
  doc,
  serverTimestamp,
  setDoc,
  setLogLevel,
  Timestamp,
  type DocumentData,
  type FieldValue,
  type Firestore,
} from "firebase/firestore";
import type { FirebaseStorage } from "firebase/storage";
import type { z } from "zod";
import type {
  Attendee,
  classEditSchema,
  FitnessClass,
  Notification,
  PrivateSettings,
  ProfileEdit,
  UserProfile,
} from "../../functions/src/model/index.js";

// ---------------------------------------------------------------------------------------------
// Environment

// Every denied write makes the SDK log a PERMISSION_DENIED warning; the assertions already check
// them, and the noise would hide real failures.
setLogLevel("silent");

export interface HostAndPort {
  host: string;
  port: number;
}

/**
 * Host and port from an emulator variable such as FIRESTORE_EMULATOR_HOST ("127.0.0.1:8080"),
 * else the fallback. A leading scheme is dropped: firebase-tools sets STORAGE_EMULATOR_HOST as
 * "http://127.0.0.1:9199", the Google Cloud convention.
 */
export function emulatorAddress(variable: string, fallback: HostAndPort): HostAndPort {
  const value = process.env[variable]?.replace(/^https?:\/\//, "").replace(/\/+$/, "");
  if (!value) return fallback;
  const separator = value.lastIndexOf(":");
  const port = Number(value.slice(separator + 1));
  if (separator <= 0 || !Number.isInteger(port))
    throw new Error(`${variable} must look like host:port, got "${value}"`);
  return { host: value.slice(0, separator), port };
}

export function readRules(file: "firestore.rules" | "storage.rules"): string {
  return readFileSync(new URL(`../../${file}`, import.meta.url), "utf8");
}

/** A Firestore rules environment on `demo-numina-rules-<name>`, with firestore.rules loaded. */
export function firestoreTestEnv(name: string): Promise<RulesTestEnvironment> {
  return initializeTestEnvironment({
    projectId: `demo-numina-rules-${name}`,
    firestore: {
      rules: readRules("firestore.rules"),
      ...emulatorAddress("FIRESTORE_EMULATOR_HOST", { host: "127.0.0.1", port: 8080 }),
    },
  });
}

/**
 * The test contexts hand out compat SDK instances; the modular functions (doc, getDoc, ref, …)
 * unwrap them at run time, so the tests use the modular API like the app does. The cast is
 * only the bridge between the two type declarations.
 */
export function modularFirestore(context: RulesTestContext): Firestore {
  return context.firestore() as unknown as Firestore;
}

/** The compat Storage type is already assignable to the modular one; no bridge needed. */
export function modularStorage(context: RulesTestContext): FirebaseStorage {
  return context.storage();
}

// ---------------------------------------------------------------------------------------------
// Personas

/** Who is asking: every collection is tested against each of these. */
export const PERSONAS = ["anonymous", "owner", "otherMember", "instructor", "admin"] as const;
export type Persona = (typeof PERSONAS)[number];
export type SignedInPersona = Exclude<Persona, "anonymous">;

export const UID: Readonly<Record<SignedInPersona, string>> = {
  owner: "alice",
  otherMember: "bob",
  instructor: "ivy",
  admin: "ada",
};

/**
 * The owner carries no role claim at all, as a brand-new account does (a missing claim means
 * member); the other member carries an explicit `member` claim, so both spellings are covered.
 */
const TOKENS: Readonly<Record<SignedInPersona, TokenOptions>> = {
  owner: { email: "alice@numina.test" },
  otherMember: { email: "bob@numina.test", role: "member" },
  instructor: { email: "ivy@numina.test", role: "instructor" },
  admin: { email: "ada@numina.test", role: "admin" },
};

export function contextAs(env: RulesTestEnvironment, persona: Persona): RulesTestContext {
  return persona === "anonymous"
    ? env.unauthenticatedContext()
    : env.authenticatedContext(UID[persona], TOKENS[persona]);
}

export function firestoreAs(env: RulesTestEnvironment, persona: Persona): Firestore {
  return modularFirestore(contextAs(env, persona));
}

/** A signed-in user outside the standard personas (a second instructor, a forged claim, …). */
export function firestoreForUser(env: RulesTestEnvironment, uid: string, token: TokenOptions = {}): Firestore {
  return modularFirestore(env.authenticatedContext(uid, token));
}

/** Writes fixtures with rules off, as functions (the Admin SDK) would. */
export async function seed(env: RulesTestEnvironment, documents: Readonly<Record<string, object>>): Promise<void> {
  await env.withSecurityRulesDisabled(async (context) => {
    const db = modularFirestore(context);
    for (const [path, data] of Object.entries(documents)) await setDoc(doc(db, path), data);
  });
}

/** A copy of a document without one field: to prove a required field is required. */
export function withoutField(data: object, field: string): DocumentData {
  return Object.fromEntries(Object.entries(data).filter(([key]) => key !== field));
}

/** assertSucceeds when the rules should allow the request, assertFails when they should deny it. */
export async function expectAllowed(request: Promise<unknown>, allowed: boolean): Promise<void> {
  if (allowed) await assertSucceeds(request);
  else await assertFails(request);
}

// ---------------------------------------------------------------------------------------------
// Time

const DAY_MS = 24 * 60 * 60 * 1000;

export function daysFromNow(days: number): Timestamp {
  return Timestamp.fromMillis(Date.now() + days * DAY_MS);
}

/** A client-chosen timestamp, not request.time: what a backdating client would send. */
export const STALE_TIME = Timestamp.fromMillis(Date.UTC(2024, 0, 1));

/** A document as a client writes it: server-set timestamps become serverTimestamp() sentinels. */
export type ClientWrite<T, ServerTimes extends keyof T> = Omit<T, ServerTimes> & Record<ServerTimes, FieldValue>;

// ---------------------------------------------------------------------------------------------
// users/{uid}

/** A valid edit of every owner-editable profile field (an onboarded member). */
export function profileEdit(overrides: Partial<ProfileEdit> = {}): ProfileEdit {
  return {
    displayName: "Alice Runner",
    bio: "Early-morning runner, looking for a Saturday long-run partner.",
    fitnessLevel: "intermediate",
    interests: ["running", "yoga"],
    city: "london",
    availability: ["sat:morning", "tue:evening"],
    photoURL: "https://example.com/alice.png",
    onboardingComplete: true,
    ...overrides,
  };
}

/** A stored public profile, as provisionAccount and later edits leave it. */
export function userProfile(overrides: Partial<UserProfile> = {}): UserProfile {
  return {
    ...profileEdit(),
    geohash: "gcpvj",
    role: "member",
    disabled: false,
    createdAt: daysFromNow(-30),
    updatedAt: daysFromNow(-1),
    claimsUpdatedAt: null,
    ...overrides,
  };
}

/** The owner's profile update: editable fields plus updatedAt = request.time. */
export function profileUpdate(overrides: Partial<ProfileEdit> = {}): ProfileEdit & { updatedAt: FieldValue } {
  return { ...profileEdit(overrides), updatedAt: serverTimestamp() };
}

// ---------------------------------------------------------------------------------------------
// users/{uid}/private/settings

export type ExactLocation = NonNullable<PrivateSettings["location"]>;

export function exactLocation(overrides: Partial<ExactLocation> = {}): ExactLocation {
  return { lat: 51.5072, lng: -0.1276, geohash: "gcpvj0duq5", ...overrides };
}

/** Fresh settings as provisionAccount writes them (DEFAULT_TIME_ZONE is UTC). */
function settingsFields(): Omit<PrivateSettings, "updatedAt"> {
  return { email: "alice@numina.test", location: null, timeZone: "UTC", tosAcceptedAt: null, termsVersion: null };
}

export function privateSettings(overrides: Partial<PrivateSettings> = {}): PrivateSettings {
  return { ...settingsFields(), updatedAt: daysFromNow(-1), ...overrides };
}

/** Settings as the owner's client writes them: updatedAt = request.time. */
export function settingsWrite(
  overrides: Partial<Omit<PrivateSettings, "updatedAt">> = {},
): ClientWrite<PrivateSettings, "updatedAt"> {
  return { ...settingsFields(), ...overrides, updatedAt: serverTimestamp() };
}

// ---------------------------------------------------------------------------------------------
// classes/{classId}

/** The fields an instructor or admin edits (classEditSchema). */
export type ClassEdit = z.infer<typeof classEditSchema>;

export function classEdit(instructorId: string, overrides: Partial<ClassEdit> = {}): ClassEdit {
  return {
    title: "Sunrise yoga in the park",
    description: "An hour of vinyasa flow; bring a mat.",
    tags: ["yoga", "pilates"],
    level: "beginner",
    instructorId,
    city: "london",
    startsAt: daysFromNow(7),
    durationMinutes: 60,
    location: { name: "Hyde Park", address: "London W2 2UH", lat: 51.5073, lng: -0.1657, geohash: "gcpvh" },
    capacity: 20,
    status: "scheduled",
    ...overrides,
  };
}

/** A stored class, as it looks after creation and some RSVPs. */
export function fitnessClass(instructorId: string, overrides: Partial<FitnessClass> = {}): FitnessClass {
  return {
    ...classEdit(instructorId),
    confirmedCount: 0,
    waitlistCount: 0,
    createdAt: daysFromNow(-2),
    updatedAt: daysFromNow(-1),
    ...overrides,
  };
}

/** A new class as the client creates it: counts 0, createdAt and updatedAt = request.time. */
export function classCreate(
  instructorId: string,
  overrides: Partial<ClassEdit> = {},
): ClientWrite<FitnessClass, "createdAt" | "updatedAt"> {
  return {
    ...classEdit(instructorId, overrides),
    confirmedCount: 0,
    waitlistCount: 0,
    createdAt: serverTimestamp(),
    updatedAt: serverTimestamp(),
  };
}

// ---------------------------------------------------------------------------------------------
// classes/{classId}/attendees/{uid}

/** An RSVP row as the RSVP functions write it. */
export function attendeeRow(classId: string, uid: string, overrides: Partial<Attendee> = {}): Attendee {
  return {
    uid,
    classId,
    status: "confirmed",
    ticket: 1,
    joinedAt: daysFromNow(-1),
    updatedAt: daysFromNow(-1),
    promotedAt: null,
    checkedInAt: null,
    classTitle: "Sunrise yoga in the park",
    classStartsAt: daysFromNow(7),
    ...overrides,
  };
}

// ---------------------------------------------------------------------------------------------
// users/{uid}/notifications/{id}

export function notification(overrides: Partial<Notification> = {}): Notification {
  return {
    type: "waitlist_promoted",
    title: "You're in!",
    body: "A seat opened up in Sunrise yoga in the park.",
    createdAt: daysFromNow(-1),
    read: false,
    data: { classId: "yoga-1" },
    aboutUids: [],
    ...overrides,
  };
}

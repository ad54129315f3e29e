/**
 * users/{uid}: the public profile. Signed-in users read; only the owner updates, and only the
 * fields of profileEditSchema; nobody creates or deletes from a client.
 */
import type { RulesTestEnvironment } from "@firebase/rules-unit-testing";
import {
  collection,
  deleteDoc,
  deleteField,
  doc,
  getDoc,
  getDocs,
  serverTimestamp,
  setDoc,
  updateDoc,
  type DocumentData,
} from "firebase/firestore";
import { afterAll, beforeAll, beforeEach, describe, it } from "vitest";
import { AVAILABILITY_SLOTS, INTERESTS, PROFILE_LIMITS } from "../../functions/src/model/index.js";
import {
  expectAllowed,
  firestoreAs,
  firestoreForUser,
  firestoreTestEnv,
  PERSONAS,
  profileUpdate,
  seed,
  STALE_TIME,
  UID,
  userProfile,
  type Persona,
} from "./support.js";

let env: RulesTestEnvironment;
const ALICE = `users/${UID.owner}`;

beforeAll(async () => {
  env = await firestoreTestEnv("users");
});
afterAll(async () => {
  await env.cleanup();
});
beforeEach(async () => {
  await env.clearFirestore();
  await seed(env, {
    [ALICE]: userProfile(),
    [`users/${UID.otherMember}`]: userProfile({ displayName: "Bob" }),
  });
});

/** The owner updates their own profile with these fields. */
function ownerUpdate(data: DocumentData): Promise<void> {
  return updateDoc(doc(firestoreAs(env, "owner"), ALICE), data);
}

describe("read", () => {
  const signedIn = (persona: Persona) => persona !== "anonymous";

  it.each(PERSONAS)("get another user's profile as %s", async (persona) => {
    const path = persona === "otherMember" ? ALICE : `users/${UID.otherMember}`;
    await expectAllowed(getDoc(doc(firestoreAs(env, persona), path)), signedIn(persona));
  });

  it.each(PERSONAS)("get alice's own profile as %s", async (persona) => {
    await expectAllowed(getDoc(doc(firestoreAs(env, persona), ALICE)), signedIn(persona));
  });

  it.each(PERSONAS)("list profiles as %s", async (persona) => {
    // Listing would show every member's area and week, hidden ones included: admins only.
    await expectAllowed(getDocs(collection(firestoreAs(env, persona), "users")), persona === "admin");
  });
});

describe("create", () => {
  // Nobody creates a profile from a client, not even for their own uid: provisionAccount does.
  it.each(PERSONAS)("create a new profile as %s is denied", async (persona) => {
    const uid = persona === "anonymous" ? "newcomer" : UID[persona];
    await env.clearFirestore();
    const profile = { ...userProfile(), createdAt: serverTimestamp(), updatedAt: serverTimestamp() };
    await expectAllowed(setDoc(doc(firestoreAs(env, persona), `users/${uid}`), profile), false);
  });

  it("overwriting an existing profile with set() is an update and still needs a valid edit", async () => {
    // set() on an existing document is an update: a full overwrite that changes role is refused.
    const forged = { ...userProfile({ role: "admin" }), updatedAt: serverTimestamp() };
    await expectAllowed(setDoc(doc(firestoreAs(env, "owner"), ALICE), forged), false);
  });
});

describe("update by the owner", () => {
  it("a valid edit of every editable field succeeds", async () => {
    await expectAllowed(
      ownerUpdate(
        profileUpdate({
          displayName: "Alice R.",
          bio: "Now climbing too.",
          fitnessLevel: "advanced",
          interests: ["climbing"],
          city: "berlin",
          availability: ["mon:morning"],
          photoURL: "http://127.0.0.1:9199/alice.png",
          onboardingComplete: false,
        }),
      ),
      true,
    );
  });

  it("a partial update of one field plus updatedAt succeeds", async () => {
    await expectAllowed(ownerUpdate({ bio: "Short bio", updatedAt: serverTimestamp() }), true);
  });

  it("accepts the limits: 60-char name, 500-char bio, 10 interests, every slot, nulls", async () => {
    await expectAllowed(
      ownerUpdate(
        profileUpdate({
          displayName: "x".repeat(PROFILE_LIMITS.displayNameMax),
          bio: "b".repeat(PROFILE_LIMITS.bioMax),
          interests: INTERESTS.slice(0, PROFILE_LIMITS.interestsMax),
          availability: [...AVAILABILITY_SLOTS],
          city: null,
          photoURL: null,
        }),
      ),
      true,
    );
  });

  it("a bogus role claim is read as member, who may still edit their own profile", async () => {
    const db = firestoreForUser(env, UID.owner, { role: "superadmin" });
    await expectAllowed(updateDoc(doc(db, ALICE), { bio: "hi", updatedAt: serverTimestamp() }), true);
  });

  it("a disabled user may not update", async () => {
    await seed(env, { [ALICE]: userProfile({ disabled: true }) });
    await expectAllowed(ownerUpdate(profileUpdate({ bio: "still here" })), false);
  });

  it("updatedAt must be request.time", async () => {
    await expectAllowed(ownerUpdate({ ...profileUpdate(), updatedAt: STALE_TIME }), false);
  });

  it("updatedAt is required on every update", async () => {
    await expectAllowed(ownerUpdate({ bio: "no timestamp" }), false);
  });

  // Server-owned fields (SERVER_OWNED_PROFILE_FIELDS) and unknown fields: each attack alone.
  const serverOwned: ReadonlyArray<[string, DocumentData]> = [
    ["role → admin (self-promotion)", { role: "admin" }],
    ["role → instructor", { role: "instructor" }],
    ["role removed", { role: deleteField() }],
    ["disabled → true", { disabled: true }],
    ["disabled removed", { disabled: deleteField() }],
    ["createdAt rewritten", { createdAt: serverTimestamp() }],
    ["claimsUpdatedAt bumped", { claimsUpdatedAt: serverTimestamp() }],
    // The public cell comes from the member's matching point; one of their own choosing could
    // publish their exact cell, or place them anywhere.
    ["geohash of the owner's choosing", { geohash: "u33db" }],
    ["geohash cleared", { geohash: null }],
    ["an unknown field added", { isVerified: true }],
    ["a nested role smuggled in", { settings: { role: "admin" } }],
  ];
  it.each(serverOwned)("writing a server-owned or unknown field is denied: %s", async (_label, change) => {
    await expectAllowed(ownerUpdate({ ...profileUpdate(), ...change }), false);
  });

  // Invalid values of editable fields: each one alone on an otherwise valid update.
  const invalid: ReadonlyArray<[string, DocumentData]> = [
    ["displayName empty", { displayName: "" }],
    ["displayName only whitespace", { displayName: "   " }],
    ["displayName 61 chars", { displayName: "x".repeat(PROFILE_LIMITS.displayNameMax + 1) }],
    ["displayName not a string", { displayName: 42 }],
    ["bio 501 chars", { bio: "b".repeat(PROFILE_LIMITS.bioMax + 1) }],
    ["fitnessLevel outside the catalog", { fitnessLevel: "elite" }],
    ["an interest outside the catalog", { interests: ["running", "parkour"] }],
    ["11 interests", { interests: [...INTERESTS.slice(0, 10), INTERESTS[10]] }],
    ["interests not a list", { interests: "running" }],
    ["city outside the catalog", { city: "paris" }],
    ["availability slot outside the catalog", { availability: ["tue:night"] }],
    ["29 availability slots", { availability: [...AVAILABILITY_SLOTS, "mon:morning"] }],
    ["photoURL with a javascript: scheme", { photoURL: "javascript:alert(1)" }],
    ["photoURL over 2048 chars", { photoURL: `https://example.com/${"p".repeat(2048)}` }],
    ["onboardingComplete not a bool", { onboardingComplete: "yes" }],
    ["an editable field removed", { bio: deleteField() }],
  ];
  it.each(invalid)("an invalid value is denied: %s", async (_label, change) => {
    await expectAllowed(ownerUpdate({ ...profileUpdate(), ...change }), false);
  });
});

describe("update by anyone else", () => {
  // Admins change roles through the setUserRole callable, never by editing a profile.
  it.each(PERSONAS.filter((p) => p !== "owner"))("updating alice's profile as %s is denied", async (persona) => {
    await expectAllowed(updateDoc(doc(firestoreAs(env, persona), ALICE), profileUpdate({ bio: "hacked" })), false);
  });

  it("an admin cannot set someone's role on the profile", async () => {
    await expectAllowed(
      updateDoc(doc(firestoreAs(env, "admin"), ALICE), { role: "instructor", updatedAt: serverTimestamp() }),
      false,
    );
  });
});

describe("delete", () => {
  it.each(PERSONAS)("deleting alice's profile as %s is denied", async (persona) => {
    await expectAllowed(deleteDoc(doc(firestoreAs(env, persona), ALICE)), false);
  });
});

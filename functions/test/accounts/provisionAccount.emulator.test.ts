import { afterAll, describe, expect, it } from "vitest";
import { paths, userProfileSchema, privateSettingsSchema } from "../../src/model/index.js";
import { admin, closeAdmin, createTestUser, waitForDoc } from "../support/emulators.js";

afterAll(closeAdmin);

describe("provisionAccount (Auth onCreate trigger)", () => {
  it("gives a new account a member profile and private settings holding its email", async () => {
    const user = await createTestUser({ label: "newcomer" });

    const profile = await waitForDoc(paths.user(user.uid), (d) => d);
    expect(userProfileSchema.parse(profile)).toMatchObject({
      displayName: "newcomer",
      role: "member",
      onboardingComplete: false,
      disabled: false,
      city: null,
      geohash: null,
    });
    const settings = await waitForDoc(paths.privateSettings(user.uid), (d) => d);
    expect(privateSettingsSchema.parse(settings)).toMatchObject({ email: user.email, location: null });
    // The email is private: it never appears on the public profile.
    expect(JSON.stringify(profile)).not.toContain(user.email);
  });

  it("mirrors a role claim set before the trigger ran, and writes no claim of its own", async () => {
    const user = await createTestUser({ label: "early-instructor", role: "instructor" });
    // Claim and trigger may land in either order; the mirror must end up matching the claim.
    await waitForDoc(paths.user(user.uid), (d) => (d?.["role"] === "instructor" ? true : undefined));
    expect((await admin.auth.getUser(user.uid)).customClaims).toEqual({ role: "instructor" });
  });

  it("leaves an existing profile alone when the event is delivered again", async () => {
    const user = await createTestUser({ label: "retried" });
    await waitForDoc(paths.user(user.uid), (d) => d);
    await admin.db.doc(paths.user(user.uid)).update({ bio: "Edited after sign-up" });

    // Simulate the at-least-once redelivery: deleting and re-creating the Auth user with the same
    // uid fires onCreate again for a uid whose documents already exist.
    await admin.auth.deleteUser(user.uid);
    await admin.auth.createUser({ uid: user.uid, email: user.email, password: user.password });
    const settingsAfter = await waitForDoc(paths.privateSettings(user.uid), (d) => d);

    const profile = (await admin.db.doc(paths.user(user.uid)).get()).data();
    expect(profile?.["bio"]).toBe("Edited after sign-up");
    expect(settingsAfter["email"]).toBe(user.email);
  });
});

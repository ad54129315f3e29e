/**
 * The deployed functions in the emulator: the welcome email on sign-up, verification and reset
 * emails with Admin SDK links, the role-change notice, and the one-click unsubscribe endpoint.
 */
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  collections,
  FUNCTIONS_REGION,
  mailSchema,
  paths,
  SEEDED_ACCOUNT_CLAIM,
  type MailKind,
  type SetUserRoleResponse,
} from "../../src/model/index.js";
import { queueWelcomeEmail } from "../../src/notifications/accountMailStore.js";
import { refs } from "../../src/shared/refs.js";
import { unsubscribeUrl } from "../../src/notifications/unsubscribe.js";
import {
  admin,
  closeAdmin,
  createTestUser,
  isolatedFirestore,
  PROJECT_ID,
  signedInClient,
  waitForDoc,
} from "../support/emulators.js";

/** The emulator's signing secret, from the same file the Functions emulator reads. */
const LOCAL_SECRET = /^UNSUBSCRIBE_SECRET=(.+)$/m.exec(
  readFileSync(new URL("../../.secret.local", import.meta.url), "utf8"),
)?.[1];
const ENDPOINT = `http://127.0.0.1:5001/${PROJECT_ID}/${FUNCTIONS_REGION}/unsubscribe`;

afterAll(closeAdmin);

async function mailsOf(uid: string, kind: MailKind) {
  const snap = await refs(admin.db).outbox().where("uid", "==", uid).where("kind", "==", kind).get();
  return snap.docs.map((d) => d.data());
}

describe("welcome email", () => {
  it("is queued once per new account, and the mail function attempts it", async () => {
    const user = await createTestUser({ label: "welcome" });
    // Sent, or refused (no SMTP server listens during tests) and queued for a retry: attempted.
    const mail = await waitForDoc(
      paths.mail(`welcome-${user.uid}`),
      (d) =>
        d && ["SUCCESS", "RETRY"].includes((d["delivery"] as { state: string }).state)
          ? mailSchema.parse(d)
          : undefined,
      25_000,
    );
    expect(mail.to).toBe(user.email);
    expect(mail.message.subject).toBe("Welcome to Numina");
    expect(mail.message.text).toContain("Welcome, welcome!");
    expect(mail.delivery.attempts).toBe(1);
    expect(mail.kind).toBe("welcome");
    // A document the "Trigger Email" extension would read as a message, not as one of its templates.
    expect(mail).not.toHaveProperty("template");
  });

  it("is not sent to an account the demo seed created, and once to anyone else", async () => {
    // In process against a Firestore of its own, so the claim is in place before the email is decided.
    const isolated = isolatedFirestore("demo-numina-welcome");
    try {
      const deps = { db: isolated.db, auth: admin.auth, appUrl: "http://app.test" };
      const seeded = await createTestUser({ label: "seeded" });
      await admin.auth.setCustomUserClaims(seeded.uid, { [SEEDED_ACCOUNT_CLAIM]: true });
      expect(await queueWelcomeEmail(deps, seeded.uid, seeded.email)).toBe("seeded");
      expect((await refs(isolated.db).mail(`welcome-${seeded.uid}`).get()).exists).toBe(false);

      const member = await createTestUser({ label: "member" });
      expect(await queueWelcomeEmail(deps, member.uid, member.email)).toBe("queued");
      expect(await queueWelcomeEmail(deps, member.uid, member.email)).toBe("already-queued");
      expect((await refs(isolated.db).mail(`welcome-${member.uid}`).get()).data()?.kind).toBe("welcome");
    } finally {
      await isolated.close();
    }
  });
});

describe("account emails through Numina's templates", () => {
  let client: Awaited<ReturnType<typeof signedInClient>>;
  let user: Awaited<ReturnType<typeof createTestUser>>;
  beforeAll(async () => {
    user = await createTestUser({ label: "verify" });
    client = await signedInClient(user.email, user.password);
  });
  afterAll(async () => {
    await client.close();
  });

  it("sends a verification link that verifies the address", async () => {
    expect(await client.call("sendVerificationEmail", {})).toEqual({ queued: true });
    const [mail] = await mailsOf(user.uid, "verify_email");
    const link = /(http\S*oobCode=\S+)/.exec(mail?.message.text ?? "")?.[1];
    expect(link).toContain("mode=verifyEmail");
    expect(mail?.message.html).toContain("Confirm my email");

    // The Auth emulator applies the code, then redirects to the web client (not running here).
    const res = await fetch(link!, { redirect: "manual" });
    expect(res.status).toBeLessThan(400);
    expect((await admin.auth.getUser(user.uid)).emailVerified).toBe(true);
  });

  it("sends a reset link to an existing account and answers the same for an unknown address", async () => {
    expect(await client.call("requestPasswordReset", { email: user.email })).toEqual({ ok: true });
    expect(await client.call("requestPasswordReset", { email: "nobody-here@numina.test" })).toEqual({ ok: true });
    const [mail] = await mailsOf(user.uid, "password_reset");
    expect(mail?.to).toBe(user.email);
    expect(mail?.message.text).toMatch(/mode=resetPassword.*oobCode=/);
    const stray = await admin.db.collection(collections.mail).where("to", "==", "nobody-here@numina.test").get();
    expect(stray.size).toBe(0);
  });

  it("rejects a malformed address naming the field, and writes nothing", async () => {
    await expect(client.call("requestPasswordReset", { email: "not-an-email" })).rejects.toMatchObject({
      code: "functions/invalid-argument",
      message: expect.stringContaining("email") as string,
    });
  });
});

describe("role changes", () => {
  it("tell the member in their notification centre", async () => {
    const adminUser = await createTestUser({ label: "admin", role: "admin" });
    const member = await createTestUser({ label: "member" });
    await waitForDoc(paths.user(member.uid), (d) => d);
    const client = await signedInClient(adminUser.email, adminUser.password);
    await client.call<unknown, SetUserRoleResponse>("setUserRole", { uid: member.uid, role: "instructor" });
    await client.close();

    const notices = await admin.db
      .collection(paths.notifications(member.uid))
      .where("type", "==", "role_changed")
      .get();
    expect(notices.docs.map((d) => d.get("title") as string)).toEqual(["You are now an instructor"]);
  });
});

describe("unsubscribe endpoint", () => {
  it("turns off one topic's email from the link alone and confirms it", async () => {
    expect(LOCAL_SECRET).toBeTruthy();
    const uid = `unsub-${Date.now()}`;
    const res = await fetch(unsubscribeUrl(ENDPOINT, LOCAL_SECRET!, uid, "class_cancelled"));
    expect(res.status).toBe(200);
    expect(await res.text()).toContain("You are unsubscribed");
    const prefs = (await admin.db.doc(paths.notificationPreferences(uid)).get()).data();
    expect(prefs?.["channels"]).toEqual({ class_cancelled: { inApp: true, push: true, email: false } });
  });

  it("refuses a forged link and changes nothing", async () => {
    const uid = `unsub-forged-${Date.now()}`;
    const res = await fetch(unsubscribeUrl(ENDPOINT, "guessed-secret", uid, "class_cancelled"));
    expect(res.status).toBe(400);
    expect((await admin.db.doc(paths.notificationPreferences(uid)).get()).exists).toBe(false);
  });
});

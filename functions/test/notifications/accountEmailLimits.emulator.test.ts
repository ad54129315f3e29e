/**
 * Limits on account emails: verification emails per member, password resets per address and per
 * caller. N allowed, the N+1th refused with resource-exhausted and no email queued, an admin's
 * override applies, and a password reset behaves the same for unknown and known addresses.
 *
 * The stores run in-process against a Firestore of their own (so config/limits can be changed
 * without touching other test files) with a clock the test moves; the deployed callables are
 * checked once each for what a client sees when refused.
 */
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { callerSubject, emailSubject } from "../../src/limits/index.js";
import { collections, paths, rateLimitFor, type LimitsConfig, type MailKind } from "../../src/model/index.js";
import {
  queuePasswordResetEmail,
  queueVerificationEmail,
  type AccountMailDeps,
} from "../../src/notifications/accountMailStore.js";
import { DomainError } from "../../src/shared/errors.js";
import {
  admin,
  callError,
  closeAdmin,
  createTestUser,
  isolatedFirestore,
  shownMessage,
  signedInClient,
} from "../support/emulators.js";
import { uniqueId } from "../support/scenarios.js";

const isolated = isolatedFirestore("demo-numina-account-limits");
const db = isolated.db;
afterAll(async () => {
  await isolated.close();
  await closeAdmin();
});

const T0 = Date.UTC(2026, 11, 1, 9, 0);
/** Callers are told apart by IP; this run's are its own, should the emulator's data outlive it. */
const RUN = uniqueId();
const ip = (label: string) => `${RUN}-${label}`;
const MINUTE = 60_000;
/** Each call a minute after the last: the once-a-minute de-duplication would hide the limit. */
const depsAt = (nowMs: number): AccountMailDeps => ({
  db,
  auth: admin.auth,
  appUrl: "http://app.test",
  now: () => nowMs,
});

async function mailsTo(to: string, kind: MailKind) {
  const snap = await db.collection(collections.mail).where("to", "==", to).where("kind", "==", kind).get();
  return snap.docs.map((d) => d.id);
}

const setLimits = (config: LimitsConfig) => db.doc(paths.limitsConfig()).set(config);

beforeEach(async () => {
  await db.doc(paths.limitsConfig()).delete();
});

describe("verification emails", () => {
  it("allows the default number an hour, then refuses with resource-exhausted and queues nothing", async () => {
    const user = await createTestUser({ label: "verify-limit" });
    const { max } = rateLimitFor(undefined, "verificationEmail");
    for (let i = 0; i < max; i += 1) expect(await queueVerificationEmail(depsAt(T0 + i * MINUTE), user.uid)).toBe(true);
    // A repeat in the same minute sends nothing, so it takes no place.
    expect(await queueVerificationEmail(depsAt(T0 + (max - 1) * MINUTE + 1), user.uid)).toBe(false);

    const refused = queueVerificationEmail(depsAt(T0 + max * MINUTE), user.uid);
    await expect(refused).rejects.toBeInstanceOf(DomainError);
    await expect(refused).rejects.toMatchObject({
      code: "resource-exhausted",
      message: `You have reached the limit of ${max} verification emails. Try again in ${60 - max} minutes.`,
    });
    expect(await mailsTo(user.email, "verify_email")).toHaveLength(max);
    expect((await db.doc(paths.rateLimit("verificationEmail", user.uid)).get()).get("count")).toBe(max);

    // The next window.
    expect(await queueVerificationEmail(depsAt(T0 + 60 * MINUTE), user.uid)).toBe(true);
  });

  it("follows an admin's override in config/limits", async () => {
    await setLimits({ rates: { verificationEmail: { max: 1, windowMinutes: 10 } } });
    const user = await createTestUser({ label: "verify-override" });
    expect(await queueVerificationEmail(depsAt(T0), user.uid)).toBe(true);
    await expect(queueVerificationEmail(depsAt(T0 + MINUTE), user.uid)).rejects.toMatchObject({
      code: "resource-exhausted",
      message: /limit of 1 verification emails\. Try again in 9 minutes/,
    });
    expect(await mailsTo(user.email, "verify_email")).toHaveLength(1);
    expect(await queueVerificationEmail(depsAt(T0 + 10 * MINUTE), user.uid)).toBe(true);
  });
});

describe("password resets per address", () => {
  it("allows the default number for a known address, then refuses and queues nothing", async () => {
    const user = await createTestUser({ label: "reset-limit" });
    const { max } = rateLimitFor(undefined, "passwordResetPerAddress");
    // From different callers, so only the address's limit is reached.
    for (let i = 0; i < max; i += 1) await queuePasswordResetEmail(depsAt(T0 + i * MINUTE), user.email, ip(`a${i}`));
    expect(await mailsTo(user.email, "password_reset")).toHaveLength(max);

    // The address counts whatever its case, and however the caller varies.
    await expect(
      queuePasswordResetEmail(depsAt(T0 + max * MINUTE), user.email.toUpperCase(), ip("b")),
    ).rejects.toMatchObject({
      code: "resource-exhausted",
      message: /^You have reached the limit of 3 password-reset emails to this address\. Try again in \d+ minutes\.$/,
    });
    expect(await mailsTo(user.email, "password_reset")).toHaveLength(max);
  });

  it("counts requests the same for an unknown address, so the limit does not reveal who has an account", async () => {
    const known = await createTestUser({ label: "reset-known" });
    const unknown = `nobody-${uniqueId()}@numina.test`;
    const { max } = rateLimitFor(undefined, "passwordResetPerAddress");

    // Every request in one minute: a known address gets one email, but each request still counts.
    const outcomes = async (email: string) => {
      const results: string[] = [];
      for (let i = 0; i <= max; i += 1) {
        results.push(
          await queuePasswordResetEmail(depsAt(T0 + i), email, ip(`c${i}`)).then(
            () => "ok",
            (error: unknown) => (error instanceof DomainError ? error.code : "other"),
          ),
        );
      }
      return results;
    };
    const forKnown = await outcomes(known.email);
    const forUnknown = await outcomes(unknown);
    expect(forKnown).toEqual([...Array<string>(max).fill("ok"), "resource-exhausted"]);
    expect(forUnknown).toEqual(forKnown);

    expect(await mailsTo(known.email, "password_reset")).toHaveLength(1);
    expect(await mailsTo(unknown, "password_reset")).toHaveLength(0);
    expect((await db.doc(paths.rateLimit("passwordResetPerAddress", emailSubject(unknown))).get()).get("count")).toBe(
      max,
    );
  });

  it("follows an admin's override in config/limits", async () => {
    await setLimits({ rates: { passwordResetPerAddress: { max: 1, windowMinutes: 5 } } });
    const user = await createTestUser({ label: "reset-override" });
    await queuePasswordResetEmail(depsAt(T0), user.email, ip("d1"));
    await expect(queuePasswordResetEmail(depsAt(T0 + MINUTE), user.email, ip("d2"))).rejects.toMatchObject({
      code: "resource-exhausted",
    });
    await queuePasswordResetEmail(depsAt(T0 + 5 * MINUTE), user.email, ip("d3"));
    expect(await mailsTo(user.email, "password_reset")).toHaveLength(2);
  });
});

describe("password resets per caller", () => {
  it("allows the default number from one IP across addresses, then refuses and queues nothing", async () => {
    const caller = ip("e");
    const { max } = rateLimitFor(undefined, "passwordResetPerCaller");
    for (let i = 0; i < max; i += 1) {
      await queuePasswordResetEmail(depsAt(T0 + i * MINUTE), `nobody-${uniqueId()}@numina.test`, caller);
    }
    const victim = await createTestUser({ label: "reset-caller" });
    await expect(queuePasswordResetEmail(depsAt(T0 + max * MINUTE), victim.email, caller)).rejects.toMatchObject({
      code: "resource-exhausted",
      message: /^You have reached the limit of 10 password-reset requests\. Try again in 50 minutes\.$/,
    });
    expect(await mailsTo(victim.email, "password_reset")).toHaveLength(0);
    // The refused request took no place in the address's limit either.
    expect((await db.doc(paths.rateLimit("passwordResetPerAddress", emailSubject(victim.email))).get()).exists).toBe(
      false,
    );
    // Another caller is not affected.
    await queuePasswordResetEmail(depsAt(T0 + max * MINUTE), victim.email, ip("f"));
    expect(await mailsTo(victim.email, "password_reset")).toHaveLength(1);
  });

  it("follows an admin's override, and counts callers without an IP together", async () => {
    await setLimits({ rates: { passwordResetPerCaller: { max: 2, windowMinutes: 60 } } });
    await db.doc(paths.rateLimit("passwordResetPerCaller", callerSubject("unknown"))).delete();
    await queuePasswordResetEmail(depsAt(T0), `a-${uniqueId()}@numina.test`, null);
    await queuePasswordResetEmail(depsAt(T0 + 1), `b-${uniqueId()}@numina.test`, null);
    await expect(queuePasswordResetEmail(depsAt(T0 + 2), `c-${uniqueId()}@numina.test`, null)).rejects.toMatchObject({
      code: "resource-exhausted",
    });
  });
});

describe("the deployed callables, refused", () => {
  // The Functions emulator uses the real clock: a full counter is written ahead of the call.
  const fullCounter = (name: "verificationEmail" | "passwordResetPerAddress", subject: string, max: number) =>
    admin.db.doc(paths.rateLimit(name, subject)).set({
      name,
      windowStartMs: Date.now(),
      count: max,
      expiresAt: admin.timestamp(Date.now() + 60 * MINUTE),
    });

  it("sendVerificationEmail answers resource-exhausted with a message for people, and queues nothing", async () => {
    const user = await createTestUser({ label: "verify-callable" });
    await fullCounter("verificationEmail", user.uid, rateLimitFor(undefined, "verificationEmail").max);
    const client = await signedInClient(user.email, user.password);
    try {
      const error = await callError(client.call("sendVerificationEmail", {}));
      expect(error.code).toBe("functions/resource-exhausted");
      expect(shownMessage(error)).toMatch(/^You have reached the limit of 5 verification emails\. Try again in /);
    } finally {
      await client.close();
    }
    const mails = await admin.db.collection(collections.mail).where("uid", "==", user.uid).get();
    expect(mails.docs.filter((d) => d.get("kind") === "verify_email")).toHaveLength(0);
  });

  it("requestPasswordReset answers resource-exhausted for a spent address, known or not, and queues nothing", async () => {
    const user = await createTestUser({ label: "reset-callable" });
    const client = await signedInClient(user.email, user.password);
    try {
      for (const email of [user.email, `nobody-${uniqueId()}@numina.test`]) {
        await fullCounter("passwordResetPerAddress", emailSubject(email), 3);
        const error = await callError(client.call("requestPasswordReset", { email }));
        expect(error.code).toBe("functions/resource-exhausted");
        expect(shownMessage(error)).toMatch(/^You have reached the limit of 3 password-reset emails to this address\./);
      }
    } finally {
      await client.close();
    }
    const mails = await admin.db.collection(collections.mail).where("to", "==", user.email).get();
    expect(mails.docs.filter((d) => d.get("kind") === "password_reset")).toHaveLength(0);
  });
});

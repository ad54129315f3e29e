/**
 * A rate limit taken in a caller's transaction: N places allowed, the N+1th refused with
 * resource-exhausted and nothing written, and an admin's override applies.
 */
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { limitsConfigIn, takeRateLimit } from "../../src/limits/index.js";
import { paths, rateLimitFor } from "../../src/model/index.js";
import { DomainError } from "../../src/shared/errors.js";
import { isolatedFirestore } from "../support/emulators.js";
import { uniqueId } from "../support/scenarios.js";

const { db, close } = isolatedFirestore("demo-numina-limits");
afterAll(close);

const T0 = Date.UTC(2026, 11, 1, 9, 0);

/** A guarded write: a report document, written only when the limit allows it. */
async function fileGuarded(subject: string, nowMs: number, docId: string) {
  await db.runTransaction(async (tx) => {
    const record = await takeRateLimit(tx, db, "report", subject, nowMs, "reports a day");
    record();
    tx.set(db.doc(`guarded/${docId}`), { subject });
  });
}

describe("takeRateLimit", () => {
  beforeEach(async () => {
    await db.doc(paths.limitsConfig()).delete();
  });

  it("allows the default number in a window, then refuses with resource-exhausted and writes nothing", async () => {
    const subject = uniqueId();
    const { max } = rateLimitFor(undefined, "report");
    for (let i = 0; i < max; i += 1) await fileGuarded(subject, T0 + i, `${subject}-${i}`);

    const refused = fileGuarded(subject, T0 + max, `${subject}-over`);
    await expect(refused).rejects.toBeInstanceOf(DomainError);
    await expect(refused).rejects.toMatchObject({ code: "resource-exhausted", message: /limit of 10 reports a day/ });
    expect((await db.doc(`guarded/${subject}-over`).get()).exists).toBe(false);
    expect((await db.doc(paths.rateLimit("report", subject)).get()).get("count")).toBe(max);

    // A day later the window has passed.
    await fileGuarded(subject, T0 + 24 * 60 * 60_000, `${subject}-next-day`);
    expect((await db.doc(`guarded/${subject}-next-day`).get()).exists).toBe(true);
  });

  it("counts subjects apart", async () => {
    const [a, b] = [uniqueId(), uniqueId()];
    await db.doc(paths.limitsConfig()).set({ rates: { report: { max: 1, windowMinutes: 60 } } });
    await fileGuarded(a, T0, `${a}-1`);
    await fileGuarded(b, T0, `${b}-1`);
    await expect(fileGuarded(a, T0 + 1, `${a}-2`)).rejects.toMatchObject({ code: "resource-exhausted" });
  });

  it("lets only one of two concurrent calls take the last place", async () => {
    const subject = uniqueId();
    await db.doc(paths.limitsConfig()).set({ rates: { report: { max: 1, windowMinutes: 60 } } });
    const outcomes = await Promise.allSettled([
      fileGuarded(subject, T0, `${subject}-a`),
      fileGuarded(subject, T0, `${subject}-b`),
    ]);
    expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(1);
    const written = await Promise.all(["a", "b"].map((x) => db.doc(`guarded/${subject}-${x}`).get()));
    expect(written.filter((d) => d.exists)).toHaveLength(1);
  });

  it("reads an admin's override from config/limits", async () => {
    await db.doc(paths.limitsConfig()).set({ rates: { report: { max: 2, windowMinutes: 5 } } });
    const config = await db.runTransaction((tx) => limitsConfigIn(tx, db));
    expect(rateLimitFor(config, "report")).toEqual({ max: 2, windowMinutes: 5 });
    expect(rateLimitFor(config, "locationChange")).toEqual(rateLimitFor(undefined, "locationChange"));
  });
});

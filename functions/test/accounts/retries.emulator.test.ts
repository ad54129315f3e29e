/**
 * Provisioning failing once part-way, then run again as the redelivered Auth event: in-process
 * against an isolated Firestore (its own project, where no trigger fires), with the real Auth
 * emulator for the claims, the failure injected at a commit (support/faults.ts).
 */
import { afterAll, describe, expect, it } from "vitest";
import { provisionAccount } from "../../src/accounts/accountStore.js";
import { refs } from "../../src/shared/refs.js";
import { admin, createTestUser, isolatedFirestore } from "../support/emulators.js";
import { failingOnce, InjectedFault } from "../support/faults.js";

const { db, close } = isolatedFirestore("demo-numina-accounts-retries");
afterAll(close);

describe("provisionAccount failing once and delivered again", () => {
  it.each(["before", "after"] as const)(
    "ends with one profile and one settings document when its first commit fails %s writing",
    async (when) => {
      const user = await createTestUser({ label: "retried", role: "instructor" });
      const account = { uid: user.uid, email: user.email, displayName: "retried", photoURL: null };
      const deps = { db, auth: admin.auth };

      const faulty = failingOnce(db, { commit: 1, when });
      await expect(provisionAccount({ ...deps, db: faulty.db }, account)).rejects.toThrow(InjectedFault);
      const again = await provisionAccount(deps, account);
      const third = await provisionAccount(deps, account);

      expect(again.created).toBe(when === "before");
      expect(third.created).toBe(false);
      expect((await refs(db).user(user.uid).get()).data()).toMatchObject({
        role: "instructor",
        displayName: "retried",
      });
      expect((await refs(db).privateSettings(user.uid).get()).data()).toMatchObject({ email: user.email });
    },
  );

  it("mirrors a role set while the first run was failing", async () => {
    const user = await createTestUser({ label: "promoted" });
    const account = { uid: user.uid, email: user.email, displayName: "promoted", photoURL: null };
    const faulty = failingOnce(db, { commit: 1, when: "after" });
    await expect(provisionAccount({ db: faulty.db, auth: admin.auth }, account)).rejects.toThrow(InjectedFault);
    expect((await refs(db).user(user.uid).get()).data()?.role).toBe("member");

    await admin.auth.setCustomUserClaims(user.uid, { role: "instructor" });
    await provisionAccount({ db, auth: admin.auth }, account);
    expect((await refs(db).user(user.uid).get()).data()?.role).toBe("instructor");
  });
});

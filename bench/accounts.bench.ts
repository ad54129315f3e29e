/**
 * Accounts: how long a new member waits for their profile to exist, and an admin for a role
 * change, against the emulators' raw write-to-listener time measured in the same run.
 *   baseline            Admin SDK write → a listener sees it
 *   provisioning        Auth createUser → the provisionAccount trigger's profile is visible
 *   setUserRole         callable round trip (claim + mirror + audit log)
 */
import { randomUUID } from "node:crypto";
import { admin, closeAdmin, createTestUser, signedInClient, waitForDoc } from "../functions/test/support/emulators.js";
import { paths } from "../functions/src/model/index.js";
import { report, summarise, timed, warmUp, type Series } from "./support/report.js";

const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 25);

/**
 * One new document written and seen by a listener. The documents are not deleted: a delete right
 * after the listener closes sometimes fails with UNKNOWN in the Firestore emulator, and they cost
 * nothing (every bench session is fresh).
 */
async function writeAndSee(timeoutMs?: number): Promise<void> {
  const path = `benchBaseline/${randomUUID()}`;
  const seen = waitForDoc(path, (d) => d, timeoutMs);
  await admin.db.doc(path).set({ at: Date.now() });
  await seen;
}

async function baseline(): Promise<Series> {
  const samplesMs: number[] = [];
  for (let i = 0; i < SAMPLES; i++) samplesMs.push(await timed(() => writeAndSee()));
  return { name: "baseline: write → listener", samplesMs };
}

async function provisioning(): Promise<Series> {
  const samplesMs: number[] = [];
  for (let i = 0; i < SAMPLES; i++) {
    samplesMs.push(
      await timed(async () => {
        const user = await admin.auth.createUser({ email: `bench-${randomUUID().slice(0, 8)}@numina.test` });
        await waitForDoc(paths.user(user.uid), (d) => d);
      }),
    );
  }
  return { name: "provisioning: sign-up → profile", samplesMs };
}

async function roleChanges(): Promise<Series> {
  const adminUser = await createTestUser({ label: "bench-admin", role: "admin" });
  const client = await signedInClient(adminUser.email, adminUser.password);
  const target = await createTestUser({ label: "bench-target" });
  const samplesMs: number[] = [];
  try {
    for (let i = 0; i < SAMPLES; i++) {
      const role = i % 2 === 0 ? "instructor" : "member";
      samplesMs.push(await timed(() => client.call("setUserRole", { uid: target.uid, role })));
    }
  } finally {
    await client.close();
  }
  return { name: "setUserRole callable", samplesMs };
}

// Warm the listen path as well as writes: a fresh client's first listener can stall in the
// emulator, and a stalled first sample would measure that, not the baseline.
await warmUp(() => writeAndSee(5_000));
const base = await baseline();
const series = [await provisioning(), await roleChanges()];
report("accounts", summarise(base, series), { samples: SAMPLES });
await closeAdmin();
process.exit(0);

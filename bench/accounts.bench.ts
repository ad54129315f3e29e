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

async function baseline(): Promise<Series> {
  const samplesMs: number[] = [];
  for (let i = 0; i < SAMPLES; i++) {
    const path = `benchBaseline/${randomUUID()}`;
    samplesMs.push(
      await timed(async () => {
        const seen = waitForDoc(path, (d) => d);
        await admin.db.doc(path).set({ i });
        await seen;
      }),
    );
    await admin.db.doc(path).delete();
  }
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

await warmUp(() => admin.db.doc(`benchBaseline/warm-up`).set({ at: Date.now() }));
const base = await baseline();
const series = [await provisioning(), await roleChanges()];
report("accounts", summarise(base, series), { samples: SAMPLES });
await closeAdmin();
process.exit(0);

/**
 * Messaging, in process against the Firestore emulator on a project where no triggers fire. The
 * Functions emulator starts one Node process per event in flight, so 50 conversations sending at
 * once (or a burst of 200 into one) would measure process start-up on a 2-core machine; the
 * trigger body (recordMessage) is run here instead, beside each send, exactly as the trigger runs
 * it. functions/test/messaging covers the deployed trigger path.
 *
 *   baseline       a plain document write → a listener on that document sees it, 50 at once
 *   delivery       a message sent into each of 50 active conversations at once → the other
 *                  member's listener on the conversation's newest page (the chat view's query)
 *                  sees it; the counters are applied beside it
 *   burst          200 messages at once into one 500-member conversation, a class chat (every 10th
 *                  delivered twice) → counts and notices exact for all 500, nothing lost or doubled;
 *                  time until a listener on the conversation sees every count settled (the notices
 *                  commit with them), and until every trigger body returned with its pushes sent,
 *                  beside the same number of plain concurrent writes
 */
import { randomUUID } from "node:crypto";
import { FieldValue, Timestamp, type Firestore } from "firebase-admin/firestore";
import { recordMessage } from "../functions/src/messaging/messageStore.js";
import { messageSchema, paths } from "../functions/src/model/index.js";
import { isolatedFirestore } from "../functions/test/support/emulators.js";
import { burst, seedGroup } from "../functions/test/support/messageBurst.js";
import { report, summarise, warmUp, type Series } from "./support/report.js";

const CONVERSATIONS = Number(process.env.BENCH_CONVERSATIONS ?? 50);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 6);
const BURST = Number(process.env.BENCH_BURST ?? 200);
const MEMBERS = Number(process.env.BENCH_MEMBERS ?? 500);
const { db, close } = isolatedFirestore(`demo-numina-bench-${randomUUID().slice(0, 6)}`);
const checks: { check: string; ok: boolean; detail: string }[] = [];
/** The same counts, whatever order their keys came in. */
const sameCounts = (a: Record<string, number>, b: Record<string, number>) =>
  JSON.stringify(Object.entries(a).sort()) === JSON.stringify(Object.entries(b).sort());
const check = (name: string, ok: boolean, detail: string) => {
  checks.push({ check: name, ok, detail });
  console.log(`${ok ? "✔" : "✘"} ${name}: ${detail}`);
};

/** Resolves with the time from `write` starting to `seen` returning true on a snapshot. */
function writeToListener(
  listen: (onChange: () => void) => () => void,
  seen: () => boolean,
  write: () => Promise<unknown>,
): Promise<number> {
  return new Promise((resolve, reject) => {
    let start = 0;
    let stop: (() => void) | null = null;
    let ready = false;
    stop = listen(() => {
      if (!ready) {
        // The first snapshot is the listener attaching: only now does the write start.
        ready = true;
        start = performance.now();
        write().catch(reject);
        return;
      }
      if (seen()) {
        stop?.();
        resolve(performance.now() - start);
      }
    });
  });
}

async function baseline(): Promise<Series> {
  const samplesMs: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const results = await Promise.all(
      Array.from({ length: CONVERSATIONS }, () => {
        const ref = db.doc(`benchBaseline/${randomUUID()}`);
        let exists = false;
        return writeToListener(
          (onChange) =>
            ref.onSnapshot((snap) => {
              exists = snap.exists;
              onChange();
            }),
          () => exists,
          () => ref.set({ text: "hello", at: FieldValue.serverTimestamp() }),
        );
      }),
    );
    samplesMs.push(...results);
  }
  return { name: `baseline: write → listener, ${CONVERSATIONS} at once`, samplesMs };
}

async function seedDirect(db: Firestore, a: string, b: string): Promise<string> {
  const id = `direct-${randomUUID().slice(0, 8)}`;
  const batch = db.batch();
  batch.set(db.doc(paths.conversation(id)), {
    type: "direct",
    memberIds: [a, b],
    title: null,
    status: "open",
    matchId: id,
    classId: null,
    lastMessage: null,
    unreadCounts: { [a]: 0, [b]: 0 },
    createdAt: FieldValue.serverTimestamp(),
    updatedAt: FieldValue.serverTimestamp(),
  });
  for (const uid of [a, b]) batch.set(db.doc(paths.conversationMember(id, uid)), { uid });
  await batch.commit();
  return id;
}

async function delivery(): Promise<Series> {
  const ids = await Promise.all(Array.from({ length: CONVERSATIONS }, (_, i) => seedDirect(db, `s${i}`, `r${i}`)));
  const samplesMs: number[] = [];
  const applied: Promise<unknown>[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const results = await Promise.all(
      ids.map((id, i) => {
        const messageId = randomUUID();
        let newestId: string | undefined;
        const page = db.collection(paths.messages(id)).orderBy("createdAt", "desc").limit(30);
        return writeToListener(
          (onChange) =>
            page.onSnapshot((snap) => {
              newestId = snap.docs[0]?.id;
              onChange();
            }),
          () => newestId === messageId,
          () => {
            const sent = (async () => {
              const data = { senderId: `s${i}`, text: `round ${round}`, createdAt: Timestamp.now() };
              await db.doc(paths.message(id, messageId)).create(data);
              // What the trigger does next, on the same emulator, while others are still listening.
              // The trigger gets the message in its event: it does not read it back.
              await recordMessage(db, id, messageId, messageSchema.parse(data));
            })();
            applied.push(sent);
            return sent;
          },
        );
      }),
    );
    samplesMs.push(...results);
  }
  await Promise.all(applied);
  const counts = await Promise.all(
    ids.map(async (id, i) => (await db.doc(paths.conversation(id)).get()).get(`unreadCounts.r${i}`) as number),
  );
  check(
    `${CONVERSATIONS} conversations × ${ROUNDS} messages`,
    counts.every((c) => c === ROUNDS),
    `every receiver's unread count is ${ROUNDS}: ${counts.every((c) => c === ROUNDS)}`,
  );
  return { name: `delivery: send → other member's listener, ${CONVERSATIONS} conversations`, samplesMs };
}

async function plainBurst(): Promise<Series> {
  const started = Array.from({ length: BURST }, async (_, i) => {
    const t = performance.now();
    await db.doc(`benchBaseline/${randomUUID()}`).set({ i });
    return performance.now() - t;
  });
  return { name: `baseline: ${BURST} concurrent plain writes`, samplesMs: await Promise.all(started) };
}

async function burstIntoOne(): Promise<{ series: Series; settleMs: number; doneMs: number }> {
  const members = Array.from({ length: MEMBERS }, (_, i) => `member-${String(i).padStart(3, "0")}`);
  const conversationId = await seedGroup(db, members, { phones: true });
  const result = await burst(db, conversationId, members, BURST);
  const applied = result.outcomes.filter((o) => o.status === "applied").length;
  const duplicates = result.outcomes.filter((o) => o.status === "duplicate").length;
  check(
    `${BURST} messages at once into one ${MEMBERS}-member conversation`,
    sameCounts(result.counts, result.expected) &&
      result.messages === BURST &&
      result.receipts === BURST &&
      applied === BURST,
    `${Object.keys(result.counts).length} members' counts exact: ${sameCounts(result.counts, result.expected)}, ${result.messages} messages, ${applied} applied once, ${duplicates} redeliveries ignored`,
  );
  check(
    `one collapsing notice per member, ${MEMBERS} members`,
    sameCounts(result.notices, result.expected),
    `${Object.keys(result.notices).length} notices exact: ${sameCounts(result.notices, result.expected)}`,
  );
  check(
    `every member's phone pushed, ${MEMBERS} members`,
    result.pushed.size === MEMBERS,
    `${result.pushed.size} of ${MEMBERS} members' devices pushed`,
  );
  console.log(
    `counters and notices settled ${Math.round(result.settleMs)} ms after the first send; ` +
      `every trigger returned, pushes sent, after ${Math.round(result.doneMs)} ms`,
  );
  return {
    series: {
      name: `burst: send → its trigger returned, pushes sent, ${BURST} at once`,
      samplesMs: result.perMessageMs,
    },
    settleMs: result.settleMs,
    doneMs: result.doneMs,
  };
}

await warmUp(() => db.doc(`benchBaseline/warm-up`).set({ at: Date.now() }));
const base = await baseline();
const delivered = await delivery();
report("messaging-delivery", summarise(base, [delivered]), { conversations: CONVERSATIONS, rounds: ROUNDS, checks });
const burstBase = await plainBurst();
const { series, settleMs, doneMs } = await burstIntoOne();
const burstSummary = summarise(burstBase, [series]);
const vsPlainP95 = (ms: number) => Math.round((ms / (burstSummary[0]?.p95Ms ?? 1)) * 100) / 100;
console.log(`settled at ${vsPlainP95(settleMs)}× and done at ${vsPlainP95(doneMs)}× the plain writes' p95`);
report("messaging-burst", burstSummary, {
  burst: BURST,
  members: MEMBERS,
  settleMs: Math.round(settleMs),
  settleVsBaselineP95: vsPlainP95(settleMs),
  doneMs: Math.round(doneMs),
  doneVsBaselineP95: vsPlainP95(doneMs),
  checks,
});
await close();
process.exit(checks.every((c) => c.ok) ? 0 : 1);

/**
 * A class cancellation notifying its roster on every channel (in-app, push, email), driven in
 * process through the fan-out the trigger uses (notifications/inboxStore.ts), against the Firestore
 * emulator on a project where no triggers fire. FCM is the recording sender (FCM has no emulator).
 *
 *   baseline (one at a time)  per member: their in-app notice, one push call, their outbox email
 *   batched fan-out           deliverToMany: bulk reads, 500-write commits, one multicast per 500 tokens
 *
 * Measured per run: the time until the last member's in-app notice exists (seen by a listener), the
 * Firestore commits (counted by wrapping the store's commit) and the FCM calls.
 */
import { randomUUID } from "node:crypto";
import { FieldValue, Timestamp, type Firestore } from "firebase-admin/firestore";
import { paths, type NoticeDraft } from "../functions/src/model/index.js";
import { deliverToMany, mailIdFor, noticeDocument } from "../functions/src/notifications/inboxStore.js";
import { newMailDocument } from "../functions/src/notifications/mailStore.js";
import { buildPushMessages } from "../functions/src/notifications/push.js";
import { noticeEmail } from "../functions/src/notifications/templates.js";
import { isolatedFirestore } from "../functions/test/support/emulators.js";
import { RecordingPushSender } from "../functions/test/support/recordingPushSender.js";
import { report, summarise, warmUp, type Series } from "./support/report.js";

const MEMBERS = Number(process.env.BENCH_MEMBERS ?? 500);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const APP = "http://127.0.0.1:5173";
const { db, close } = isolatedFirestore(`demo-numina-bench-notify-${randomUUID().slice(0, 6)}`);

/** Counts every commit this Firestore makes (single-document writes commit through a WriteBatch too). */
function countCommits(firestore: Firestore): { count: number } {
  const counter = { count: 0 };
  const proto = Object.getPrototypeOf(firestore.batch()) as { commit: (...args: unknown[]) => Promise<unknown> };
  const commit = proto.commit;
  proto.commit = function (this: unknown, ...args: unknown[]) {
    counter.count += 1;
    return commit.apply(this, args);
  };
  return counter;
}
const commits = countCommits(db);

async function seedRoster(): Promise<string[]> {
  const uids = Array.from({ length: MEMBERS }, (_, i) => `bench-${String(i).padStart(4, "0")}`);
  for (let i = 0; i < uids.length; i += 150) {
    const batch = db.batch();
    for (const uid of uids.slice(i, i + 150)) {
      batch.set(db.doc(paths.privateSettings(uid)), {
        email: `${uid}@numina.test`,
        location: null,
        timeZone: "Europe/London",
        tosAcceptedAt: null,
        updatedAt: Timestamp.now(),
      });
      batch.set(db.doc(paths.device(uid, "web")), {
        uid,
        token: `token-${uid}`,
        platform: "web",
        updatedAt: Timestamp.now(),
      });
    }
    await batch.commit();
  }
  return uids;
}

const cancellation = (): NoticeDraft => {
  const classId = `bench-${randomUUID().slice(0, 8)}`;
  return {
    id: `class_cancelled-${classId}`,
    type: "class_cancelled",
    title: "Cancelled: Evening Spin",
    body: "Evening Spin on Tue 4 Mar, 18:30 has been cancelled.",
    aboutUids: [],
    data: { classId },
  };
};

/** Resolves with the ms from `startedAt` until `count` notices for this class exist. */
function lastNoticeSeen(draft: NoticeDraft, count: number, startedAt: () => number): Promise<number> {
  return new Promise((resolve, reject) => {
    const unsubscribe = db
      .collectionGroup("notifications")
      .where("data.classId", "==", draft.data["classId"])
      .onSnapshot((snap) => {
        if (snap.size >= count) {
          unsubscribe();
          resolve(performance.now() - startedAt());
        }
      }, reject);
  });
}

/** The naive sender: every member on their own, each write its own commit, each push its own call. */
async function oneAtATime(uids: readonly string[], draft: NoticeDraft, push: RecordingPushSender) {
  const link = `${APP}/classes/${draft.data["classId"]}`;
  await Promise.all(
    uids.map(async (uid) => {
      await db.doc(paths.notification(uid, draft.id)).create(noticeDocument(draft));
      for (const message of buildPushMessages(draft, [`token-${uid}`], link)) await push.sendEachForMulticast(message);
      await db.doc(paths.mail(mailIdFor(draft.id, uid))).create(
        newMailDocument({
          to: `${uid}@numina.test`,
          content: noticeEmail({ notice: draft, link }),
          kind: draft.type,
          uid,
          unsubscribe: { uid, topic: draft.type },
          aboutUids: draft.aboutUids,
        }),
      );
    }),
  );
}

async function measure(name: string, send: (draft: NoticeDraft, push: RecordingPushSender) => Promise<unknown>) {
  const samples: number[] = [];
  const costs: { commits: number; fcmCalls: number; wallMs: number }[] = [];
  for (let run = 0; run < RUNS; run++) {
    const draft = cancellation();
    const push = new RecordingPushSender();
    let start = 0;
    const seen = lastNoticeSeen(draft, MEMBERS, () => start);
    await new Promise((resolve) => setTimeout(resolve, 200)); // the listener's first (empty) snapshot
    const before = commits.count;
    start = performance.now();
    await send(draft, push);
    const wallMs = performance.now() - start;
    samples.push(await seen);
    costs.push({ commits: commits.count - before, fcmCalls: push.sent.length, wallMs: Math.round(wallMs) });
  }
  return { series: { name, samplesMs: samples } satisfies Series, costs };
}

await warmUp(() => db.doc("benchBaseline/warm-up").set({ at: FieldValue.serverTimestamp() }));
const uids = await seedRoster();
const naive = await measure(`one at a time: ${MEMBERS} members, time to last in-app notice`, (draft, push) =>
  oneAtATime(uids, draft, push),
);
const batched = await measure(`batched fan-out: ${MEMBERS} members, time to last in-app notice`, (draft, push) =>
  deliverToMany(db, uids, draft, { push, appUrl: APP }),
);
const costs = {
  oneAtATime: naive.costs,
  batched: batched.costs,
};
console.table([
  { sender: "one at a time", "commits / run": naive.costs[0]?.commits, "FCM calls / run": naive.costs[0]?.fcmCalls },
  {
    sender: "batched fan-out",
    "commits / run": batched.costs[0]?.commits,
    "FCM calls / run": batched.costs[0]?.fcmCalls,
  },
]);
report("notifications", summarise(naive.series, [batched.series]), { members: MEMBERS, runs: RUNS, costs });
await close();
process.exit(0);

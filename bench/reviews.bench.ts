/**
 * Ratings arriving at once on one class: RATINGS attendees rate the same class in the same
 * moment, and the class's, series' and instructor's summaries must end exact (count, sum,
 * histogram) without hundreds of writes queueing on one document.
 *
 *   baseline     RATINGS concurrent plain document writes
 *   store path   RATINGS concurrent submitReview calls (the callable's store), each followed by
 *                the refresh its trigger runs; a sample is the time until the summary includes
 *                that rating. In process, on a project where no triggers fire (the Functions
 *                emulator cannot run hundreds of calls in flight on this machine).
 *   deployed     RATINGS reviews written at once where onClassReviewWritten fires in the
 *                Functions emulator: the time until the class summary counts them all, beside
 *                the time the writes themselves took.
 * Correctness is checked on every run and printed beside the figures.
 */
import { randomUUID } from "node:crypto";
import { Timestamp } from "firebase-admin/firestore";
import { paths, ratingSummaryId, type ClassReview, type RatingSubject } from "../functions/src/model/index.js";
import { submitReview } from "../functions/src/reviews/reviewStore.js";
import { distinctSubjects, refreshRatingSummaries, summaryMetrics } from "../functions/src/reviews/summaryStore.js";
import { testAttendeeRow, testClassDoc } from "../functions/test/support/classFixture.js";
import { admin, closeAdmin, isolatedFirestore, waitForDoc } from "../functions/test/support/emulators.js";
import { report, summarise, warmUp, type Series } from "./support/report.js";

const RATINGS = Number(process.env["BENCH_RATINGS"] ?? 500);
const HOUR = 60 * 60_000;
const { db, close } = isolatedFirestore(`demo-numina-bench-reviews-${randomUUID().slice(0, 6)}`);
const checks: { check: string; ok: boolean; detail: string }[] = [];
const check = (name: string, ok: boolean, detail: string) => {
  checks.push({ check: name, ok, detail });
  console.log(`${ok ? "✔" : "✘"} ${name}: ${detail}`);
};

/** Member i gives (i mod 5) + 1 stars: a known histogram to check against. */
const starsOf = (i: number) => (i % 5) + 1;
const expectedHistogram = [1, 2, 3, 4, 5].map(
  (s) => Array.from({ length: RATINGS }, (_, i) => starsOf(i)).filter((x) => x === s).length,
);
const expectedSum = Array.from({ length: RATINGS }, (_, i) => starsOf(i)).reduce((a, b) => a + b, 0);

async function summaryIn(database: FirebaseFirestore.Firestore, subject: RatingSubject, id: string) {
  const data = (await database.doc(paths.ratingSummary(ratingSummaryId(subject, id))).get()).data();
  return { count: data?.["count"] as number, sum: data?.["sum"] as number, histogram: data?.["histogram"] as number[] };
}
const exact = (s: { count: number; sum: number; histogram: number[] }) =>
  s.count === RATINGS && s.sum === expectedSum && JSON.stringify(s.histogram) === JSON.stringify(expectedHistogram);
const show = (s: { count: number; sum: number; histogram: number[] }) =>
  `count ${s.count}, average ${(s.sum / s.count).toFixed(3)}, histogram [${s.histogram.join(", ")}]`;

async function baseline(): Promise<Series> {
  const started = Array.from({ length: RATINGS }, async (_, i) => {
    const t = performance.now();
    await db.doc(`benchBaseline/${randomUUID()}`).set({ i });
    return performance.now() - t;
  });
  return { name: `baseline: ${RATINGS} concurrent writes`, samplesMs: await Promise.all(started) };
}

/** A class that ended an hour ago with RATINGS members checked in. */
async function endedClass(database: FirebaseFirestore.Firestore, instructorId: string) {
  const classId = `rated-${randomUUID().slice(0, 8)}`;
  await database
    .doc(paths.class(classId))
    .set(testClassDoc({ instructorId, startsAt: Timestamp.fromMillis(Date.now() - 2 * HOUR), durationMinutes: 60 }));
  const uids = Array.from({ length: RATINGS }, (_, i) => `rater-${String(i).padStart(4, "0")}`);
  const writer = database.bulkWriter();
  for (const uid of uids)
    void writer.set(database.doc(paths.attendee(classId, uid)), testAttendeeRow(classId, uid, "attended"));
  await writer.close();
  return { classId, uids };
}

async function storePath(): Promise<Series> {
  const coach = `coach-${randomUUID().slice(0, 6)}`;
  const { classId, uids } = await endedClass(db, coach);
  const wall = performance.now();
  const samples = await Promise.all(
    uids.map(async (uid, i) => {
      const t = performance.now();
      await submitReview(db, uid, { classId, rating: starsOf(i), text: "" }, Date.now());
      const review = (await db.doc(paths.review(classId, uid)).get()).data() as ClassReview;
      await refreshRatingSummaries(db, distinctSubjects([review]));
      return performance.now() - t;
    }),
  );
  const wallMs = performance.now() - wall;
  const [cls, series, instructor] = await Promise.all([
    summaryIn(db, "class", classId),
    summaryIn(db, "series", classId),
    summaryIn(db, "instructor", coach),
  ]);
  check(
    `store path: ${RATINGS} ratings at once`,
    exact(cls) && exact(series) && exact(instructor),
    `class ${show(cls)}; series and instructor ${exact(series) && exact(instructor) ? "the same" : "DIFFER"}; ${Math.round(wallMs)} ms wall`,
  );
  return { name: `store path: ${RATINGS} concurrent ratings`, samplesMs: samples };
}

/** The deployed path: the reviews land at once and the Functions emulator's trigger counts them. */
async function deployedPath(): Promise<{ writesMs: number; settledMs: number; ok: boolean }> {
  const coach = `coach-${randomUUID().slice(0, 6)}`;
  const { classId, uids } = await endedClass(admin.db, coach);
  const now = Timestamp.now();
  const reviewOf = (uid: string, i: number): ClassReview => ({
    uid,
    classId,
    instructorId: coach,
    seriesId: classId,
    classTitle: "Sunrise HIIT",
    classStartsAt: now,
    authorName: uid,
    rating: starsOf(i),
    text: "",
    status: "published",
    flags: [],
    reply: null,
    reportCount: 0,
    needsModeration: false,
    createdAt: now,
    updatedAt: now,
    editableUntil: now,
  });
  const settled = waitForDoc(
    paths.ratingSummary(ratingSummaryId("class", classId)),
    (d) => (d?.["count"] === RATINGS ? true : undefined),
    600_000,
  );
  const start = performance.now();
  await Promise.all(uids.map((uid, i) => admin.db.doc(paths.review(classId, uid)).set(reviewOf(uid, i))));
  const writesMs = performance.now() - start;
  await settled;
  const settledMs = performance.now() - start;
  // The instructor's summary is refreshed by the same events; give the last of them a moment.
  const instructor = await waitForDoc(
    paths.ratingSummary(ratingSummaryId("instructor", coach)),
    (d) => (d?.["count"] === RATINGS ? d : undefined),
    120_000,
  );
  const cls = await summaryIn(admin.db, "class", classId);
  const ok = exact(cls) && instructor["sum"] === expectedSum;
  check(
    `deployed path: ${RATINGS} reviews through onClassReviewWritten`,
    ok,
    `class ${show(cls)}; written in ${Math.round(writesMs)} ms, counted ${Math.round(settledMs)} ms after the first write`,
  );
  return { writesMs, settledMs, ok };
}

await warmUp(() => db.doc(`benchBaseline/warm-up`).set({ at: Date.now() }));
const base = await baseline();
const store = await storePath();
const metrics = summaryMetrics();
const deployed = await deployedPath();
report("reviews", summarise(base, [store]), {
  ratings: RATINGS,
  checks,
  storePath: metrics,
  deployed: {
    writesMs: Math.round(deployed.writesMs),
    settledMs: Math.round(deployed.settledMs),
    settledVsWrites: Math.round((deployed.settledMs / deployed.writesMs) * 100) / 100,
  },
});
console.log(
  `store path: ${metrics.summaryWrites} summary writes for ${RATINGS} ratings × 3 summaries; ` +
    `${metrics.summaryRetries} lost a race and counted again`,
);
console.log(
  `deployed: the summary counted all ${RATINGS} ${Math.round(deployed.settledMs)} ms after the writes began, ` +
    `${(deployed.settledMs / deployed.writesMs).toFixed(2)}× the ${Math.round(deployed.writesMs)} ms the writes took`,
);
await close();
await closeAdmin();
process.exit(checks.every((c) => c.ok) ? 0 : 1);

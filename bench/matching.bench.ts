/**
 * Matching benchmarks, against the emulators.
 *
 *   scoring        scorePair over SCORED candidate pairs in process, beside a naive scorer (the
 *                  obvious hand-written one: plain objects, its own haversine, `includes` on
 *                  arrays, every factor recomputed per pair) over the same pairs; throughput as a
 *                  ratio to it, and a check that both rank the candidates in the same order.
 *                  scorePair also writes each pair's reasons and rounded breakdown, which the
 *                  naive scorer does not: the ratio prices that in. The distance term alone is
 *                  kept as a floor.
 *   reads/page     one getPartnerMatches page from the precomputed queue, beside the naive way
 *                  (read everyone in range with their preferences and locations, score, sort),
 *                  with CITY_SIZES members in one city, seeded with a BulkWriter into an isolated
 *                  project (no triggers). Reads are counted from outside, on the Firestore
 *                  instance the stores are handed (countReads in support/matchingScenario.ts).
 *                  The page's cost does not depend on the city: the queue holds queueSize cards
 *                  whatever its size. A block among the page's pairs is written after the
 *                  queue, as in the moment before its trigger runs, so the page pays for it.
 *   mutual likes   PAIRS pairs like each other at the same moment; the trigger body
 *                  (formMatchIfMutual) runs in process for both likes of every pair, as two
 *                  racing deliveries would. Measured: second like → the match visible to a
 *                  listener. Baseline: a plain write → listener in the same run. The Functions
 *                  emulator starts one process per invocation in flight, so the deployed trigger's
 *                  round trip is measured separately, TRIGGER_PAIRS pairs a few at a time.
 */
import { randomUUID } from "node:crypto";
import { FieldValue, type Firestore } from "firebase-admin/firestore";
import { collections, pairIdOf, paths, UNKNOWN_RELIABILITY } from "../functions/src/model/index.js";
import { formMatchIfMutual } from "../functions/src/matching/matchStore.js";
import { loadMembers, profilesNear } from "../functions/src/matching/memberStore.js";
import { isMutualFit } from "../functions/src/matching/preferences.js";
import { pageOfPartners } from "../functions/src/matching/queuePageStore.js";
import { refreshCandidates } from "../functions/src/matching/queueRebuildStore.js";
import {
  DEFAULT_MATCHING_CONFIG,
  distanceKm,
  NO_HISTORY,
  scorePair,
  type PartnerProfile,
} from "../functions/src/matching/scoring.js";
import { admin, isolatedFirestore } from "../functions/test/support/emulators.js";
import { countReads, memberDocuments, ORIGIN, useTestMatchingKey } from "../functions/test/support/matchingScenario.js";
import { percentile, report, summarise, warmUp, type Series } from "./support/report.js";

const SCORED = Number(process.env.BENCH_SCORED ?? 100_000);
const CITY_SIZES = (process.env.BENCH_CITY_SIZES ?? "1000,10000").split(",").map(Number);
const PAIRS = Number(process.env.BENCH_PAIRS ?? 500);
const TRIGGER_PAIRS = Number(process.env.BENCH_TRIGGER_PAIRS ?? 10);
const PAGE = 10;

const INTERESTS = ["running", "hiit", "yoga", "cycling", "boxing", "climbing", "swimming", "strength"] as const;
const SLOTS = ["mon:evening", "tue:evening", "wed:morning", "thu:evening", "sat:morning", "sun:afternoon"] as const;
const LEVELS = ["beginner", "intermediate", "advanced"] as const;
const pick = <T>(list: readonly T[], i: number, n: number) =>
  Array.from({ length: n }, (_, k) => list[(i * 7 + k * 3) % list.length]!);

/** A deterministic spread of members within ~5 km of the centre of London. */
function syntheticMember(i: number): PartnerProfile & { spec: Parameters<typeof memberDocuments>[1] } {
  const angle = (i * 2.399) % (2 * Math.PI);
  const radiusKm = 5 * Math.sqrt(((i * 0.618) % 1) + 0.0001);
  const at = {
    lat: ORIGIN.lat + (radiusKm / 111.2) * Math.sin(angle),
    lng: ORIGIN.lng + (radiusKm / 69.2) * Math.cos(angle),
  };
  const interests = [...new Set(pick(INTERESTS, i, 1 + (i % 3)))];
  const availability = [...new Set(pick(SLOTS, i + 1, 1 + (i % 4)))];
  const fitnessLevel = LEVELS[i % 3]!;
  return {
    uid: `m${String(i).padStart(6, "0")}`,
    fitnessLevel,
    interests,
    availability,
    location: at,
    spec: {
      at,
      profile: { interests: [...interests], availability: [...availability], fitnessLevel },
      preferences: { maxDistanceKm: 10 },
    },
  };
}

interface NaiveMember {
  uid: string;
  fitnessLevel: string;
  interests: readonly string[];
  availability: readonly string[];
  location: { lat: number; lng: number };
}

/** The score as someone would first write it: the same factors and weights, nothing shared. */
function naiveScore(a: NaiveMember, b: NaiveMember): number {
  const rad = (x: number) => (x * Math.PI) / 180;
  const dLat = rad(b.location.lat - a.location.lat);
  const dLng = rad(b.location.lng - a.location.lng);
  const h =
    Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.location.lat)) * Math.cos(rad(b.location.lat)) * Math.sin(dLng / 2) ** 2;
  const km = 2 * 6371 * Math.asin(Math.sqrt(h));
  const levels = ["beginner", "intermediate", "advanced"];
  const level = 1 - Math.abs(levels.indexOf(a.fitnessLevel) - levels.indexOf(b.fitnessLevel)) / 2;
  const overlap = (x: readonly string[], y: readonly string[]) => {
    const smaller = Math.min(x.length, y.length);
    return smaller === 0 ? 0 : x.filter((item) => y.includes(item)).length / smaller;
  };
  const w = DEFAULT_MATCHING_CONFIG.weights;
  const weighted =
    w.level * level +
    w.interests * overlap(a.interests, b.interests) +
    w.distance * Math.pow(0.5, km / DEFAULT_MATCHING_CONFIG.distanceHalfLifeKm) +
    w.schedule * overlap(a.availability, b.availability) +
    w.history * 0 +
    w.reliability * UNKNOWN_RELIABILITY.score * UNKNOWN_RELIABILITY.score;
  const total = w.level + w.interests + w.distance + w.schedule + w.history + w.reliability;
  return Math.round((100 * weighted) / total);
}

/** Candidates best first, ties by uid: the order a queue keeps. */
function ranking(scores: readonly { uid: string; score: number }[]): string[] {
  return [...scores].sort((x, y) => y.score - x.score || (x.uid < y.uid ? -1 : 1)).map((x) => x.uid);
}

function scoringThroughput() {
  const me = syntheticMember(0);
  const candidates = Array.from({ length: SCORED }, (_, i) => syntheticMember(i + 1));
  // What the naive scorer is handed: plain objects, rebuilt from the members, no shared structure.
  const naiveMe: NaiveMember = JSON.parse(JSON.stringify(me)) as NaiveMember;
  const naiveCandidates = candidates.map((c) => JSON.parse(JSON.stringify(c)) as NaiveMember);
  const runs = 5;
  const scoring: number[] = [];
  const naive: number[] = [];
  const distanceOnly: number[] = [];
  let sink = 0;
  for (let r = 0; r < runs; r++) {
    let t = performance.now();
    for (const c of candidates) sink += distanceKm(me.location, c.location);
    distanceOnly.push(performance.now() - t);
    t = performance.now();
    for (const c of naiveCandidates) sink += naiveScore(naiveMe, c);
    naive.push(performance.now() - t);
    t = performance.now();
    for (const c of candidates) sink += scorePair(me, c, NO_HISTORY).score;
    scoring.push(performance.now() - t);
  }
  const ours = ranking(candidates.map((c) => ({ uid: c.uid, score: scorePair(me, c, NO_HISTORY).score })));
  const theirs = ranking(naiveCandidates.map((c) => ({ uid: c.uid, score: naiveScore(naiveMe, c) })));
  const misplaced = ours.filter((uid, k) => theirs[k] !== uid).length;
  const perSecond = (samples: number[]) => Math.round(SCORED / (percentile(samples, 50) / 1000));
  const ratio = Math.round((perSecond(scoring) / perSecond(naive)) * 100) / 100;
  console.log(
    `scoring: scorePair ${perSecond(scoring).toLocaleString("en")} pairs/s, naive ${perSecond(naive).toLocaleString("en")} ` +
      `pairs/s, ratio ${ratio} (same ranking: ${misplaced === 0 ? "yes" : `no, ${misplaced} misplaced`}; checksum ${sink > 0})`,
  );
  return {
    series: [
      { name: `naive scorer, ${SCORED.toLocaleString("en")} pairs (baseline)`, samplesMs: naive },
      { name: `distance only, ${SCORED.toLocaleString("en")} pairs`, samplesMs: distanceOnly },
      { name: `scorePair, ${SCORED.toLocaleString("en")} pairs`, samplesMs: scoring },
    ] satisfies Series[],
    pairsPerSecond: perSecond(scoring),
    naivePairsPerSecond: perSecond(naive),
    ratioToNaive: ratio,
    misplaced,
  };
}

async function seedCity(db: Firestore, size: number) {
  await useTestMatchingKey(db);
  const writer = db.bulkWriter();
  for (let i = 0; i < size; i++) {
    const m = syntheticMember(i);
    const docs = memberDocuments(m.uid, m.spec);
    void writer.set(db.doc(paths.user(m.uid)), docs.profile);
    void writer.set(db.doc(paths.privateSettings(m.uid)), docs.settings);
    if (docs.preferences) void writer.set(db.doc(paths.matchPreferences(m.uid)), docs.preferences);
  }
  await writer.close();
}

/** The naive page: everyone in range with preferences and location, scored and sorted, per request. */
async function naivePage(db: Firestore, uid: string) {
  const me = (await loadMembers(db, [uid])).get(uid)!;
  const profiles = await profilesNear(db, me.location!, me.preferences.maxDistanceKm);
  profiles.delete(uid);
  const others = await loadMembers(db, [...profiles.keys()], profiles);
  return [...others.values()]
    .filter((c) => c.location && isMutualFit(me, c, distanceKm(me.location!, c.location)))
    .map((c) => scorePair({ ...me, location: me.location! }, { ...c, location: c.location! }, NO_HISTORY))
    .sort((a, b) => b.score - a.score)
    .slice(0, PAGE);
}

async function readsPerPage() {
  const rows: Record<string, unknown>[] = [];
  const series: Series[] = [];
  for (const size of CITY_SIZES) {
    const { db, close } = isolatedFirestore(`demo-numina-bench-city-${size}-${randomUUID().slice(0, 6)}`);
    const counter = countReads(db);
    let t = performance.now();
    await seedCity(db, size);
    const seedMs = performance.now() - t;
    t = performance.now();
    const rebuild = await counter.of(() => refreshCandidates(db, "m000000", { fanout: false }));
    const refreshMs = performance.now() - t;
    const firstPage = await pageOfPartners(db, "m000000", { limit: PAGE });
    const blocker = firstPage.matches[1]?.uid;
    if (blocker) await db.doc(paths.block(blocker, "m000000")).set({ blockedUid: "m000000", createdAt: new Date() });
    let queuedReads = 0;
    let naiveReads = 0;
    const queueTimes: number[] = [];
    const naiveTimes: number[] = [];
    let shown: string[] = [];
    for (let i = 0; i < 3; i++) {
      t = performance.now();
      const page = await counter.of(() => pageOfPartners(db, "m000000", { limit: PAGE }));
      queuedReads = page.reads;
      shown = page.result.matches.map((m) => m.uid);
      queueTimes.push(performance.now() - t);
      t = performance.now();
      naiveReads = (await counter.of(() => naivePage(db, "m000000"))).reads;
      naiveTimes.push(performance.now() - t);
    }
    series.push({ name: `${size} members: naive page`, samplesMs: naiveTimes });
    series.push({ name: `${size} members: queue page`, samplesMs: queueTimes });
    rows.push({
      members: size,
      "queue page reads": queuedReads,
      "blocker hidden": blocker !== undefined && !shown.includes(blocker),
      "naive page reads": naiveReads,
      "naive ÷ queue": Math.round((naiveReads / queuedReads) * 10) / 10,
      "queue rebuild reads (background)": rebuild.reads,
      "rebuild ms": Math.round(refreshMs),
      "seed ms": Math.round(seedMs),
    });
    await close();
  }
  console.log(`\nreads per page of ${PAGE}`);
  console.table(rows);
  if (rows.some((row) => Number(row["queue page reads"]) > PAGE + 2 || row["blocker hidden"] !== true)) {
    process.exitCode = 1;
  }
  return { rows, series };
}

/** Time from a write to a listener seeing it: the emulator's own round trip. */
async function writeToListener(db: Firestore, n: number): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < n; i++) {
    const ref = db.doc(`benchBaseline/${randomUUID()}`);
    samples.push(
      await new Promise<number>((resolve) => {
        let t = 0;
        const stop = ref.onSnapshot((s) => {
          if (!s.exists) {
            t = performance.now();
            void ref.set({ i });
            return;
          }
          stop();
          resolve(performance.now() - t);
        });
      }),
    );
  }
  return samples;
}

async function mutualLikes() {
  const { db, close } = isolatedFirestore(`demo-numina-bench-likes-${randomUUID().slice(0, 6)}`);
  const baseline = await writeToListener(db, 50);
  const pairs = Array.from(
    { length: PAIRS },
    (_, i) => [`a${i}-${randomUUID().slice(0, 4)}`, `b${i}-${randomUUID().slice(0, 4)}`] as const,
  );
  const seenAt = new Map<string, number>();
  const wanted = new Set(pairs.map(([a, b]) => pairIdOf(a, b)));
  const allSeen = new Promise<void>((resolve) => {
    const stop = db.collection(collections.matches).onSnapshot((snap) => {
      for (const change of snap.docChanges()) if (change.type === "added") seenAt.set(change.doc.id, performance.now());
      if ([...wanted].every((id) => seenAt.has(id))) {
        stop();
        resolve();
      }
    });
  });
  const secondLikeAt = new Map<string, number>();
  const wall = performance.now();
  const outcomes = await Promise.all(
    pairs.map(async ([a, b]) => {
      const like = (from: string, to: string) =>
        db
          .doc(paths.matchAction(from, to))
          .set({ targetUid: to, action: "like", createdAt: FieldValue.serverTimestamp() });
      await Promise.all([like(a, b), like(b, a)]);
      secondLikeAt.set(pairIdOf(a, b), performance.now());
      // Both likes' triggers, racing.
      return Promise.all([formMatchIfMutual(db, a, b), formMatchIfMutual(db, b, a)]);
    }),
  );
  await allSeen;
  const wallMs = performance.now() - wall;
  const created = outcomes.flat().filter((o) => o === "created").length;
  const matches = await db.collection(collections.matches).get();
  const duplicates = matches.size - new Set(matches.docs.map((d) => d.id)).size;
  const lost = [...wanted].filter((id) => !matches.docs.some((d) => d.id === id)).length;
  const latency = [...wanted].map((id) => seenAt.get(id)! - secondLikeAt.get(id)!);
  console.log(
    `mutual likes: ${PAIRS} pairs → ${matches.size} matches, ${created} created by a trigger body, ` +
      `${duplicates} duplicates, ${lost} lost, ${Math.round(wallMs)} ms wall`,
  );
  await close();
  return {
    baseline: { name: "baseline: write → listener", samplesMs: baseline },
    series: {
      name: `${PAIRS} simultaneous mutual likes: 2nd like → match at listener (in process)`,
      samplesMs: latency,
    },
    checks: { pairs: PAIRS, matches: matches.size, created, duplicates, lost },
  };
}

/** The deployed trigger: like → match visible, through the Functions emulator, a few pairs at a time. */
async function triggerRoundTrip(): Promise<Series> {
  const db = admin.db;
  const samples: number[] = [];
  for (let i = 0; i < TRIGGER_PAIRS; i += 2) {
    await Promise.all(
      [i, i + 1].map(async () => {
        const [a, b] = [`ta-${randomUUID().slice(0, 8)}`, `tb-${randomUUID().slice(0, 8)}`];
        await db
          .doc(paths.matchAction(a, b))
          .set({ targetUid: b, action: "like", createdAt: FieldValue.serverTimestamp() });
        const t = performance.now();
        await db
          .doc(paths.matchAction(b, a))
          .set({ targetUid: a, action: "like", createdAt: FieldValue.serverTimestamp() });
        await new Promise<void>((resolve) => {
          const stop = db.doc(paths.match(pairIdOf(a, b))).onSnapshot((s) => {
            if (s.exists) {
              stop();
              resolve();
            }
          });
        });
        samples.push(performance.now() - t);
      }),
    );
  }
  return {
    name: `deployed trigger: 2nd like → match at listener (${TRIGGER_PAIRS} pairs, 2 at a time)`,
    samplesMs: samples,
  };
}

async function main() {
  const scoring = scoringThroughput();
  report("matching-scoring", summarise(scoring.series[0]!, scoring.series.slice(1)), {
    pairsPerSecond: scoring.pairsPerSecond,
    naivePairsPerSecond: scoring.naivePairsPerSecond,
    ratioToNaive: scoring.ratioToNaive,
    misplaced: scoring.misplaced,
  });
  if (scoring.misplaced !== 0) process.exitCode = 1;

  const pages = await readsPerPage();
  const [naiveFirst, ...rest] = pages.series;
  report("matching-pages", summarise(naiveFirst!, rest), { readsPerPage: pages.rows });

  await warmUp(() => admin.db.doc(`benchBaseline/warm`).set({ at: Date.now() }));
  const likes = await mutualLikes();
  const trigger = await triggerRoundTrip();
  report("matching-likes", summarise(likes.baseline, [likes.series, trigger]), { checks: likes.checks });
  if (likes.checks.duplicates !== 0 || likes.checks.lost !== 0 || likes.checks.matches !== PAIRS) process.exitCode = 1;
}

await main();
process.exit();

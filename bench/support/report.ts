/**
 * Benchmarks print figures as ratios against a baseline measured in the same run, because these
 * machines are noisy: an absolute millisecond figure from one run says little about the next.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index] ?? Number.NaN;
}

export interface Series {
  name: string;
  samplesMs: number[];
}

export interface Summary {
  name: string;
  n: number;
  p50Ms: number;
  p95Ms: number;
  p50VsBaseline: number;
  p95VsBaseline: number;
}

export function summarise(baseline: Series, series: readonly Series[]): Summary[] {
  const base50 = percentile(baseline.samplesMs, 50);
  const base95 = percentile(baseline.samplesMs, 95);
  return [baseline, ...series].map((s) => {
    const p50 = percentile(s.samplesMs, 50);
    const p95 = percentile(s.samplesMs, 95);
    return {
      name: s.name,
      n: s.samplesMs.length,
      p50Ms: round(p50),
      p95Ms: round(p95),
      p50VsBaseline: round(p50 / base50),
      p95VsBaseline: round(p95 / base95),
    };
  });
}

const round = (x: number) => Math.round(x * 100) / 100;

/** Prints a table and writes bench/results/<name>.json. */
export function report(benchName: string, summaries: Summary[], extra: Record<string, unknown> = {}) {
  console.log(`\n${benchName}`);
  console.table(
    summaries.map((s) => ({
      series: s.name,
      n: s.n,
      "p50 ms": s.p50Ms,
      "p95 ms": s.p95Ms,
      "p50 × baseline": s.p50VsBaseline,
      "p95 × baseline": s.p95VsBaseline,
    })),
  );
  const dir = join(dirname(dirname(fileURLToPath(import.meta.url))), "results");
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${benchName}.json`);
  writeFileSync(file, JSON.stringify({ bench: benchName, at: new Date().toISOString(), summaries, ...extra }, null, 2));
  console.log(`saved bench/results/${benchName}.json`);
}

export async function timed(fn: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await fn();
  return performance.now() - start;
}

/**
 * The emulators' first calls on a fresh start can fail while their streams come up; a benchmark
 * warms them before it measures, so the figures are not about start-up.
 */
export async function warmUp(call: () => Promise<unknown>, attempts = 5): Promise<void> {
  for (let i = 1; ; i++) {
    try {
      await call();
      return;
    } catch (error) {
      if (i >= attempts) throw error;
      await new Promise((resolve) => setTimeout(resolve, 500 * i));
    }
  }
}

/**
 * Rating arithmetic, pure. A summary is a histogram of published ratings; everything shown
 * (count, average) and everything ranked (the Bayesian average) is derived from it.
 */
import { RATING_VALUES } from "../model/index.js";

export interface RatingCounts {
  count: number;
  sum: number;
  histogram: number[];
}

/** Count and sum from how many reviews gave 1, 2, 3, 4 and 5 stars. */
export function countsFromHistogram(histogram: readonly number[]): RatingCounts {
  if (histogram.length !== RATING_VALUES.length) throw new Error("A rating histogram has five buckets");
  let count = 0;
  let sum = 0;
  histogram.forEach((n, i) => {
    count += n;
    sum += n * RATING_VALUES[i]!;
  });
  return { count, sum, histogram: [...histogram] };
}

/**
 * The prior every ranking starts from: as if each class had PRIOR_WEIGHT ratings at PRIOR_MEAN.
 * 4.2 is a typical fitness-class average (most ratings on such platforms are 4s and 5s), so one
 * 5-star rating barely moves a new class, and 200 ratings of 4.7 dominate their prior.
 */
export const RATING_PRIOR = { mean: 4.2, weight: 10 } as const;

/**
 * The Bayesian (damped) average: (prior weight × prior mean + sum) / (prior weight + count). A
 * class with one 5-star rating scores ~4.27; one with 200 ratings of 4.7 scores ~4.68.
 */
export function bayesianAverage(counts: Pick<RatingCounts, "count" | "sum"> | null, prior = RATING_PRIOR): number {
  const count = counts?.count ?? 0;
  const sum = counts?.sum ?? 0;
  return (prior.weight * prior.mean + sum) / (prior.weight + count);
}

/**
 * Rating arithmetic, pure. A summary is a histogram of published ratings; everything shown
 * (count, average) and everything ranked (bayesianAverage, in the model) is derived from it.
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

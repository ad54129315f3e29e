/**
 * The trilateration attack, as an attacker runs it: distances to a member from many vantage
 * points, and the point that fits them best (least squares, by a coarse-to-fine grid search).
 */
import { destination } from "../../src/matching/matchingPoint.js";
import { distanceKm, type LatLng } from "../../src/matching/scoring.js";

export interface Sighting {
  from: LatLng;
  km: number;
}

const squaredError = (p: LatLng, sightings: readonly Sighting[]) =>
  sightings.reduce((sum, s) => sum + (distanceKm(p, s.from) - s.km) ** 2, 0);

/** The point whose distances to the vantage points best fit the sightings, near `around`. */
export function leastSquaresFit(sightings: readonly Sighting[], around: LatLng, searchKm = 12): LatLng {
  let best = around;
  for (const [spanKm, steps] of [
    [searchKm, 48],
    [searchKm / 8, 24],
    [searchKm / 64, 24],
    [searchKm / 512, 24],
  ] as const) {
    const centre = best;
    let bestError = squaredError(best, sightings);
    for (let i = -steps; i <= steps; i += 1) {
      for (let j = -steps; j <= steps; j += 1) {
        const north = destination(centre, 0, (i * spanKm) / steps);
        const p = destination(north, Math.PI / 2, (j * spanKm) / steps);
        const error = squaredError(p, sightings);
        if (error < bestError) [best, bestError] = [p, error];
      }
    }
  }
  return best;
}

/** `count` vantage points on a ring around `centre`, `km` out. */
export function ringAround(centre: LatLng, km: number, count: number): LatLng[] {
  return Array.from({ length: count }, (_, i) => destination(centre, (i / count) * 2 * Math.PI, km));
}

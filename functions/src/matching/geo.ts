/**
 * Geo ranges over public profiles. Profiles publish a 5-character geohash (PUBLIC_GEOHASH_PRECISION),
 * while geofire-common's bounds for a small radius can be longer: a range starting at "gcpvjb"
 * would skip the profile "gcpvj" that contains it. Ranges are cut to the public precision, so
 * they cover whole public cells; the exact distance is checked afterwards. Pure.
 */
import { geohashQueryBounds } from "geofire-common";
import { PUBLIC_GEOHASH_PRECISION } from "../model/index.js";
import type { LatLng } from "./scoring.js";

export function publicGeohashRanges(center: LatLng, radiusKm: number): [string, string][] {
  const ranges = geohashQueryBounds([center.lat, center.lng], radiusKm * 1000).map(
    ([start, end]) =>
      [start.slice(0, PUBLIC_GEOHASH_PRECISION), end.slice(0, PUBLIC_GEOHASH_PRECISION)] as [string, string],
  );
  const unique = new Map(ranges.map((r) => [r.join(":"), r]));
  return [...unique.values()];
}

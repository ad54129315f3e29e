/**
 * Where matching places a member: never their exact point. Every pair computation (who is within
 * whose distance, the distance factor, ordering, the distance shown, the public geohash) uses each
 * member's matching point, the exact point moved 1.2–2 km on a bearing. Both come from an HMAC of
 * the member's uid and the coarse cell they are in, under a key only functions hold: stable while
 * the member stays in the cell (repeated queries cannot average it away), different in another
 * cell (learning it once does not track the member). Whatever an attacker recovers exactly, with
 * any number of accounts and vantage points, is a matching point, 1.2–2 km from the member on a
 * circle they cannot resolve. See docs/adr/0010-trust-and-safety.md. Pure.
 */
import { createHmac } from "node:crypto";
import { geohashForLocation } from "geofire-common";
import { PUBLIC_GEOHASH_PRECISION } from "../model/index.js";
import type { LatLng } from "./scoring.js";

export const MATCHING_POINT = {
  minOffsetKm: 1.2,
  maxOffsetKm: 2.0,
  /** The cell whose change draws a new offset: geohash precision 5, about 5 × 5 km. */
  cellPrecision: 5,
} as const;

const EARTH_RADIUS_KM = 6371.0088;

/** The point `km` away from `from` on `bearing` (radians from north), on a sphere. */
export function destination(from: LatLng, bearing: number, km: number): LatLng {
  const δ = km / EARTH_RADIUS_KM;
  const φ1 = (from.lat * Math.PI) / 180;
  const λ1 = (from.lng * Math.PI) / 180;
  const φ2 = Math.asin(Math.sin(φ1) * Math.cos(δ) + Math.cos(φ1) * Math.sin(δ) * Math.cos(bearing));
  const λ2 = λ1 + Math.atan2(Math.sin(bearing) * Math.sin(δ) * Math.cos(φ1), Math.cos(δ) - Math.sin(φ1) * Math.sin(φ2));
  return { lat: (φ2 * 180) / Math.PI, lng: (((λ2 * 180) / Math.PI + 540) % 360) - 180 };
}

/** The member's offset in the cell of `exact`: a bearing and a distance, from the key. */
export function offsetFor(exact: LatLng, uid: string, key: string): { bearing: number; km: number } {
  const cell = geohashForLocation([exact.lat, exact.lng], MATCHING_POINT.cellPrecision);
  const digest = createHmac("sha256", key).update(`${uid}\n${cell}`).digest();
  const unit = (offset: number) => digest.readUInt32BE(offset) / 2 ** 32;
  const { minOffsetKm, maxOffsetKm } = MATCHING_POINT;
  return { bearing: unit(0) * 2 * Math.PI, km: minOffsetKm + unit(4) * (maxOffsetKm - minOffsetKm) };
}

/** Where matching places the member whose exact point is `exact`. */
export function matchingPointOf(exact: LatLng, uid: string, key: string): LatLng {
  const { bearing, km } = offsetFor(exact, uid, key);
  return destination(exact, bearing, km);
}

/** The public cell of a member: the geohash of their matching point, never of their exact point. */
export function publicGeohashOf(matchingPoint: LatLng): string {
  return geohashForLocation([matchingPoint.lat, matchingPoint.lng], PUBLIC_GEOHASH_PRECISION);
}

/** Distances are shown in whole kilometres, at least 1: the matching point is no finer than that. */
export const shownDistanceKm = (km: number): number => Math.max(1, Math.round(km));

/**
 * A member moves their location. The exact point stays in their private settings; the public
 * cell on their profile is the cell of their matching point, written in the same transaction.
 * Each move takes a place in the `locationChange` limit: trilateration needs many vantage points.
 */
import { FieldValue, type Firestore } from "firebase-admin/firestore";
import { geohashForLocation } from "geofire-common";
import { type SetMyLocationRequest, type SetMyLocationResponse, setMyLocationRequestSchema } from "../model/index.js";
import { takeRateLimit } from "../limits/index.js";
import { DomainError } from "../shared/errors.js";
import { dataOrAbsent } from "../shared/firestore.js";
import { refs } from "../shared/refs.js";
import { parseOrThrow } from "../shared/validation.js";
import { matchingKey } from "./matchingKeyStore.js";
import { matchingPointOf, publicGeohashOf } from "./matchingPoint.js";

const EXACT_GEOHASH_PRECISION = 10;

export async function setMyLocation(
  db: Firestore,
  uid: string,
  request: SetMyLocationRequest,
  nowMs = Date.now(),
): Promise<SetMyLocationResponse> {
  const point = parseOrThrow(setMyLocationRequestSchema, request, "location");
  const key = await matchingKey(db);
  const settingsRef = refs(db).privateSettings(uid);
  const profileRef = refs(db).user(uid);
  return db.runTransaction(async (tx) => {
    const [settingsSnap, profileSnap] = await Promise.all([tx.get(settingsRef), tx.get(profileRef)]);
    const settings = dataOrAbsent(settingsSnap);
    if (!dataOrAbsent(profileSnap) || !settings) {
      throw new DomainError("failed-precondition", "Your account is still being set up. Try again in a moment.");
    }
    if (settings.location?.lat === point.lat && settings.location.lng === point.lng) return { changed: false };
    const record = await takeRateLimit(tx, db, "locationChange", uid, nowMs, "location changes a day");
    record();
    const exact = { ...point, geohash: geohashForLocation([point.lat, point.lng], EXACT_GEOHASH_PRECISION) };
    tx.update(settingsRef, { location: exact, updatedAt: FieldValue.serverTimestamp() });
    tx.update(profileRef, { geohash: publicGeohashOf(matchingPointOf(point, uid, key)) });
    return { changed: true };
  });
}

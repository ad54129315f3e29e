/**
 * The key of matching points (matchingPoint.ts): 32 random bytes in serverKeys/matchingPoint,
 * which no client can read, made by the first function that needs it. Read on every use rather
 * than cached, so every instance agrees even right after the key is first made.
 */
import { randomBytes } from "node:crypto";
import { FieldValue, type Firestore } from "firebase-admin/firestore";
import { MATCHING_POINT_KEY } from "../model/index.js";
import { dataOrAbsent } from "../shared/firestore.js";
import { refs } from "../shared/refs.js";
import { GRPC, grpcCode } from "../shared/transactions.js";

export async function matchingKey(db: Firestore): Promise<string> {
  const ref = refs(db).serverKey(MATCHING_POINT_KEY);
  const stored = dataOrAbsent(await ref.get());
  if (stored) return stored.key;
  const key = randomBytes(32).toString("base64url");
  try {
    await ref.create({ key, createdAt: FieldValue.serverTimestamp() });
    return key;
  } catch (error) {
    // Another instance made it first: theirs is the key.
    if (grpcCode(error) !== GRPC.ALREADY_EXISTS) throw error;
    const made = dataOrAbsent(await ref.get());
    if (!made) throw error;
    return made.key;
  }
}

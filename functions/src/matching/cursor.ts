/**
 * The Discover page cursor: the last entry's place in the queue order (rank descending, then uid),
 * as an opaque string. Pure.
 */
import { documentIdSchema } from "../model/index.js";

export interface QueuePosition {
  rank: number;
  uid: string;
}

export function encodeCursor(position: QueuePosition): string {
  return Buffer.from(JSON.stringify([position.rank, position.uid]), "utf8").toString("base64url");
}

/**
 * null when the string is not a cursor this module wrote. The uid goes into the query as a
 * document id, so a forged one that could not be an id ("a/b", "__x__") is refused here too.
 */
export function decodeCursor(cursor: string): QueuePosition | null {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
    if (
      Array.isArray(value) &&
      value.length === 2 &&
      typeof value[0] === "number" &&
      typeof value[1] === "string" &&
      documentIdSchema.safeParse(value[1]).success
    ) {
      return { rank: value[0], uid: value[1] };
    }
  } catch {
    // Falls through: not ours.
  }
  return null;
}

/**
 * Building blocks of every document schema. Timestamps are typed structurally (anything with
 * toMillis()) so the same schema accepts the Admin SDK's and the JS SDK's Timestamp classes.
 */
import { z } from "zod";

export interface TimestampLike {
  toMillis(): number;
}
export const timestampSchema = z.custom<TimestampLike>(
  (v) => typeof v === "object" && v !== null && typeof (v as TimestampLike).toMillis === "function",
  { message: "Expected a Firestore timestamp" },
);

export const uidSchema = z.string().min(1).max(128);

/**
 * An id that goes into a document path: Firestore refuses a slash (it would address another
 * document), "." and "..", ids of the form __name__, and more than 1,500 bytes. A hostile client
 * sends exactly these, so every id taken from a request is checked here first and rejected as
 * `invalid-argument` naming its field, before it can reach a path.
 */
export const documentIdSchema = z
  .string()
  .min(1, "Expected a document id")
  .max(1500, "Too long for a document id")
  .refine((id) => !id.includes("/"), "A document id cannot contain '/'")
  .refine((id) => id !== "." && id !== "..", "A document id cannot be '.' or '..'")
  .refine((id) => !/^__.*__$/.test(id), "A document id cannot be of the form __name__");

/** A member's uid as it reaches a document path from a request. */
export const uidIdSchema = documentIdSchema.pipe(uidSchema);

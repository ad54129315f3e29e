/**
 * Typed Firestore converters built from the shared zod schemas, so every document the client reads
 * is checked against the one definition in @numina/model instead of being trusted as `DocumentData`.
 */
import type { DocumentData, FirestoreDataConverter, QueryDocumentSnapshot, SnapshotOptions } from "firebase/firestore";
import { parseDocument } from "@numina/model";
import type { z } from "zod";

export { InvalidDocumentError } from "@numina/model";

export function converterFor<S extends z.ZodType<DocumentData>>(schema: S): FirestoreDataConverter<z.infer<S>> {
  return {
    toFirestore(value: z.infer<S>): DocumentData {
      return value;
    },
    fromFirestore(snapshot: QueryDocumentSnapshot, options?: SnapshotOptions): z.infer<S> {
      // A pending serverTimestamp() would read as null right after a local write; the estimate
      // keeps the document valid against the schema until the server confirms it.
      return parseDocument(schema, snapshot.ref.path, snapshot.data({ serverTimestamps: "estimate", ...options }));
    },
  };
}

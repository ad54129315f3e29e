/**
 * Typed Firestore converters built from the shared zod schemas, so every document the client reads
 * is checked against the one definition in @numina/model instead of being trusted as `DocumentData`.
 */
import type { DocumentData, FirestoreDataConverter, QueryDocumentSnapshot, SnapshotOptions } from "firebase/firestore";
import type { z } from "zod";

export class InvalidDocumentError extends Error {
  constructor(
    readonly path: string,
    readonly issues: string,
  ) {
    super(`The document ${path} does not match its schema: ${issues}`);
    this.name = "InvalidDocumentError";
  }
}

export function converterFor<S extends z.ZodType<DocumentData>>(schema: S): FirestoreDataConverter<z.infer<S>> {
  return {
    toFirestore(value: z.infer<S>): DocumentData {
      return value;
    },
    fromFirestore(snapshot: QueryDocumentSnapshot, options?: SnapshotOptions): z.infer<S> {
      // A pending serverTimestamp() would read as null right after a local write; the estimate
      // keeps the document valid against the schema until the server confirms it.
      const data = snapshot.data({ serverTimestamps: "estimate", ...options });
      const parsed = schema.safeParse(data);
      if (!parsed.success) {
        const issues = parsed.error.issues.map((issue) => `${issue.path.join(".") || "(root)"}: ${issue.message}`);
        throw new InvalidDocumentError(snapshot.ref.path, issues.join("; "));
      }
      return parsed.data;
    },
  };
}

/**
 * Reading a stored document through its schema, the same way on both sides: the Admin converters
 * (functions/src/shared/firestore.ts) and the web's (web/src/shared/converters.ts) both call this,
 * so a document that does not match its schema fails with the same error everywhere.
 */
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

/** "role: Invalid option ...; uid: Too small ..." — the field path first, as clients show it. */
export function formatIssues(error: z.ZodError): string {
  return error.issues
    .map((issue) => `${issue.path.length ? issue.path.join(".") : "(root)"}: ${issue.message}`)
    .join("; ");
}

/** The document at `path` as its schema describes it, or an InvalidDocumentError naming every bad field. */
export function parseDocument<S extends z.ZodType>(schema: S, path: string, data: unknown): z.output<S> {
  const parsed = schema.safeParse(data);
  if (!parsed.success) throw new InvalidDocumentError(path, formatIssues(parsed.error));
  return parsed.data;
}

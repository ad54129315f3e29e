import type { z } from "zod";
import { DomainError } from "./errors.js";

/** "role: Invalid option ...; uid: Too small ..." — the field path first, as clients show it. */
export function formatZodError(error: z.ZodError): string {
  return error.issues
    .map((issue) => `${issue.path.length ? issue.path.join(".") : "(root)"}: ${issue.message}`)
    .join("; ");
}

/** Parses untrusted input, or throws an `invalid-argument` DomainError naming every bad field. */
export function parseOrThrow<S extends z.ZodType>(schema: S, input: unknown, what: string): z.infer<S> {
  const result = schema.safeParse(input);
  if (!result.success) {
    throw new DomainError("invalid-argument", `Invalid ${what}: ${formatZodError(result.error)}`, {
      fields: result.error.issues.map((i) => i.path.join(".")),
    });
  }
  return result.data;
}

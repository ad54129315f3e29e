import type { z } from "zod";
import { formatIssues } from "../model/index.js";
import { DomainError } from "./errors.js";

/** Parses untrusted input, or throws an `invalid-argument` DomainError naming every bad field. */
export function parseOrThrow<S extends z.ZodType>(schema: S, input: unknown, what: string): z.infer<S> {
  const result = schema.safeParse(input);
  if (!result.success) {
    throw new DomainError("invalid-argument", `Invalid ${what}: ${formatIssues(result.error)}`, {
      fields: result.error.issues.map((i) => i.path.join(".")),
    });
  }
  return result.data;
}

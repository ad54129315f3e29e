/**
 * One domain error type with a closed list of codes. Domain code throws it; the callable edge
 * (shared/callable.ts) turns it into an HttpsError exactly once.
 */
export const DOMAIN_ERROR_CODES = [
  "invalid-argument",
  "not-found",
  "already-exists",
  "permission-denied",
  "unauthenticated",
  "failed-precondition",
  "resource-exhausted",
] as const;
export type DomainErrorCode = (typeof DOMAIN_ERROR_CODES)[number];

export class DomainError extends Error {
  constructor(
    readonly code: DomainErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = "DomainError";
  }
}

/**
 * The callable edge: authentication, zod validation, and the one place where a DomainError
 * becomes an HttpsError. Anything else thrown is a bug and surfaces as `internal` (logged).
 */
import "./runtime.js";
import { HttpsError, onCall, type CallableRequest } from "firebase-functions/https";
import type { z } from "zod";
import { roleFromClaim, type Role } from "../model/index.js";
import { requireGoodStanding } from "../moderation/index.js";
import { DomainError } from "./errors.js";
import { db } from "./firebase.js";
import { log } from "./logs.js";
import { parseOrThrow } from "./validation.js";

export interface Caller {
  uid: string;
  role: Role;
  email: string | null;
  /** When the caller last signed in (entered a password, went through Google), not when the token was refreshed. */
  signedInAtMs: number;
}

export function callerOf(request: CallableRequest): Caller {
  if (!request.auth) throw new DomainError("unauthenticated", "Sign in first.");
  return {
    uid: request.auth.uid,
    role: roleFromClaim(request.auth.token["role"]),
    email: request.auth.token.email ?? null,
    signedInAtMs: Number(request.auth.token.auth_time) * 1000,
  };
}

export function requireRole(caller: Caller, ...roles: Role[]): void {
  if (!roles.includes(caller.role)) {
    throw new DomainError("permission-denied", `Only ${roles.join(" or ")} accounts can do this.`);
  }
}

export interface CallableOptions {
  /**
   * "any": suspended and banned members may call it too. Only for a member's rights over their own
   * data (their export, deleting their account), which a suspension does not take away.
   */
  standing?: "good" | "any";
}

export function defineCallable<S extends z.ZodType, R>(
  name: string,
  schema: S,
  handler: (input: z.infer<S>, caller: Caller) => Promise<R>,
  options: CallableOptions = {},
) {
  return onCall({ enforceAppCheck: false }, (request): Promise<R> =>
    atTheEdge(name, async () => {
      const caller = callerOf(request);
      const input = parseOrThrow(schema, request.data, `${name} request`);
      // A suspended or banned member is refused everywhere, with the reason and how to appeal.
      if (options.standing !== "any") await requireGoodStanding(db(), caller.uid);
      return handler(input, caller);
    }),
  );
}

/** A signed-out visitor, known only by where the request came from (for rate limits). */
export interface Visitor {
  /** The client's IP as the hosting front end reports it; null if the request carried none. */
  ip: string | null;
}

export function visitorOf(request: Pick<CallableRequest, "rawRequest">): Visitor {
  return { ip: request.rawRequest.ip || null };
}

/** A callable for signed-out visitors (a password reset): the same validation and error edge, no caller. */
export function definePublicCallable<S extends z.ZodType, R>(
  name: string,
  schema: S,
  handler: (input: z.infer<S>, visitor: Visitor) => Promise<R>,
) {
  return onCall({ enforceAppCheck: false }, (request): Promise<R> =>
    atTheEdge(name, () => handler(parseOrThrow(schema, request.data, `${name} request`), visitorOf(request))),
  );
}

async function atTheEdge<R>(name: string, run: () => Promise<R>): Promise<R> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof DomainError) {
      log.callableRejected(name, error.code, error.message);
      throw new HttpsError(error.code, error.message, error.details);
    }
    if (error instanceof HttpsError) throw error;
    log.callableFailed(name, error);
    throw new HttpsError("internal", "Something went wrong on our side. Please try again.");
  }
}

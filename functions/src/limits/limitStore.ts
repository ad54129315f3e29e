/**
 * Rate limits applied inside the caller's own transaction: the count and the guarded write
 * commit together, so a refused call writes nothing and two concurrent calls cannot both take
 * the last place.
 */
import { Timestamp, type Firestore, type Transaction } from "firebase-admin/firestore";
import { rateLimitFor, type LimitsConfig, type RateLimitName } from "../model/index.js";
import { DomainError } from "../shared/errors.js";
import { dataOrAbsent } from "../shared/firestore.js";
import { refs } from "../shared/refs.js";
import { consumeWindow, retryAfterText } from "./window.js";

/** config/limits, or no overrides. Read in the transaction so it counts as one of its reads. */
export async function limitsConfigIn(tx: Transaction, db: Firestore): Promise<LimitsConfig | undefined> {
  return dataOrAbsent(await tx.get(refs(db).limitsConfig()));
}

/**
 * Takes one place in `name`'s window for `subject`, or throws `resource-exhausted` saying when to
 * try again. All of a transaction's reads must come before its writes: call this before writing.
 * Returns a function that records the place; call it with the transaction's other writes.
 */
export async function takeRateLimit(
  tx: Transaction,
  db: Firestore,
  name: RateLimitName,
  subject: string,
  nowMs: number,
  what: string,
): Promise<() => void> {
  const config = await limitsConfigIn(tx, db);
  const limit = rateLimitFor(config, name);
  const ref = refs(db).rateLimit(name, subject);
  const decision = consumeWindow(dataOrAbsent(await tx.get(ref)), limit, nowMs);
  if (!decision.allowed) {
    throw new DomainError(
      "resource-exhausted",
      `You have reached the limit of ${limit.max} ${what}. Try again ${retryAfterText(decision.retryAfterMs)}.`,
      { limit: name, retryAfterMs: decision.retryAfterMs },
    );
  }
  return () => tx.set(ref, { name, ...decision.next, expiresAt: Timestamp.fromMillis(decision.windowEndsMs) });
}

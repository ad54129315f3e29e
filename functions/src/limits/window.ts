/**
 * Fixed-window counting. Pure: the store passes the stored counter and the clock.
 *
 * A fixed window (not a sliding one) because it needs one small document per subject and one
 * read-and-write in the caller's own transaction; the cost is that a burst straddling a window
 * edge may reach twice `max`, which the limits here tolerate.
 */
import type { RateLimit } from "../model/index.js";

export interface WindowCount {
  windowStartMs: number;
  count: number;
}

export type WindowDecision =
  { allowed: true; next: WindowCount; windowEndsMs: number } | { allowed: false; retryAfterMs: number };

export function consumeWindow(stored: WindowCount | undefined, limit: RateLimit, nowMs: number): WindowDecision {
  const windowMs = limit.windowMinutes * 60_000;
  const current =
    stored && nowMs < stored.windowStartMs + windowMs && nowMs >= stored.windowStartMs ? stored : undefined;
  const windowStartMs = current?.windowStartMs ?? nowMs;
  const count = current?.count ?? 0;
  if (count >= limit.max) return { allowed: false, retryAfterMs: windowStartMs + windowMs - nowMs };
  return { allowed: true, next: { windowStartMs, count: count + 1 }, windowEndsMs: windowStartMs + windowMs };
}

/** "in 3 minutes", "in 2 hours": when a refused caller may try again, for the error message. */
export function retryAfterText(retryAfterMs: number): string {
  const minutes = Math.max(1, Math.ceil(retryAfterMs / 60_000));
  if (minutes < 90) return `in ${minutes} minute${minutes === 1 ? "" : "s"}`;
  const hours = Math.ceil(minutes / 60);
  return `in ${hours} hours`;
}

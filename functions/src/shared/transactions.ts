/**
 * Firestore transactions whose callback may reject the request with a DomainError. The error is
 * carried out of the transaction as a value and thrown after it, so the SDK treats the attempt as
 * finished (not failed and retried) and the message reaches the client exactly as written.
 */
import type { DocumentData, DocumentReference, Firestore, Transaction } from "firebase-admin/firestore";
import { DomainError } from "./errors.js";

type Outcome<T> = { ok: true; value: T } | { ok: false; error: DomainError };

/**
 * Many attempts: a popular class's counter document takes every RSVP's increment, and under a
 * burst the commits queue on it; an attempt that times out in that queue is simply retried.
 */
const MAX_ATTEMPTS = 30;

export async function runDomainTransaction<T>(db: Firestore, fn: (tx: Transaction) => Promise<T>): Promise<T> {
  const outcome = await db.runTransaction(
    async (tx): Promise<Outcome<T>> => {
      try {
        return { ok: true, value: await fn(tx) };
      } catch (error) {
        if (error instanceof DomainError) return { ok: false, error };
        throw error;
      }
    },
    { maxAttempts: MAX_ATTEMPTS },
  );
  if (!outcome.ok) throw outcome.error;
  return outcome.value;
}

/** gRPC status codes the Admin SDK reports on failed writes (numbers, as on the wire). */
export const GRPC = { UNKNOWN: 2, NOT_FOUND: 5, ALREADY_EXISTS: 6, FAILED_PRECONDITION: 9, ABORTED: 10 } as const;
export const grpcCode = (error: unknown): number => Number((error as { code?: unknown }).code);

/**
 * A random pause, growing with the attempts up to 200 ms, for writers guarded by an update time
 * that lost a race and look again: racers that keep colliding spread out.
 */
export const afterLostRace = (attempt: number) =>
  new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(200, 5 * 2 ** Math.min(attempt, 6))));

/**
 * Creates every document that does not exist yet, in bulk, and counts the ones it created. For
 * writes with deterministic ids, where an existing document means a retried event already did the
 * work. Any other failure throws once all writes are done, so the event is retried (safely: what
 * was created is skipped next time).
 */
export async function createAllAbsent(
  db: Firestore,
  writes: readonly { ref: DocumentReference; data: DocumentData }[],
): Promise<number> {
  const writer = db.bulkWriter();
  writer.onWriteError((error) => grpcCode(error) !== GRPC.ALREADY_EXISTS && error.failedAttempts < 5);
  let created = 0;
  const failures: unknown[] = [];
  for (const { ref, data } of writes) {
    writer
      .create(ref, data)
      .then(() => (created += 1))
      .catch((error: unknown) => {
        // Exists already: done by an earlier delivery. Anything else must not pass in silence.
        if (grpcCode(error) !== GRPC.ALREADY_EXISTS) failures.push(error);
      });
  }
  await writer.close();
  if (failures.length > 0) {
    throw new Error(`${failures.length} of ${writes.length} creates failed; first: ${String(failures[0])}`);
  }
  return created;
}

/**
 * Fault injection for emulator tests: a Firestore that behaves like a function instance dying
 * part-way through a delivery. Its first writes land; every later write fails, as it would after
 * a crash, a timeout or a lost connection. Reads work throughout. Hand it to a store use-case,
 * then run the use-case again with the real Firestore (the event delivered again) and check the
 * end state.
 *
 *   const faulty = failingAfterCommits(db, 1); // dies after its first commit
 *   await expect(applyClassUpdate(faulty.db, id, before, after)).rejects.toThrow(InjectedFault);
 *   await applyClassUpdate(db, id, before, after); // the event delivered again
 *
 * Three shapes of failure: every write after the first N RPCs (failingAfterCommits), every write
 * after the first N documents, for a crash inside one bulk batch (failingAfterWrites), and one
 * commit that fails before or after it is written, as a lost answer does (failingOnce).
 *
 * The gate sits on the Admin SDK's internal `request` method, which every write of a Firestore
 * instance goes through: for tests only.
 */
import type { Firestore } from "firebase-admin/firestore";

export class InjectedFault extends Error {
  constructor(method: string) {
    super(`Injected fault: ${method} refused`);
    this.name = "InjectedFault";
  }
}

/**
 * Every write the Admin SDK makes ends in one RPC: "commit" (a document write, a batch, a
 * transaction's commit) or "batchWrite" (a BulkWriter batch). Reads and rollbacks pass through.
 */
const WRITE_METHODS = new Set(["commit", "batchWrite"]);

/** gRPC UNAVAILABLE: what a write that never reached the server reports. */
const UNAVAILABLE = 14;

interface WriteRequest {
  writes: unknown[];
}

interface BatchWriteResponse {
  writeResults?: unknown[];
  status?: unknown[];
}

interface WithRequest {
  request(method: string, request: unknown, ...rest: unknown[]): Promise<unknown>;
}

/** Decides the fate of one write RPC: `send` passes a request (the original or a part) on. */
type Gate = (
  method: string,
  request: WriteRequest,
  send: (request: WriteRequest) => Promise<unknown>,
) => Promise<unknown>;

/**
 * `db` with every write RPC going through `gate`. Everything built from it (references, batches,
 * transactions, bulk writers) goes through the same gate; `db` itself is untouched.
 */
function gated(db: Firestore, gate: Gate): Firestore {
  const target = db as unknown as WithRequest;
  return new Proxy(db, {
    get(obj, property, receiver) {
      if (property !== "request") return Reflect.get(obj, property, receiver) as unknown;
      return (method: string, request: unknown, ...rest: unknown[]) =>
        WRITE_METHODS.has(method)
          ? gate(method, request as WriteRequest, (sent) => target.request(method, sent, ...rest))
          : target.request(method, request, ...rest);
    },
  });
}

/** `db`, except that only its first `commits` write RPCs (commits and bulk batches) succeed. */
export function failingAfterCommits(db: Firestore, commits: number) {
  let attempted = 0;
  let failed = 0;
  const faulty = gated(db, (method, request, send) => {
    attempted += 1;
    if (attempted <= commits) return send(request);
    failed += 1;
    return Promise.reject(new InjectedFault(method));
  });
  return {
    db: faulty,
    /** Writes refused so far: zero means the run never reached the fault. */
    failed: () => failed,
  };
}

/**
 * `db`, except that only its first `writes` document writes land, for a crash between two writes
 * of one bulk batch. A commit is atomic, so the one that would cross the limit fails whole; a
 * BulkWriter batch is not (each write succeeds or fails alone), so its writes within the limit
 * land and the others fail, as the server answers when some writes of a batch fail. Every write
 * after the first refused one fails.
 */
export function failingAfterWrites(db: Firestore, writes: number) {
  let left = writes;
  let dead = false;
  let failed = 0;
  const faulty = gated(db, async (method, request, send) => {
    const count = request.writes.length;
    const landing = dead ? 0 : Math.min(left, count);
    if (!dead && landing === count) {
      left -= count;
      return send(request);
    }
    dead = true;
    if (method !== "batchWrite" || landing === 0) {
      failed += count;
      throw new InjectedFault(method);
    }
    failed += count - landing;
    const landed = (await send({ ...request, writes: request.writes.slice(0, landing) })) as BatchWriteResponse;
    const refused = Array.from({ length: count - landing });
    return {
      ...landed,
      writeResults: [...(landed.writeResults ?? []), ...refused.map(() => ({}))],
      status: [
        ...(landed.status ?? []),
        ...refused.map(() => ({ code: UNAVAILABLE, message: `Injected fault: ${method} write refused` })),
      ],
    } satisfies BatchWriteResponse;
  });
  return {
    db: faulty,
    /** Document writes refused so far: zero means the run never reached the fault. */
    failed: () => failed,
  };
}

export interface Fault {
  /** Which write RPC fails, counting from 1. */
  commit: number;
  /** "before": refused, nothing is written; "after": written, then reported failed (a lost answer). */
  when: "before" | "after";
}

/** `db`, except that one write RPC fails, once; every other passes. */
export function failingOnce(db: Firestore, fault: Fault) {
  let commits = 0;
  let fired = false;
  const faulty = gated(db, async (method, request, send) => {
    if (fired || ++commits !== fault.commit) return send(request);
    fired = true;
    if (fault.when === "after") await send(request);
    throw new InjectedFault(method);
  });
  return {
    db: faulty,
    /** Whether the fault happened: false means the run never reached that commit. */
    fired: () => fired,
  };
}

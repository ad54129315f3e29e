/**
 * Collapses a burst of requests for the same work into as few runs as possible while still
 * guaranteeing that every caller's request is covered by a run that *started after* it asked.
 *
 * While a run for a key is in flight, every new request joins one queued run that starts when the
 * current one ends. So a thousand requests in a burst cost two runs, not a thousand, and the last
 * caller still sees work done after its own change.
 */
export class Coalescer<K> {
  private readonly running = new Map<K, Promise<void>>();
  private readonly queued = new Map<K, Promise<void>>();

  run(key: K, work: () => Promise<void>): Promise<void> {
    const queued = this.queued.get(key);
    if (queued) return queued;
    const running = this.running.get(key);
    if (!running) return this.start(key, work);
    const next = running
      .catch(() => undefined) // the queued run is still owed to its callers, whatever happened before
      .then(() => {
        this.queued.delete(key);
        return this.start(key, work);
      });
    this.queued.set(key, next);
    return next;
  }

  private start(key: K, work: () => Promise<void>): Promise<void> {
    const run = work().finally(() => {
      if (this.running.get(key) === run) this.running.delete(key);
    });
    this.running.set(key, run);
    return run;
  }
}

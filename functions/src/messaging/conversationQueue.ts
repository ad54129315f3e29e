/**
 * Gathers the messages of one conversation that arrive while an earlier group of them is being
 * applied, so a burst is applied in a few commits instead of one per message. Pure: no Firebase.
 *
 * Each key (a conversation) has at most one run in flight in this process. A message that arrives
 * meanwhile waits and joins the next run, with every other message that arrived; each caller's
 * promise settles with its own outcome, or with the run's error. A run may also `join` the items
 * that arrived since it began, until it commits: a burst's first message reads the conversation
 * while the rest are still being sent, and takes them into the same commit. Only items that
 * `compatible` accepts share a run (callers that asked for different delivery options are applied
 * apart). `idle` is told when a key's last run ended and nothing waits: its burst is over.
 */
export class ConversationQueue<K, Item, Outcome> {
  private readonly pending = new Map<K, { item: Item; settle: Settle<Outcome> }[]>();
  private readonly draining = new Set<K>();

  /**
   * `apply` answers one outcome per item of the run, in order: the items it was given, then those
   * its calls of `join` returned.
   */
  constructor(
    private readonly apply: (key: K, items: readonly Item[], join: () => readonly Item[]) => Promise<Outcome[]>,
    private readonly compatible: (a: Item, b: Item) => boolean = () => true,
    private readonly idle: (key: K) => void = () => undefined,
  ) {}

  add(key: K, item: Item): Promise<Outcome> {
    return new Promise<Outcome>((resolve, reject) => {
      const waiting = this.pending.get(key) ?? [];
      waiting.push({ item, settle: { resolve, reject } });
      this.pending.set(key, waiting);
      if (!this.draining.has(key)) void this.drain(key);
    });
  }

  private async drain(key: K): Promise<void> {
    this.draining.add(key);
    try {
      for (;;) {
        const first = this.pending.get(key)?.[0];
        if (!first) break;
        const run = this.claim(key, first.item);
        const join = () => {
          const joined = this.claim(key, first.item);
          run.push(...joined);
          return joined.map((w) => w.item);
        };
        try {
          const outcomes = await this.apply(
            key,
            run.map((w) => w.item),
            join,
          );
          run.forEach((w, i) => w.settle.resolve(outcomes[i] as Outcome));
        } catch (error) {
          for (const w of run) w.settle.reject(error);
        }
      }
    } finally {
      this.draining.delete(key);
      this.idle(key);
    }
  }

  /** Takes the waiting items of `key` that may share a run with `like`; the others keep waiting. */
  private claim(key: K, like: Item): { item: Item; settle: Settle<Outcome> }[] {
    const waiting = this.pending.get(key) ?? [];
    const run = waiting.filter((w) => this.compatible(like, w.item));
    const rest = waiting.filter((w) => !this.compatible(like, w.item));
    if (rest.length > 0) this.pending.set(key, rest);
    else this.pending.delete(key);
    return run;
  }
}

interface Settle<T> {
  resolve(value: T): void;
  reject(error: unknown): void;
}

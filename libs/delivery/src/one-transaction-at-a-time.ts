interface Waiting<T> {
  item: T;
  resolve: () => void;
  reject: (error: unknown) => void;
}

/**
 * Runs `work` for one batch at a time; the items that arrive while it runs go together into the
 * next batch (up to `maxBatch`). Under load that is one transaction for many jobs (fewer round
 * trips, fewer commits), and no wait when idle.
 *
 * When a batch fails, each of its items is tried on its own, so that one item that cannot be done
 * does not fail the others: each item's promise settles with its own outcome. `work` must
 * therefore be safe to repeat for an item (job handlers are idempotent anyway: a job may run
 * twice). `failTogether` rejects the whole batch instead, for work that cannot fail for one item
 * alone (an outage fails them all, and retrying each would only wait longer).
 */
export class OneTransactionAtATime<T> {
  private waiting: Waiting<T>[] = [];
  private running = false;

  constructor(
    private readonly maxBatch: number,
    private readonly work: (items: T[]) => Promise<void>,
    private readonly options: { failTogether?: boolean } = {},
  ) {}

  /** Settles when the batch that carried `item` has committed, or with that item's own error. */
  add(item: T): Promise<void> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ item, resolve, reject });
      if (!this.running) void this.drain();
    });
  }

  private async drain(): Promise<void> {
    this.running = true;
    while (this.waiting.length) {
      const batch = this.waiting.splice(0, this.maxBatch);
      try {
        await this.work(batch.map((w) => w.item));
        batch.forEach((w) => w.resolve());
      } catch (error) {
        if (batch.length === 1 || this.options.failTogether) batch.forEach((w) => w.reject(error));
        else for (const w of batch) await this.work([w.item]).then(w.resolve, w.reject);
      }
    }
    this.running = false;
  }
}

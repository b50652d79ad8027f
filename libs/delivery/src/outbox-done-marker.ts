import { OneTransactionAtATime } from './one-transaction-at-a-time';
import type { OutboxRepository } from './outbox.repository';

/**
 * Marks the rows of handlers without a database effect done once they returned: the calls that
 * arrive while one UPDATE runs go together into the next, one statement for many jobs under load.
 * A failed UPDATE fails all of its jobs and BullMQ retries them: the handlers run again (they are
 * idempotent).
 */
export class OutboxDoneMarker {
  private readonly batches: OneTransactionAtATime<string>;

  constructor(outbox: OutboxRepository) {
    this.batches = new OneTransactionAtATime(500, (jobKeys) => outbox.markDone(jobKeys), {
      failTogether: true,
    });
  }

  mark(jobKey: string): Promise<void> {
    return this.batches.add(jobKey);
  }
}

import type { OutboxRepository } from './outbox.repository';

interface Waiting {
  jobKey: string;
  resolve: () => void;
  reject: (error: unknown) => void;
}

/**
 * Marks the rows of handlers without a database effect done once they returned: the calls that
 * arrive while one UPDATE runs go together into the next, one statement for many jobs under load.
 */
export class OutboxDoneMarker {
  private waiting: Waiting[] = [];
  private running = false;

  constructor(private readonly outbox: OutboxRepository) {}

  mark(jobKey: string): Promise<void> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ jobKey, resolve, reject });
      if (!this.running) void this.drain();
    });
  }

  private async drain(): Promise<void> {
    this.running = true;
    while (this.waiting.length) {
      const batch = this.waiting.splice(0, 500);
      try {
        await this.outbox.markDone(batch.map((w) => w.jobKey));
        batch.forEach((w) => w.resolve());
      } catch (error) {
        // The job fails and BullMQ retries it: the handler runs again (it is idempotent).
        batch.forEach((w) => w.reject(error));
      }
    }
    this.running = false;
  }
}

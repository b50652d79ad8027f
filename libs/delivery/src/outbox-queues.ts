import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { bullPrefix } from '@simpul/queue';
import { OUTBOX_JOB_OPTIONS, outboxJobId } from './job-options';

export interface OutboxJob {
  jobKey: string;
  queue: string;
  name: string;
  data: Record<string, unknown>;
  delayMs: number;
}

/** The BullMQ queues the relay adds to, all on one shared producer connection. */
export class OutboxQueues {
  private readonly queues = new Map<string, Queue>();

  constructor(
    readonly connection: Redis,
    private readonly redisPrefix: string,
  ) {}

  /** Adds the jobs, one atomic bulk per queue; rejects after `timeoutMs` at the latest. */
  async add(jobs: readonly OutboxJob[], timeoutMs: number): Promise<void> {
    const byQueue = new Map<string, OutboxJob[]>();
    for (const job of jobs) byQueue.set(job.queue, [...(byQueue.get(job.queue) ?? []), job]);
    const adds = [...byQueue].map(([queue, queued]) =>
      this.queue(queue).addBulk(
        queued.map((job) => ({
          name: job.name,
          data: job.data,
          opts: { ...OUTBOX_JOB_OPTIONS, jobId: outboxJobId(job.jobKey), delay: job.delayMs },
        })),
      ),
    );
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new Error(`Redis did not take the jobs within ${timeoutMs} ms`)),
        timeoutMs,
      );
    });
    try {
      await Promise.race([Promise.all(adds), timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  async close(): Promise<void> {
    await Promise.all(
      [...this.queues.values()].map((queue) => queue.close().catch(() => undefined)),
    );
    this.queues.clear();
  }

  private queue(name: string): Queue {
    let queue = this.queues.get(name);
    if (!queue) {
      queue = new Queue(name, {
        connection: this.connection,
        prefix: bullPrefix(this.redisPrefix),
      });
      // Outage errors surface through the rejected add; without a listener they would crash the process.
      queue.on('error', () => undefined);
      this.queues.set(name, queue);
    }
    return queue;
  }
}

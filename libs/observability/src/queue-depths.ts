import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { QueueName, bullPrefix, closeRedis, createRedis } from '@simpul/queue';
import { queueJobs } from './metrics';

const STATES = ['waiting', 'active', 'delayed', 'prioritized', 'failed', 'completed'] as const;

/**
 * Reads BullMQ's job counts per queue and state into simpul_queue_jobs when /metrics is scraped.
 * Its own producer connection: it fails fast while Redis is away (the gauge then keeps its last
 * values and the scrape still answers), and never queues behind a worker's blocking commands.
 */
export class QueueDepths {
  private redis: Redis | undefined;
  private queues: Queue[] = [];

  constructor(
    private readonly redisUrl: string,
    private readonly redisPrefix: string,
  ) {}

  async refresh(): Promise<void> {
    if (!this.redis) {
      this.redis = createRedis(this.redisUrl, 'producer');
      this.queues = Object.values(QueueName).map(
        (name) =>
          new Queue(name, { connection: this.redis!, prefix: bullPrefix(this.redisPrefix) }),
      );
    }
    await Promise.all(
      this.queues.map(async (queue) => {
        const counts = await queue.getJobCounts(...STATES);
        for (const state of STATES) queueJobs.set({ queue: queue.name, state }, counts[state] ?? 0);
      }),
    ).catch(() => undefined);
  }

  async close(): Promise<void> {
    const redis = this.redis;
    this.redis = undefined;
    this.queues = [];
    if (redis) await closeRedis(redis);
  }
}

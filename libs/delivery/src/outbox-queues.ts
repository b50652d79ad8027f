import { Queue, type JobState } from 'bullmq';
import type { Redis } from 'ioredis';
import { bullPrefix } from '@simpul/queue';
import { outboxJobOptions } from './job-options';
import { describeError, outboxJobId } from './outbox-job';

export interface OutboxJob {
  /** The outbox row id. */
  id: string;
  jobKey: string;
  queue: string;
  name: string;
  data: Record<string, unknown>;
  delayMs: number;
  /** Dispatched before and not done since: its job may still be in BullMQ, or may be lost. */
  redrive: boolean;
}

/** What became of each row of a batch (row ids). */
export interface RelayOutcome {
  /** Their jobs were added to BullMQ. */
  added: string[];
  /** Re-drives whose job BullMQ still holds (waiting, delayed, running): nothing to add. */
  stillQueued: string[];
  /** BullMQ refused them (a bad queue name, a bad job): row id → error. Redis itself is fine. */
  refused: Map<string, string>;
}

/** Redis cannot be reached (or did not answer in time): nothing in the batch is the row's fault. */
export class RedisUnavailableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RedisUnavailableError';
  }
}

/** States in which BullMQ will still run the job by itself. */
const LIVE_STATES = new Set<JobState | 'unknown'>([
  'waiting',
  'active',
  'delayed',
  'prioritized',
  'waiting-children',
]);

const CONNECTION_TROUBLE =
  /connection is closed|stream isn't writeable|ECONNREFUSED|ECONNRESET|ETIMEDOUT|EPIPE|EHOSTUNREACH|max retries per request/i;

/** The BullMQ queues the relay adds to, all on one shared producer connection. */
export class OutboxQueues {
  private readonly queues = new Map<string, Queue>();

  constructor(
    readonly connection: Redis,
    private readonly redisPrefix: string,
    private readonly webhookRetryBaseMs = 10_000,
  ) {}

  /**
   * Hands a batch of rows to BullMQ, one atomic bulk per queue. A re-drive is first looked up: a
   * job BullMQ still holds is left alone (no second run), a finished or forgotten one is added
   * afresh (BullMQ would otherwise swallow an add whose id it still remembers). Throws
   * RedisUnavailableError when Redis is away or slower than `timeoutMs`; a row BullMQ refuses
   * is reported in `refused` and does not hold up the others.
   */
  async relay(jobs: readonly OutboxJob[], timeoutMs: number): Promise<RelayOutcome> {
    if (this.connection.status !== 'ready') {
      throw new RedisUnavailableError(`Redis connection is ${this.connection.status}`);
    }
    const outcome: RelayOutcome = { added: [], stillQueued: [], refused: new Map() };
    const byQueue = new Map<string, OutboxJob[]>();
    for (const job of jobs) byQueue.set(job.queue, [...(byQueue.get(job.queue) ?? []), job]);
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () =>
          reject(new RedisUnavailableError(`Redis did not take the jobs within ${timeoutMs} ms`)),
        timeoutMs,
      );
    });
    try {
      await Promise.race([
        Promise.all([...byQueue].map(([queue, queued]) => this.relayTo(queue, queued, outcome))),
        timeout,
      ]);
    } catch (error) {
      if (error instanceof RedisUnavailableError) throw error;
      throw new RedisUnavailableError(describeError(error));
    } finally {
      clearTimeout(timer);
    }
    return outcome;
  }

  async close(): Promise<void> {
    await Promise.all(
      [...this.queues.values()].map((queue) => queue.close().catch(() => undefined)),
    );
    this.queues.clear();
  }

  private async relayTo(name: string, jobs: OutboxJob[], outcome: RelayOutcome): Promise<void> {
    let queue: Queue;
    try {
      queue = this.queue(name);
    } catch (error) {
      // BullMQ refuses the queue name itself (e.g. one with a ':'): every row of it is refused.
      for (const job of jobs) outcome.refused.set(job.id, describeError(error));
      return;
    }
    const toAdd: OutboxJob[] = [];
    await Promise.all(
      jobs.map(async (job) => {
        if (!job.redrive) return void toAdd.push(job);
        const jobId = outboxJobId(job.jobKey);
        try {
          const state = await this.guard(queue.getJobState(jobId));
          if (LIVE_STATES.has(state)) return void outcome.stillQueued.push(job.id);
          // Completed or failed, yet the row is not done (a failure, a restored database): run anew.
          if (state !== 'unknown') await this.guard(queue.remove(jobId));
          toAdd.push(job);
        } catch (error) {
          if (error instanceof RedisUnavailableError) throw error;
          outcome.refused.set(job.id, describeError(error));
        }
      }),
    );
    if (!toAdd.length) return;
    try {
      await this.guard(queue.addBulk(toAdd.map((job) => this.bulkJob(job))));
      outcome.added.push(...toAdd.map((job) => job.id));
    } catch (error) {
      if (error instanceof RedisUnavailableError) throw error;
      // One bad job must not stop the others: add each on its own to find it.
      for (const job of toAdd) {
        try {
          const { name: jobName, data, opts } = this.bulkJob(job);
          await this.guard(queue.add(jobName, data, opts));
          outcome.added.push(job.id);
        } catch (single) {
          if (single instanceof RedisUnavailableError) throw single;
          outcome.refused.set(job.id, describeError(single));
        }
      }
    }
  }

  private bulkJob(job: OutboxJob) {
    return {
      name: job.name,
      data: job.data,
      opts: {
        ...outboxJobOptions(job.name, this.webhookRetryBaseMs),
        jobId: outboxJobId(job.jobKey),
        delay: job.delayMs,
      },
    };
  }

  /** Tells an outage (nothing the row can help) from BullMQ refusing the row. */
  private async guard<T>(work: Promise<T>): Promise<T> {
    try {
      return await work;
    } catch (error) {
      if (this.connection.status !== 'ready' || CONNECTION_TROUBLE.test(describeError(error))) {
        throw new RedisUnavailableError(describeError(error));
      }
      throw error;
    }
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

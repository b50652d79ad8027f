import {
  Inject,
  Injectable,
  Logger,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { DiscoveryService, Reflector } from '@nestjs/core';
import { UnrecoverableError, Worker, type Job } from 'bullmq';
import type { Redis } from 'ioredis';
import { APP_CONFIG, type AppConfig } from '@simpul/config';
import { JOB_QUEUE, QueueName, bullPrefix, closeRedis, createRedis } from '@simpul/queue';
import { jobDuration, jobLatency } from '@simpul/observability';
import { HANDLES_JOB, type JobHandler } from './handles-job.decorator';
import { OutboxDoneMarker } from './outbox-done-marker';
import { OutboxJobRef, describeError, jobKeyOf } from './outbox-job';
import { OutboxRepository } from './outbox.repository';

/**
 * Jobs in hand per queue and worker process. Deliveries are many: the handler folds every job in
 * hand into one transaction (one connection), so the more it holds the larger its batches — a
 * slot count shared with other jobs would cap them. A live-event job holds a connection while it
 * reads its entries (pool of 10).
 */
const CONCURRENCY: Record<QueueName, number> = {
  [QueueName.Delivery]: 64,
  [QueueName.Events]: 4,
  [QueueName.Notifications]: 4,
  // Each holds a socket to a receiver for at most the webhook timeout; slow ones must not starve
  // the others.
  [QueueName.Webhooks]: 16,
  [QueueName.Timers]: 4,
  // A verification reads the whole ledger: one at a time per worker.
  [QueueName.Audit]: 1,
};

/**
 * Runs BullMQ jobs (worker side): one Worker per queue, each job handed to the provider marked
 * `@HandlesJob(job.name)`. Handlers are found among all providers of the application at
 * bootstrap, so a context lib only has to declare its handler as a provider of its module and be
 * imported by the worker module.
 *
 * A job is finished when its outbox row is done: marked by the handler in its own transaction,
 * or here once the handler returned. A job that fails for good in BullMQ (its retries spent)
 * leaves its row not done: the failure is recorded on the row, which the relay dispatches again
 * at once, or parks after `outboxParkAfterFailures` (docs/adr/0009-outbox-done-on-effect.md).
 */
@Injectable()
export class JobDispatcher implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(JobDispatcher.name);
  private handlers = new Map<string, JobHandler>();
  private workers: { worker: Worker; connection: Redis; queue: string }[] = [];
  private readonly doneMarker: OutboxDoneMarker;

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly reflector: Reflector,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly outbox: OutboxRepository,
  ) {
    this.doneMarker = new OutboxDoneMarker(outbox);
  }

  onApplicationBootstrap(): void {
    this.handlers = this.discoverHandlers();
    const unhandled = Object.keys(JOB_QUEUE).filter((name) => !this.handlers.has(name));
    if (unhandled.length) {
      this.logger.warn(`No handler registered for: ${unhandled.join(', ')} (such jobs will fail)`);
    }
    for (const queue of Object.values(QueueName)) {
      // Worker connections wait through an outage (offline queue) and reconnect by themselves.
      const connection = createRedis(this.config.redisUrl, 'worker');
      const worker = new Worker(queue, (job: Job) => this.dispatch(job), {
        connection,
        prefix: bullPrefix(this.config.redisPrefix),
        concurrency: CONCURRENCY[queue],
      });
      worker.on('error', () => undefined); // connection errors during an outage; BullMQ retries
      worker.on('failed', (job, error) => void this.failed(job, error));
      this.workers.push({ worker, connection, queue });
    }
  }

  /**
   * Finishes the jobs in hand before the database goes away (which happens on shutdown proper),
   * but waits for BullMQ no longer than half the shutdown grace: with Redis away its close never
   * ends. A job cut short is not lost: its row is not done, and is dispatched again after its
   * lease (BullMQ also hands a stalled job to another worker).
   */
  async beforeApplicationShutdown(): Promise<void> {
    const workers = this.workers;
    this.workers = [];
    const graceMs = Math.floor(this.config.shutdownGraceMs / 2);
    await Promise.all(
      workers.map(async ({ worker, connection, queue }) => {
        let timer: NodeJS.Timeout | undefined;
        const closed = await Promise.race([
          worker.close().then(
            () => true,
            () => true,
          ),
          new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), graceMs))),
        ]);
        clearTimeout(timer);
        if (!closed) {
          this.logger.warn(
            `BullMQ worker of queue '${queue}' did not close within ${graceMs} ms (Redis away?); closing it by force`,
          );
          // Not awaited: a forced close still talks to Redis, which may never answer.
          worker.close(true).catch(() => undefined);
        }
        await closeRedis(connection);
      }),
    );
  }

  private async dispatch(job: Job): Promise<void> {
    const handler = this.handlers.get(job.name);
    if (!handler) {
      // Loud and final: retrying cannot make a handler appear.
      this.logger.error(
        `No handler for job '${job.name}' (${job.id}); is its module imported by the worker?`,
      );
      throw new UnrecoverableError(`No handler for job '${job.name}'`);
    }
    const ref = new OutboxJobRef(jobKeyOf(job.id));
    const labels = { queue: job.queueName, job: job.name };
    // Due = added + delay; a re-run after a failure counts from its first due time (its backoff).
    const due = job.timestamp + (job.opts.delay ?? 0);
    jobLatency.observe(labels, Math.max(0, (job.processedOn ?? Date.now()) - due) / 1000);
    const stopTimer = jobDuration.startTimer(labels);
    try {
      await handler.handle(job.data as never, ref);
      if (!ref.markedDone && ref.jobKey) await this.doneMarker.mark(ref.jobKey);
      stopTimer({ outcome: 'ok' });
    } catch (error) {
      stopTimer({ outcome: 'error' });
      throw error;
    }
  }

  /** A failed attempt; the last one is recorded on the row, so that the relay takes it up again. */
  private async failed(job: Job | undefined, error: Error): Promise<void> {
    if (!job) return;
    const final =
      error.name === UnrecoverableError.name || job.attemptsMade >= (job.opts.attempts ?? 1);
    this.logger.warn(
      `Job ${job.name} ${job.id} failed (attempt ${job.attemptsMade}${final ? ', the last' : ''}): ${error.message}`,
    );
    const jobKey = jobKeyOf(job.id);
    if (!final || !jobKey) return;
    try {
      const recorded = await this.outbox.recordJobFailure(
        jobKey,
        describeError(error),
        this.config.outboxParkAfterFailures,
      );
      if (recorded?.parked) {
        this.logger.error(
          `Outbox row ${recorded.id} (${recorded.jobName}) parked after ${recorded.failures} failed jobs: ${describeError(error)}`,
        );
      }
    } catch (recordError) {
      // The row stays not done and is dispatched again when its lease runs out.
      this.logger.warn(
        `Could not record the failure of job ${job.id}: ${describeError(recordError)}`,
      );
    }
  }

  private discoverHandlers(): Map<string, JobHandler> {
    const handlers = new Map<string, JobHandler>();
    for (const wrapper of this.discovery.getProviders()) {
      const { metatype } = wrapper;
      const instance: unknown = wrapper.instance;
      if (!metatype || typeof metatype !== 'function') continue;
      const name = this.reflector.get<string | undefined>(HANDLES_JOB, metatype);
      if (!name) continue;
      if (!wrapper.isDependencyTreeStatic() || !instance) {
        throw new Error(`Job handler ${metatype.name} must be a singleton provider`);
      }
      if (typeof (instance as Partial<JobHandler>).handle !== 'function') {
        throw new Error(`Job handler ${metatype.name} has no handle(payload) method`);
      }
      const existing = handlers.get(name);
      if (existing && existing !== instance) {
        throw new Error(
          `Two handlers for job '${name}': ${existing.constructor.name} and ${metatype.name}`,
        );
      }
      handlers.set(name, instance as JobHandler);
    }
    return handlers;
  }
}

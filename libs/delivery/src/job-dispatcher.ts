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
import { HANDLES_JOB, type JobHandler } from './handles-job.decorator';

/**
 * Jobs in hand per queue and worker process. Deliveries are many: the handler folds every job in
 * hand into one transaction (one connection), so the more it holds the larger its batches — a
 * slot count shared with other jobs would cap them. A live-event job holds a connection while it
 * reads its entries (pool of 10).
 */
const CONCURRENCY: Record<QueueName, number> = {
  [QueueName.Delivery]: 64,
  [QueueName.Events]: 4,
};

/**
 * Runs BullMQ jobs (worker side): one Worker per queue, each job handed to the provider marked
 * `@HandlesJob(job.name)`. Handlers are found among all providers of the application at
 * bootstrap, so a context lib only has to declare its handler as a provider of its module and be
 * imported by the worker module.
 */
@Injectable()
export class JobDispatcher implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(JobDispatcher.name);
  private handlers = new Map<string, JobHandler>();
  private workers: { worker: Worker; connection: Redis }[] = [];

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly reflector: Reflector,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

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
      worker.on('failed', (job, error) => {
        this.logger.warn(
          `Job ${job?.name} ${job?.id} failed (attempt ${job?.attemptsMade}): ${error.message}`,
        );
      });
      this.workers.push({ worker, connection });
    }
  }

  /** Finishes the jobs in hand before the database goes away (which happens on shutdown proper). */
  async beforeApplicationShutdown(): Promise<void> {
    const workers = this.workers;
    this.workers = [];
    await Promise.all(
      workers.map(async ({ worker, connection }) => {
        await worker.close().catch(() => undefined);
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
    await handler.handle(job.data as never);
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

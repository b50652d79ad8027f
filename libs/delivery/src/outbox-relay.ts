import {
  Inject,
  Injectable,
  Logger,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '@simpul/config';
import { closeRedis, createRedis, type JobName } from '@simpul/queue';
import { OutboxListener } from './outbox-listener';
import { OutboxQueues } from './outbox-queues';

const BATCH_SIZE = 200;
/** A hung Redis must not hold the batch's row locks (and this relay) forever. */
const ADD_TIMEOUT_MS = 5000;

interface OutboxRow {
  id: string;
  job_key: string;
  queue: string;
  job_name: JobName;
  payload: Record<string, unknown>;
  remaining_delay_ms: number;
}

/**
 * Moves committed outbox rows into BullMQ (worker side). Woken by NOTIFY after each commit and by
 * a sweep every `outboxSweepMs` that re-drives whatever a nudge missed (Redis was down, a relay
 * crashed mid-batch). Each batch is one transaction: rows are locked with SKIP LOCKED so relays
 * in other workers take other rows, added to BullMQ with jobId `outbox-<job_key>` (a re-add of the same
 * row is a no-op), then stamped dispatched. If the add fails the transaction rolls back and the
 * rows wait for the next sweep.
 */
@Injectable()
export class OutboxRelay implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(OutboxRelay.name);
  private listener: OutboxListener | undefined;
  private queues: OutboxQueues | undefined;
  private sweepTimer: NodeJS.Timeout | undefined;
  private draining: Promise<void> | undefined;
  private drainAgain = false;
  private stopped = false;
  private paused = false;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  onApplicationBootstrap(): void {
    // Producer connection: no offline queue, so an add during an outage fails at once.
    this.queues = new OutboxQueues(
      createRedis(this.config.redisUrl, 'producer'),
      this.config.redisPrefix,
    );
    this.listener = new OutboxListener(this.config.databaseUrl, () => this.nudge(), this.logger);
    this.listener.start();
    this.sweepTimer = setInterval(() => this.nudge(), this.config.outboxSweepMs);
    this.nudge();
  }

  /** Drains the outbox soon; calls during a drain fold into one more pass. */
  nudge(): void {
    if (this.stopped) return;
    if (this.draining) {
      this.drainAgain = true;
      return;
    }
    this.draining = this.drain().finally(() => {
      this.draining = undefined;
      if (this.drainAgain) {
        this.drainAgain = false;
        this.nudge();
      }
    });
  }

  /** Resolves when no drain is running (tests wait on it). */
  async idle(): Promise<void> {
    while (this.draining) await this.draining;
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearInterval(this.sweepTimer);
    await this.idle();
    await this.listener?.stop();
    await this.queues?.close();
    if (this.queues) await closeRedis(this.queues.connection);
  }

  private async drain(): Promise<void> {
    try {
      while (!this.stopped && (await this.relayBatch()) === BATCH_SIZE) {
        // a full batch: there may be more
      }
      if (this.paused) this.logger.log('Outbox relay resumed');
      this.paused = false;
    } catch (error) {
      // Logged once per outage, not at every sweep.
      if (!this.paused) {
        this.logger.warn(
          `Outbox relay paused (${(error as Error).message}); retrying every ${this.config.outboxSweepMs} ms`,
        );
      }
      this.paused = true;
    }
  }

  private relayBatch(): Promise<number> {
    const queues = this.queues;
    if (!queues) throw new Error('OutboxRelay used before application bootstrap');
    return this.dataSource.transaction(async (manager: EntityManager) => {
      const rows: OutboxRow[] = await manager.query(
        // The delay counts from the write, so a row relayed late (after an outage) is not delayed twice.
        `SELECT id, job_key, queue, job_name, payload,
                GREATEST(0, delay_ms - FLOOR(EXTRACT(EPOCH FROM (now() - created_at)) * 1000))::int
                  AS remaining_delay_ms
           FROM outbox
          WHERE dispatched_at IS NULL
          ORDER BY id
          LIMIT $1
          FOR UPDATE SKIP LOCKED`,
        [BATCH_SIZE],
      );
      if (rows.length === 0) return 0;
      await queues.add(
        rows.map((row) => ({
          jobKey: row.job_key,
          queue: row.queue,
          name: row.job_name,
          data: row.payload,
          delayMs: row.remaining_delay_ms,
        })),
        ADD_TIMEOUT_MS,
      );
      await manager.query('UPDATE outbox SET dispatched_at = now() WHERE id = ANY($1::bigint[])', [
        rows.map((row) => String(row.id)),
      ]);
      return rows.length;
    });
  }
}

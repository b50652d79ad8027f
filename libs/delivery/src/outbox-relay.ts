import {
  Inject,
  Injectable,
  Logger,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@simpul/config';
import { closeRedis, createRedis } from '@simpul/queue';
import { describeError } from './outbox-job';
import { OutboxListener } from './outbox-listener';
import { OutboxQueues, RedisUnavailableError } from './outbox-queues';
import { OutboxRepository, type RecordedFailure } from './outbox.repository';

const BATCH_SIZE = 200;
/** A hung Redis must not hold this relay forever. */
const ADD_TIMEOUT_MS = 5000;
/**
 * How long a batch stays claimed while it is handed to BullMQ: past the add timeout, so that only
 * a relay that died leaves its claim to run out (its rows are then due again).
 */
const CLAIM_MS = 3 * ADD_TIMEOUT_MS;

/**
 * Moves committed outbox rows into BullMQ (worker side) and keeps at it until each row's job has
 * had its effect (docs/adr/0009-outbox-done-on-effect.md). Woken by NOTIFY after each commit and
 * by a sweep every `outboxSweepMs`.
 *
 * Each batch: due rows — never dispatched, or dispatched and not done when their lease ran out —
 * are claimed in one statement (SKIP LOCKED: relays in other workers take other rows), handed to
 * BullMQ under jobId `outbox-<job_key>` with no row lock held, and leased in one more. The job
 * marks its row done in the transaction of its effect, never waiting for the relay; a row still
 * not done when its lease runs out (Redis lost its jobs, a worker died) is due again and BullMQ is
 * asked whether it still holds the job. When Redis is away the claim is given back and the rows
 * wait for the next sweep; nothing is counted against them. A
 * row BullMQ refuses counts a failure, and after `outboxParkAfterFailures` of them it is parked:
 * set aside with its error until an ADMIN replays it, while the other rows keep flowing.
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
    private readonly outbox: OutboxRepository,
  ) {}

  onApplicationBootstrap(): void {
    // Producer connection: no offline queue, so an add during an outage fails at once.
    this.queues = new OutboxQueues(
      createRedis(this.config.redisUrl, 'producer'),
      this.config.redisPrefix,
      this.config.notifications.webhookRetryBaseMs,
    );
    this.listener = new OutboxListener(
      this.config.database.appUrl,
      () => this.nudge(),
      this.logger,
    );
    this.listener.start();
    this.sweepTimer = setInterval(() => this.nudge(), this.config.outboxSweepMs);
    this.nudge();
    void this.reportParked();
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

  /**
   * Stops taking rows and waits for the batch in hand, which ends within ADD_TIMEOUT_MS when
   * Redis is away (the process's shutdown grace bounds a database that hangs).
   */
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
      let relayed: number;
      do {
        const batch = await this.relayBatch();
        // After the commit, so that the count of parked rows includes this batch's.
        if (batch.failures.length) await this.reportFailures(batch.failures, batch.errors);
        relayed = batch.rows;
      } while (!this.stopped && relayed === BATCH_SIZE); // a full batch: there may be more
      if (this.paused) this.logger.log('Outbox relay resumed');
      this.paused = false;
    } catch (error) {
      // Logged once per outage, not at every sweep.
      if (!this.paused) {
        const cause = error instanceof RedisUnavailableError ? 'Redis' : 'PostgreSQL';
        this.logger.warn(
          `Outbox relay paused (${cause}: ${describeError(error)}); retrying every ${this.config.outboxSweepMs} ms`,
        );
      }
      this.paused = true;
    }
  }

  private async relayBatch(): Promise<{
    rows: number;
    failures: RecordedFailure[];
    errors: Map<string, string>;
  }> {
    const queues = this.queues;
    if (!queues) throw new Error('OutboxRelay used before application bootstrap');
    const rows = await this.outbox.claimDue(BATCH_SIZE, CLAIM_MS);
    if (rows.length === 0) return { rows: 0, failures: [], errors: new Map() };
    let outcome: Awaited<ReturnType<OutboxQueues['relay']>>;
    try {
      outcome = await queues.relay(
        rows.map((row) => ({
          id: String(row.id),
          jobKey: row.job_key,
          queue: row.queue,
          name: row.job_name,
          data: row.payload,
          delayMs: row.remaining_delay_ms,
          redrive: row.redrive,
        })),
        ADD_TIMEOUT_MS,
      );
    } catch (error) {
      // Redis is away: the rows are due again at the next sweep (or when the claim runs out, if
      // PostgreSQL is away too).
      await this.outbox.release(rows.map((row) => String(row.id))).catch(() => undefined);
      throw error;
    }
    await this.outbox.lease(
      [
        ...outcome.added.map((id) => ({ id, added: true })),
        ...outcome.stillQueued.map((id) => ({ id, added: false })),
      ],
      this.config.outboxLeaseMs,
    );
    const recorded = await this.outbox.recordFailures(
      outcome.refused,
      this.config.outboxParkAfterFailures,
      // Tried again at the next sweep, not in this drain's next batch.
      this.config.outboxSweepMs,
    );
    return { rows: rows.length, failures: recorded, errors: outcome.refused };
  }

  private async reportFailures(
    recorded: RecordedFailure[],
    errors: Map<string, string>,
  ): Promise<void> {
    for (const row of recorded) {
      const what = `Outbox row ${row.id} (${row.jobName}) refused by BullMQ (failure ${row.failures} of ${this.config.outboxParkAfterFailures}): ${errors.get(row.id)}`;
      if (row.parked) this.logger.error(`${what}; parked`);
      else this.logger.warn(what);
    }
    if (recorded.some((row) => row.parked)) await this.reportParked();
  }

  /** One line with the number of parked rows, whenever it may have grown and at start. */
  private async reportParked(): Promise<void> {
    try {
      const parked = await this.outbox.parkedCount();
      if (parked > 0) {
        this.logger.error(
          `${parked} outbox row(s) parked: see the parkedOutboxRows query (ADMIN) and replay them with replayOutboxRow once their cause is fixed`,
        );
      }
    } catch {
      // The database is away: the relay's own warning says so.
    }
  }
}

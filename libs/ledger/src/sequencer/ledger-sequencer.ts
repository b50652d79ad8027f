import {
  Inject,
  Injectable,
  Logger,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { Client } from 'pg';
import { APP_CONFIG, type AppConfig } from '@simpul/config';
import { OutboxWriter } from '@simpul/delivery';
import { hasUnsealed, sealBatch } from './seal-batch';
import { LEDGER_WANTED_CHANNEL, SEQUENCER_LOCK_SQL } from './sequencer-lock';

/** Entries sealed per transaction at most: bounds the statement and the time the head is held. */
const BATCH_SIZE = 500;
/** A standby worker tries for the lock this often: the longest the chain waits after a crash. */
const TAKEOVER_POLL_MS = 1000;
/** After a pass that found nothing, the next pass waits 1 ms, then twice as long, up to this. */
const IDLE_MAX_MS = 50;
const RECONNECT_MS = 1000;

/**
 * The ledger sequencer (docs/ledger-format.md, "Appending"). Every worker runs one; the one whose
 * dedicated connection holds the session-level advisory lock seals, the others stand by and try
 * for the lock every TAKEOVER_POLL_MS. The lock lives and dies with that connection: when the
 * leading worker dies, PostgreSQL ends its session, rolls back its half-done batch and frees the
 * lock for the next worker. Batches run on that same connection, so a worker that lost its
 * session cannot seal anything.
 *
 * The leader polls: at once after a batch, backing off to IDLE_MAX_MS when there is nothing to
 * seal, and woken early by a timeline read that waits (LEDGER_WANTED_CHANNEL). Writers never
 * notify — a NOTIFY in every writing transaction would serialise their commits.
 */
@Injectable()
export class LedgerSequencer implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(LedgerSequencer.name);
  private stopped = false;
  private client: Client | undefined;
  private running: Promise<void> | undefined;
  private wake: (() => void) | undefined;
  private leading = false;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly outbox: OutboxWriter,
  ) {}

  onApplicationBootstrap(): void {
    this.running = this.run();
  }

  /** True while this process holds the lock (tests and health reports ask). */
  isLeading(): boolean {
    return this.leading;
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    this.wake?.();
    await this.running;
  }

  private async run(): Promise<void> {
    while (!this.stopped) {
      const client = new Client({
        // Its own role: the only one that may write seq and hashes (ADR 0013).
        connectionString: this.config.database.sequencerUrl,
        application_name: `simpul-ledger-sequencer:${process.pid}`,
        keepAlive: true,
      });
      // A dropped connection surfaces as the failed query below; without a listener it would crash us.
      client.on('error', () => undefined);
      client.on('notification', () => this.wake?.());
      this.client = client;
      try {
        await client.connect();
        // A worker that hangs mid-batch loses its session (and the lock) instead of stalling the chain.
        await client.query(`SET idle_in_transaction_session_timeout = '10s'`);
        if (await this.standBy(client)) await this.lead(client);
      } catch (error) {
        if (!this.stopped) {
          this.logger.warn(
            `Ledger sequencer lost its connection (${(error as Error).message}); reconnecting`,
          );
        }
      } finally {
        if (this.leading) this.logger.log('Ledger sequencer stepped down');
        this.leading = false;
        this.client = undefined;
        await client.end().catch(() => undefined);
      }
      if (!this.stopped) await this.pause(RECONNECT_MS);
    }
  }

  /** Resolves true once this connection holds the lock, false when stopping. */
  private async standBy(client: Client): Promise<boolean> {
    while (!this.stopped) {
      const { rows } = await client.query<{ locked: boolean }>(
        `SELECT ${SEQUENCER_LOCK_SQL} AS locked`,
      );
      if (rows[0].locked) return true;
      await this.pause(TAKEOVER_POLL_MS);
    }
    return false;
  }

  private async lead(client: Client): Promise<void> {
    this.leading = true;
    this.logger.log('Ledger sequencer leading');
    await client.query(`LISTEN ${LEDGER_WANTED_CHANNEL}`);
    let idleMs = 0;
    while (!this.stopped) {
      // Idle, a batch would only lock the head (and spend a transaction id) to find nothing: ask
      // the partial index first, in one cheap statement outside any transaction.
      const sealed =
        idleMs > 0 && !(await hasUnsealed(client))
          ? 0
          : await sealBatch(client, this.outbox, BATCH_SIZE);
      if (sealed > 0) {
        idleMs = 0;
        continue;
      }
      idleMs = Math.min(Math.max(1, idleMs * 2), IDLE_MAX_MS);
      await this.pause(idleMs);
    }
  }

  /** Waits `ms`, or less when woken (a NOTIFY, shutdown). */
  private pause(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.wake = done;
    });
  }
}

import { randomUUID } from 'node:crypto';
import { Injectable, Module } from '@nestjs/common';
import { Test, type TestingModule } from '@nestjs/testing';
import { getDataSourceToken } from '@nestjs/typeorm';
import { UnrecoverableError } from 'bullmq';
import { Client } from 'pg';
import type { DataSource } from 'typeorm';
import { APP_CONFIG, ConfigModule, loadConfig } from '@simpul/config';
import { DatabaseModule, TransactionHost } from '@simpul/database';
import {
  DeliveryWorkerModule,
  HandlesJob,
  OutboxRelay,
  OutboxWriter,
  type JobHandler,
} from '@simpul/delivery';
import { LedgerModule } from '@simpul/ledger';
import { NotificationWorkerModule } from '@simpul/notification';
import { RedisProxy } from '../support/redis-proxy';
import { removeRedisKeys } from '../support/remove-redis-keys';
import { waitForCondition } from '../support/wait-for-condition';

/**
 * Counts the deliveries of the referral ids this file created (other files' leftovers are ignored),
 * and fails on purpose where a test says so.
 */
@Injectable()
@HandlesJob('deliver-referral')
class RecordingDeliveryHandler implements JobHandler<'deliver-referral'> {
  readonly mine = new Set<string>();
  readonly runs = new Map<string, number[]>();
  /** referral id → how many more runs fail (Infinity: all). */
  readonly failing = new Map<string, number>();

  async handle({ referralId }: { referralId: string }): Promise<void> {
    if (!this.mine.has(referralId)) return;
    const failures = this.failing.get(referralId) ?? 0;
    if (failures > 0) {
      this.failing.set(referralId, failures - 1);
      // Unrecoverable: no BullMQ retries, so the job fails for good at once.
      throw new UnrecoverableError('the receiving inbox is broken (test)');
    }
    this.runs.set(referralId, [...(this.runs.get(referralId) ?? []), Date.now()]);
  }

  timesRun = (id: string) => this.runs.get(id)?.length ?? 0;
}

@Module({ providers: [RecordingDeliveryHandler] })
class RecordingModule {}

const SWEEP_MS = 250;
const LEASE_MS = 1000;
const PARK_AFTER = 3;

interface Row {
  id: string;
  dispatched_at: Date | null;
  done_at: Date | null;
  parked_at: Date | null;
  dispatch_count: number;
  failures: number;
  last_error: string | null;
}

describe('delivery: outbox relay and job dispatch', () => {
  const prefix = `${process.env.REDIS_PREFIX}-delivery`;
  let proxy: RedisProxy;
  let moduleRef: TestingModule;
  let dataSource: DataSource;
  let outbox: OutboxWriter;
  let tx: TransactionHost;
  let handler: RecordingDeliveryHandler;

  beforeAll(async () => {
    proxy = await RedisProxy.start(process.env.REDIS_URL!);
    moduleRef = await Test.createTestingModule({
      // LedgerModule and NotificationWorkerModule too, so publish-handoff-events and
      // notify-handoff-events rows left by earlier files find their handlers.
      imports: [
        ConfigModule,
        DatabaseModule,
        DeliveryWorkerModule,
        LedgerModule,
        NotificationWorkerModule,
        RecordingModule,
      ],
    })
      .overrideProvider(APP_CONFIG)
      .useValue({
        ...loadConfig(),
        redisUrl: proxy.url,
        redisPrefix: prefix,
        outboxSweepMs: SWEEP_MS,
        outboxLeaseMs: LEASE_MS,
        outboxParkAfterFailures: PARK_AFTER,
      })
      .compile();
    await moduleRef.init();
    dataSource = moduleRef.get<DataSource>(getDataSourceToken());
    outbox = moduleRef.get(OutboxWriter);
    tx = moduleRef.get(TransactionHost);
    handler = moduleRef.get(RecordingDeliveryHandler);
  });

  afterAll(async () => {
    await moduleRef?.close();
    await proxy?.close();
    await removeRedisKeys(process.env.REDIS_URL!, prefix);
  });

  /** Commits one outbox row per id, each in its own transaction. */
  const send = (ids: string[], delayMs?: number) =>
    Promise.all(
      ids.map((referralId) =>
        tx.run(() => outbox.enqueue('deliver-referral', { referralId }, { delayMs })),
      ),
    );

  const newIds = (n: number) => {
    const ids = Array.from({ length: n }, () => randomUUID());
    ids.forEach((id) => handler.mine.add(id));
    return ids;
  };

  const rowOf = async (referralId: string): Promise<Row> => {
    const [row]: Row[] = await dataSource.query(
      `SELECT id, dispatched_at, done_at, parked_at, dispatch_count, failures, last_error
         FROM outbox WHERE payload->>'referralId' = $1`,
      [referralId],
    );
    return row;
  };

  const notDone = async (ids: string[]): Promise<number> => {
    const [{ count }] = await dataSource.query(
      `SELECT count(*)::int AS count FROM outbox WHERE done_at IS NULL AND payload->>'referralId' = ANY($1)`,
      [ids],
    );
    return count as number;
  };

  const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

  it('relays committed rows to BullMQ, runs each job once and marks its row done', async () => {
    const ids = newIds(20);
    const [rolledBack] = newIds(1);
    await send(ids);
    await expect(
      tx.run(async () => {
        await outbox.enqueue('deliver-referral', { referralId: rolledBack });
        throw new Error('use case failed');
      }),
    ).rejects.toThrow('use case failed');

    await waitForCondition('20 rows done', async () => (await notDone(ids)) === 0);
    expect(ids.map((id) => handler.timesRun(id))).toEqual(ids.map(() => 1));
    // Done rows are never dispatched again, however many sweeps and leases pass.
    await sleep(LEASE_MS + 4 * SWEEP_MS);
    expect(ids.map((id) => handler.timesRun(id))).toEqual(ids.map(() => 1));
    expect((await rowOf(ids[0])).dispatch_count).toBe(1);
    expect(handler.timesRun(rolledBack)).toBe(0);
  });

  it('re-drives a row whose job Redis lost, once its lease runs out', async () => {
    const [id] = newIds(1);
    await send([id], 1500);
    await waitForCondition('row dispatched', async () => (await rowOf(id)).dispatched_at !== null);
    // What a Redis restarted without persistence does: the queued job is gone.
    await removeRedisKeys(process.env.REDIS_URL!, prefix);
    await waitForCondition('the lost job re-driven and run', () => handler.timesRun(id) === 1);
    await waitForCondition('row done', async () => (await rowOf(id)).done_at !== null);
    expect((await rowOf(id)).dispatch_count).toBe(2);
    await sleep(LEASE_MS + 2 * SWEEP_MS);
    expect(handler.timesRun(id)).toBe(1);
  }, 30_000);

  it('does not run a job twice when its lease runs out while BullMQ still holds it', async () => {
    const [id] = newIds(1);
    const written = Date.now();
    await send([id], 2500);
    await waitForCondition('row dispatched', async () => (await rowOf(id)).dispatched_at !== null);
    // The lease runs out early (a long backlog would do the same): the job is still delayed.
    await dataSource.query(
      `UPDATE outbox SET lease_expires_at = now() WHERE payload->>'referralId' = $1`,
      [id],
    );
    await waitForCondition(
      'lease renewed by the re-drive',
      async () =>
        (
          await dataSource.query(
            `SELECT 1 FROM outbox WHERE payload->>'referralId' = $1 AND lease_expires_at > now()`,
            [id],
          )
        ).length === 1,
    );
    expect((await rowOf(id)).dispatch_count).toBe(1);
    await waitForCondition('the delayed delivery', () => handler.timesRun(id) === 1);
    expect(handler.runs.get(id)![0] - written).toBeGreaterThanOrEqual(2400);
    await sleep(LEASE_MS + 2 * SWEEP_MS);
    expect(handler.timesRun(id)).toBe(1);
  }, 30_000);

  it('runs again a row that is not done although BullMQ remembers its job as completed', async () => {
    const [id] = newIds(1);
    await send([id]);
    await waitForCondition('row done', async () => (await rowOf(id)).done_at !== null);
    // A database restored from a backup taken before the job ran: BullMQ would swallow a re-add.
    await dataSource.query(
      `UPDATE outbox SET done_at = NULL, lease_expires_at = now() WHERE payload->>'referralId' = $1`,
      [id],
    );
    await waitForCondition('second run', () => handler.timesRun(id) === 2);
    await waitForCondition('row done again', async () => (await rowOf(id)).done_at !== null);
  });

  it('takes up a job that failed for good, and parks the row after repeated failures', async () => {
    const [flaky, broken, healthy] = newIds(3);
    handler.failing.set(flaky, 2);
    handler.failing.set(broken, Infinity);
    await send([flaky, broken, healthy]);

    await waitForCondition('flaky row done', async () => (await rowOf(flaky)).done_at !== null);
    expect(handler.timesRun(flaky)).toBe(1);
    expect((await rowOf(flaky)).failures).toBe(2);
    expect(handler.timesRun(healthy)).toBe(1);

    await waitForCondition(
      'broken row parked',
      async () => (await rowOf(broken)).parked_at !== null,
    );
    const parked = await rowOf(broken);
    expect(parked.done_at).toBeNull();
    expect(parked.failures).toBe(PARK_AFTER);
    expect(parked.last_error).toBe('UnrecoverableError: the receiving inbox is broken (test)');
    await sleep(LEASE_MS + 2 * SWEEP_MS);
    expect((await rowOf(broken)).failures).toBe(PARK_AFTER); // parked rows are left alone
  }, 30_000);

  it('parks a row BullMQ refuses after a few attempts while the other rows keep flowing', async () => {
    const [poisonId] = newIds(1);
    await dataSource.query(
      `INSERT INTO outbox (queue, job_name, payload) VALUES ('no:such:queue', 'deliver-referral', $1)`,
      [JSON.stringify({ referralId: poisonId })],
    );
    const others = newIds(10);
    await send(others);
    await waitForCondition('others done', async () => (await notDone(others)) === 0);
    await waitForCondition('poison parked', async () => (await rowOf(poisonId)).parked_at !== null);
    const poison = await rowOf(poisonId);
    expect(poison).toMatchObject({
      failures: PARK_AFTER,
      dispatch_count: 0,
      last_error: 'Error: Queue name cannot contain :',
    });
    // Rows written after the poison was parked flow as well.
    const later = newIds(3);
    await send(later);
    await waitForCondition('later rows done', async () => (await notDone(later)) === 0);
    expect(handler.timesRun(poisonId)).toBe(0);
  }, 30_000);

  it('commits outbox rows while Redis is away and relays them once it is back', async () => {
    await proxy.cut();
    const ids = newIds(10);
    const started = Date.now();
    await send(ids);
    expect(Date.now() - started).toBeLessThan(2000); // the write path never waits for Redis

    await sleep(4 * SWEEP_MS); // several sweeps fail and roll back meanwhile
    expect(await notDone(ids)).toBe(10);
    expect(ids.some((id) => handler.timesRun(id) > 0)).toBe(false);
    // An outage is nobody's fault: it counts no failure against the rows.
    expect((await rowOf(ids[0])).failures).toBe(0);

    await proxy.restore();
    await waitForCondition(
      'deliveries after the outage',
      () => ids.every((id) => handler.timesRun(id) === 1),
      20_000,
    );
    await waitForCondition('rows done', async () => (await notDone(ids)) === 0);
  }, 30_000);

  it('delivers a row whose sequence id was used before (a database restored from backup)', async () => {
    const [first] = newIds(1);
    await send([first]);
    await waitForCondition('first row handled', () => handler.timesRun(first) === 1);
    const [{ id }]: { id: string }[] = await dataSource.query(
      `SELECT id FROM outbox WHERE payload->>'referralId' = $1`,
      [first],
    );
    // What a restore does: the row and its id are gone from PostgreSQL, Redis still knows the job.
    // Done as the owner, like a restore: the app's role may not move a sequence (ADR 0013).
    const owner = new Client({ connectionString: loadConfig(process.env).databaseUrl });
    await owner.connect();
    try {
      await owner.query('DELETE FROM outbox WHERE id >= $1', [id]);
      await owner.query(
        `SELECT setval(pg_get_serial_sequence('outbox', 'id'), $1::bigint, false)`,
        [id],
      );
    } finally {
      await owner.end();
    }
    const [again] = newIds(1);
    await send([again]);
    const [{ id: reused }]: { id: string }[] = await dataSource.query(
      `SELECT id FROM outbox WHERE payload->>'referralId' = $1`,
      [again],
    );
    expect(reused).toBe(id);
    await waitForCondition('row with a reused id handled', () => handler.timesRun(again) === 1);
  });

  it('runs a delayed job no earlier than its delay after the write', async () => {
    const [id] = newIds(1);
    const written = Date.now();
    await send([id], 1500);
    await waitForCondition('the delayed delivery', () => handler.timesRun(id) === 1);
    expect(handler.runs.get(id)![0] - written).toBeGreaterThanOrEqual(1400);
    expect(moduleRef.get(OutboxRelay)).toBeDefined();
  });
});

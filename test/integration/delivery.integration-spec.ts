import { randomUUID } from 'node:crypto';
import { Injectable, Module } from '@nestjs/common';
import { Test, type TestingModule } from '@nestjs/testing';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { APP_CONFIG, ConfigModule, loadConfig } from '@simpul/config';
import { DatabaseModule, TransactionHost, type TxHost } from '@simpul/database';
import {
  DeliveryWorkerModule,
  HandlesJob,
  OutboxRelay,
  OutboxWriter,
  type JobHandler,
} from '@simpul/delivery';
import { LedgerModule } from '@simpul/ledger';
import { RedisProxy } from '../support/redis-proxy';
import { removeRedisKeys } from '../support/remove-redis-keys';
import { waitForCondition } from '../support/wait-for-condition';

/** Counts the deliveries of the referral ids this file created (other files' leftovers are ignored). */
@Injectable()
@HandlesJob('deliver-referral')
class RecordingDeliveryHandler implements JobHandler<'deliver-referral'> {
  readonly mine = new Set<string>();
  readonly runs = new Map<string, number[]>();

  async handle({ referralId }: { referralId: string }): Promise<void> {
    if (this.mine.has(referralId))
      this.runs.set(referralId, [...(this.runs.get(referralId) ?? []), Date.now()]);
  }

  timesRun = (id: string) => this.runs.get(id)?.length ?? 0;
}

@Module({ providers: [RecordingDeliveryHandler] })
class RecordingModule {}

const SWEEP_MS = 250;

describe('delivery: outbox relay and job dispatch', () => {
  const prefix = `${process.env.REDIS_PREFIX}-delivery`;
  let proxy: RedisProxy;
  let moduleRef: TestingModule;
  let dataSource: DataSource;
  let outbox: OutboxWriter;
  let txHost: TxHost;
  let handler: RecordingDeliveryHandler;

  beforeAll(async () => {
    proxy = await RedisProxy.start(process.env.REDIS_URL!);
    moduleRef = await Test.createTestingModule({
      // LedgerModule too, so publish-handoff-events rows left by earlier files find their handler.
      imports: [ConfigModule, DatabaseModule, DeliveryWorkerModule, LedgerModule, RecordingModule],
    })
      .overrideProvider(APP_CONFIG)
      .useValue({
        ...loadConfig(),
        redisUrl: proxy.url,
        redisPrefix: prefix,
        outboxSweepMs: SWEEP_MS,
      })
      .compile();
    await moduleRef.init();
    dataSource = moduleRef.get<DataSource>(getDataSourceToken());
    outbox = moduleRef.get(OutboxWriter);
    txHost = moduleRef.get<TxHost>(TransactionHost);
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
        txHost.withTransaction(() =>
          outbox.enqueue('deliver-referral', { referralId }, { delayMs }),
        ),
      ),
    );

  const newIds = (n: number) => {
    const ids = Array.from({ length: n }, () => randomUUID());
    ids.forEach((id) => handler.mine.add(id));
    return ids;
  };

  const undispatched = async (ids: string[]): Promise<number> => {
    const [{ count }] = await dataSource.query(
      `SELECT count(*)::int AS count FROM outbox WHERE dispatched_at IS NULL AND payload->>'referralId' = ANY($1)`,
      [ids],
    );
    return count as number;
  };

  const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

  it('relays committed rows to BullMQ and runs each job exactly once, even when re-driven', async () => {
    const ids = newIds(20);
    const [rolledBack] = newIds(1);
    await send(ids);
    await expect(
      txHost.withTransaction(async () => {
        await outbox.enqueue('deliver-referral', { referralId: rolledBack });
        throw new Error('use case failed');
      }),
    ).rejects.toThrow('use case failed');

    await waitForCondition('20 deliveries', () => ids.every((id) => handler.timesRun(id) === 1));
    // The job can run before the relay's transaction commits dispatched_at: wait for both.
    await waitForCondition('rows marked dispatched', async () => (await undispatched(ids)) === 0);

    // A relay that crashed after adding but before committing leaves rows undispatched: the sweep
    // adds them again under the same jobId, and BullMQ recognises the job.
    const redriven = ids.slice(0, 5);
    await dataSource.query(
      `UPDATE outbox SET dispatched_at = NULL WHERE payload->>'referralId' = ANY($1)`,
      [redriven],
    );
    moduleRef.get(OutboxRelay).nudge();
    await waitForCondition(
      're-driven rows dispatched',
      async () => (await undispatched(redriven)) === 0,
    );
    await sleep(4 * SWEEP_MS);
    expect(ids.map((id) => handler.timesRun(id))).toEqual(ids.map(() => 1));
    expect(handler.timesRun(rolledBack)).toBe(0);
  });

  it('commits outbox rows while Redis is away and relays them once it is back', async () => {
    await proxy.cut();
    const ids = newIds(10);
    const started = Date.now();
    await send(ids);
    expect(Date.now() - started).toBeLessThan(2000); // the write path never waits for Redis

    await sleep(4 * SWEEP_MS); // several sweeps fail and roll back meanwhile
    expect(await undispatched(ids)).toBe(10);
    expect(ids.some((id) => handler.timesRun(id) > 0)).toBe(false);

    await proxy.restore();
    await waitForCondition(
      'deliveries after the outage',
      () => ids.every((id) => handler.timesRun(id) === 1),
      20_000,
    );
    // The job can run before the relay's transaction commits dispatched_at: wait for both.
    await waitForCondition('rows marked dispatched', async () => (await undispatched(ids)) === 0);
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
    await dataSource.query('DELETE FROM outbox WHERE id >= $1', [id]);
    await dataSource.query(
      `SELECT setval(pg_get_serial_sequence('outbox', 'id'), $1::bigint, false)`,
      [id],
    );
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
  });
});

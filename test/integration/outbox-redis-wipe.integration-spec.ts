import type { INestApplicationContext } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { DataSource } from 'typeorm';
import type { Actor } from '@simpul/identity';
import { bootGateway, bootWorker, dataSourceOf } from '../support/boot-in-process';
import { PrivateRedis } from '../support/private-redis';
import { demoActor, openCaseAndSend } from '../support/referral-fixtures';
import { waitForCondition } from '../support/wait-for-condition';

const CLIENTS = 16;
const LEASE_MS = 2000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Losing Redis loses nothing, also after dispatch: sixteen clients send while the worker's Redis —
 * a redis-server of this test's own, without persistence — is SIGKILLed with jobs in it and
 * restarted EMPTY. Every acknowledged referral ends DELIVERED, with exactly one REFERRAL_DELIVERED
 * on the ledger, because an outbox row is done only when its job's effect commits and a row not
 * done within its lease is dispatched again (docs/adr/0009-outbox-done-on-effect.md).
 */
describe('a Redis restarted empty under load', () => {
  let redis: PrivateRedis;
  let gateway: NestFastifyApplication;
  let worker: INestApplicationContext;
  let db: DataSource;

  beforeAll(async () => {
    redis = await PrivateRedis.start();
    const env = {
      REDIS_URL: redis.url,
      OUTBOX_SWEEP_MS: '200',
      OUTBOX_LEASE_MS: String(LEASE_MS),
    };
    gateway = await bootGateway(env);
    worker = await bootWorker(env);
    db = dataSourceOf(gateway);
  }, 60_000);

  afterAll(async () => {
    await worker?.close();
    await gateway?.close();
    await redis?.stop();
  });

  /** deliver-referral rows of this test handed to BullMQ and not done: jobs that live in Redis only. */
  const inRedisOnly = async (fromRow: string): Promise<number> => {
    const [{ count }]: { count: number }[] = await db.query(
      `SELECT count(*)::int AS count FROM outbox
        WHERE id > $1 AND job_name = 'deliver-referral' AND dispatched_at IS NOT NULL AND done_at IS NULL`,
      [fromRow],
    );
    return count;
  };

  it('delivers every acknowledged referral exactly once', async () => {
    const [{ last }]: { last: string }[] = await db.query(
      'SELECT coalesce(max(id), 0)::text AS last FROM outbox',
    );
    const sender: Actor = await demoActor(gateway, 'kbri.phnompenh');
    const acknowledged: string[] = [];
    const failures: string[] = [];
    let sending = true;
    const clients = Array.from({ length: CLIENTS }, async () => {
      while (sending) {
        try {
          const { referral } = await openCaseAndSend(gateway, sender, 'KEMLU-PWNI');
          acknowledged.push(referral.id);
        } catch (error) {
          failures.push((error as Error).message);
        }
      }
    });

    // Under load, wait for jobs that BullMQ holds and nothing else does, then lose them.
    await sleep(500);
    await waitForCondition('jobs only Redis holds', async () => (await inRedisOnly(last)) > 0);
    const lost = await inRedisOnly(last);
    await redis.kill();
    const sentBeforeRestart = acknowledged.length;
    await sleep(1500); // sends go on while Redis is dead
    await redis.restart(); // empty: no RDB, no AOF
    await sleep(1000);
    sending = false;
    await Promise.all(clients);

    expect(lost).toBeGreaterThan(0); // the fault did hit jobs that only Redis held
    expect(failures).toEqual([]); // Redis is never on the write path
    expect(acknowledged.length).toBeGreaterThan(sentBeforeRestart);
    await waitForCondition(
      `all ${acknowledged.length} referrals DELIVERED`,
      async () => {
        const [{ pending }]: { pending: number }[] = await db.query(
          `SELECT count(*)::int AS pending FROM referral
            WHERE id = ANY($1::uuid[]) AND delivery <> 'DELIVERED'`,
          [acknowledged],
        );
        return pending === 0;
      },
      90_000,
      250,
    );
    const delivered: { referral_id: string; entries: number }[] = await db.query(
      `SELECT referral_id, count(*)::int AS entries FROM ledger_entry
        WHERE action = 'REFERRAL_DELIVERED' AND referral_id = ANY($1::uuid[])
        GROUP BY referral_id`,
      [acknowledged],
    );
    expect(delivered).toHaveLength(acknowledged.length);
    expect(delivered.filter((row) => row.entries !== 1)).toEqual([]);
    // Live-event jobs were lost with Redis too: their rows are re-driven and done as well.
    await waitForCondition(
      'every outbox row of the test done',
      async () => {
        const [{ open }]: { open: number }[] = await db.query(
          // Escalation timers armed by the sends are delayed rows, done only when they fire
          // (days from now): every row due now must be done.
          'SELECT count(*)::int AS open FROM outbox WHERE id > $1 AND done_at IS NULL AND delay_ms = 0',
          [last],
        );
        return open === 0;
      },
      30_000,
      250,
    );
  }, 180_000);
});

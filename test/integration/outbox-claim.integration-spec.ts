import { Test, type TestingModule } from '@nestjs/testing';
import { getDataSourceToken } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { ConfigModule } from '@simpul/config';
import { DatabaseModule, TransactionHost } from '@simpul/database';
import { DeliveryModule, OutboxRepository, OutboxWriter } from '@simpul/delivery';

/**
 * The relay claims due rows in one committed statement and hands them to BullMQ holding no lock:
 * a claim keeps other relays off the rows for its time, and runs out if its relay dies.
 */
describe('outbox claims', () => {
  let moduleRef: TestingModule;
  let db: DataSource;
  let outbox: OutboxRepository;

  beforeAll(async () => {
    moduleRef = await Test.createTestingModule({
      imports: [ConfigModule, DatabaseModule, DeliveryModule],
    }).compile();
    await moduleRef.init();
    db = moduleRef.get<DataSource>(getDataSourceToken());
    outbox = moduleRef.get(OutboxRepository);
  });
  afterAll(async () => {
    await moduleRef?.close();
  });

  /** A due row of its own (a delivery of a referral id nobody has). */
  const writeRow = async (): Promise<string> => {
    const referralId = randomUUID();
    await moduleRef
      .get(TransactionHost)
      .run(() => moduleRef.get(OutboxWriter).enqueue('deliver-referral', { referralId }));
    const [{ id }]: { id: string }[] = await db.query(
      `SELECT id::text FROM outbox WHERE payload->>'referralId' = $1`,
      [referralId],
    );
    return id;
  };
  const claimedIds = async (claimMs: number) =>
    (await outbox.claimDue(10_000, claimMs)).map((row) => String(row.id));

  it('keeps a claimed row from other relays until the claim runs out, then it is due again', async () => {
    const id = await writeRow();
    expect(await claimedIds(800)).toContain(id);
    // Committed at once: another relay (another connection) skips it, without waiting.
    expect(await claimedIds(800)).not.toContain(id);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const again = (await outbox.claimDue(10_000, 60_000)).find((row) => String(row.id) === id);
    // Never handed to BullMQ, so not a re-drive; nothing was counted against it.
    expect(again).toMatchObject({ redrive: false, job_name: 'deliver-referral' });
    const [row]: { dispatch_count: number; failures: number }[] = await db.query(
      'SELECT dispatch_count, failures FROM outbox WHERE id = $1',
      [id],
    );
    expect(row).toEqual({ dispatch_count: 0, failures: 0 });
  });

  it('gives a claim back when BullMQ could not be reached: due again at once', async () => {
    const id = await writeRow();
    expect(await claimedIds(60_000)).toContain(id);
    await outbox.release([id]);
    expect(await claimedIds(60_000)).toContain(id);
  });

  it('holds no row lock after claiming: a job marking its row done does not wait', async () => {
    const id = await writeRow();
    expect(await claimedIds(60_000)).toContain(id);
    const marked = await db.transaction(async (manager) => {
      await manager.query("SET LOCAL lock_timeout = '200ms'");
      const [, count]: [unknown, number] = await manager.query(
        'UPDATE outbox SET done_at = now() WHERE id = $1 AND done_at IS NULL',
        [id],
      );
      return count;
    });
    expect(marked).toBe(1);
  });
});

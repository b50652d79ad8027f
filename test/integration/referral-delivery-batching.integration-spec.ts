import { randomUUID } from 'node:crypto';
import type { INestApplicationContext } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { HandoffAction, LedgerReader, verifyChain } from '@simpul/ledger';
import { OutboxJobRef } from '@simpul/delivery';
import { DeliverReferralHandler, DeliveryState, ReferralReader } from '@simpul/referral';
import { bootGateway, bootWorker, dataSourceOf } from '../support/boot-in-process';
import { demoActor, openCaseAndSend } from '../support/referral-fixtures';
import { waitForCondition } from '../support/wait-for-condition';

/**
 * Deliveries that arrive together share one transaction (one chain-head lock for many entries).
 * Racing the worker's own relay with repeated and unknown jobs, every referral is still delivered
 * exactly once and the chain stays whole.
 */
describe('batched delivery', () => {
  let gateway: NestFastifyApplication;
  let worker: INestApplicationContext | undefined;
  beforeAll(async () => {
    gateway = await bootGateway();
  });
  afterAll(async () => {
    await worker?.close();
    await gateway.close();
  });

  it('delivers each referral once, whatever runs concurrently and however often', async () => {
    const sender = await demoActor(gateway, 'kbri.phnompenh');
    const ids: string[] = [];
    for (let i = 0; i < 12; i++)
      ids.push((await openCaseAndSend(gateway, sender, 'KP2MI-PUSAT')).referral.id);

    worker = await bootWorker({ OUTBOX_SWEEP_MS: '100' });
    const handler = worker.get(DeliverReferralHandler);
    const direct = [...ids, ...ids, ids[0].toUpperCase(), randomUUID()].map((referralId) =>
      // Not from the outbox (no job key): nothing to mark done.
      handler.handle({ referralId }, new OutboxJobRef(null)),
    );
    await Promise.all(direct);

    const receiver = await demoActor(gateway, 'kp2mi.pusat');
    const reader = gateway.get(ReferralReader);
    await waitForCondition('all delivered', async () =>
      (await Promise.all(ids.map((id) => reader.byId(receiver, id)))).every(
        (r) => r.delivery === DeliveryState.DELIVERED,
      ),
    );
    // Let the relay's own jobs for these referrals run too: they must find nothing left to do.
    await waitForCondition('outbox done', async () => {
      const [{ pending }]: { pending: number }[] = await dataSourceOf(gateway).query(
        `SELECT count(*)::int AS pending FROM outbox
          WHERE done_at IS NULL AND parked_at IS NULL AND payload->>'referralId' = ANY($1)`,
        [ids],
      );
      return pending === 0;
    });
    await new Promise((resolve) => setTimeout(resolve, 500));

    const entries = await gateway.get(LedgerReader).all();
    const delivered = entries.filter(
      (e) => e.action === HandoffAction.REFERRAL_DELIVERED && ids.includes(e.referralId ?? ''),
    );
    expect(delivered.map((e) => e.referralId).sort()).toEqual([...ids].sort());
    expect(verifyChain(entries)).toEqual({ ok: true });
  }, 60_000);
});

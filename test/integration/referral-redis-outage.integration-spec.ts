import type { INestApplicationContext } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DeliveryState, ReferralReader } from '@simpul/referral';
import { bootGateway, bootWorker } from '../support/boot-in-process';
import { RedisProxy } from '../support/redis-proxy';
import { demoActor, openCaseAndSend } from '../support/referral-fixtures';
import { waitForCondition } from '../support/wait-for-condition';

/**
 * PostgreSQL is the record: with Redis unreachable a referral is still sent (the outbox row
 * commits with it) and it reaches the receiving unit once Redis is back. The outage is played by a
 * TCP proxy in front of the shared Redis; the shared server itself is never stopped.
 */
describe('delivery through a Redis outage', () => {
  let proxy: RedisProxy;
  let gateway: NestFastifyApplication;
  let worker: INestApplicationContext;

  beforeAll(async () => {
    proxy = await RedisProxy.start(process.env.REDIS_URL as string);
    const env = { REDIS_URL: proxy.url, OUTBOX_SWEEP_MS: '200' };
    gateway = await bootGateway(env);
    worker = await bootWorker(env);
  });
  afterAll(async () => {
    await proxy.restore();
    await worker.close();
    await gateway.close();
    await proxy.close();
  });

  it('sends while Redis is down and delivers once it is back', async () => {
    const sender = await demoActor(gateway, 'kbri.phnompenh');
    const receiver = await demoActor(gateway, 'kemlu.pwni');
    const reader = gateway.get(ReferralReader);

    const before = await openCaseAndSend(gateway, sender, 'KEMLU-PWNI');
    await waitForCondition(
      'delivery with Redis up',
      async () =>
        (await reader.byId(receiver, before.referral.id)).delivery === DeliveryState.DELIVERED,
    );

    await proxy.cut();
    const { referral } = await openCaseAndSend(gateway, sender, 'KEMLU-PWNI');
    expect(referral.delivery).toBe(DeliveryState.PENDING);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect((await reader.byId(receiver, referral.id)).delivery).toBe(DeliveryState.PENDING);

    await proxy.restore();
    await waitForCondition(
      'delivery after Redis is back',
      async () => (await reader.byId(receiver, referral.id)).delivery === DeliveryState.DELIVERED,
      30_000,
    );
  }, 60_000);
});

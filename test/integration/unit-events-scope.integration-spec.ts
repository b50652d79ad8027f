import type { INestApplicationContext } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { bootWorker } from '../support/boot-in-process';
import { listenGateway } from '../support/listen-gateway';
import { findUnitIds, loginAs } from '../support/login-as';
import {
  subscribeToUnitEvents,
  waitForHandoffSubscribers,
  type UnitEventStream,
} from '../support/subscribe-to-unit-events';

interface Event {
  action: string;
  referral: { id: string } | null;
}

/** Subscriptions deliver only what the subscriber could query: its own units' events. */
describe('unitEvents reach only the units concerned', () => {
  let gateway: NestFastifyApplication;
  let worker: INestApplicationContext;
  let url: string;
  const streams: UnitEventStream<Event>[] = [];

  beforeAll(async () => {
    ({ app: gateway, url } = await listenGateway());
    worker = await bootWorker();
  });
  afterAll(async () => {
    await Promise.all(streams.map((s) => s.close()));
    await worker.close();
    await gateway.close();
  });

  it('sends a referral’s events to its receiver, not to another unit nor to the auditor', async () => {
    const websocketUrl = url.replace(/^http/, 'ws');
    const subscribe = async (username: string) => {
      const session = await loginAs(url, username);
      const stream = subscribeToUnitEvents<Event>(
        websocketUrl,
        session.token,
        'action referral { id }',
      );
      streams.push(stream);
      return { session, stream };
    };
    const receiver = await subscribe('kemlu.pwni');
    const stranger = await subscribe('lpsk');
    const auditor = await subscribe('auditor');
    await waitForHandoffSubscribers(
      process.env.REDIS_URL as string,
      process.env.REDIS_PREFIX as string,
    );
    // Three subscriptions share one Redis subscription per gateway: give the last ones a moment.
    await new Promise((resolve) => setTimeout(resolve, 300));

    const lead = await loginAs(url, 'kbri.phnompenh');
    const units = await findUnitIds(lead.client);
    const { openCase } = await lead.client.data<{ openCase: { id: string } }>(
      'mutation { openCase(input: { title: "Lingkup peristiwa", exploitationTypes: [OTHER] }) { id } }',
    );
    const { sendReferral } = await lead.client.data<{ sendReferral: { id: string } }>(
      `mutation($input: SendReferralInput!) { sendReferral(input: $input) { id } }`,
      {
        input: {
          caseId: openCase.id,
          toUnitId: units.get('KEMLU-PWNI'),
          services: ['REPATRIATION'],
          priority: 'URGENT',
          summary: 'Pemulangan',
        },
      },
    );
    const ofIt = (event: Event) => event.referral?.id === sendReferral.id;
    await receiver.stream.waitFor((e) => ofIt(e) && e.action === 'REFERRAL_DELIVERED', 15_000);
    expect(receiver.stream.events.filter(ofIt).map((e) => e.action)).toEqual([
      'REFERRAL_SENT',
      'REFERRAL_DELIVERED',
    ]);
    expect(stranger.stream.events.filter(ofIt)).toEqual([]);
    expect(auditor.stream.events.filter(ofIt)).toEqual([]);
  }, 30_000);
});

import type { INestApplicationContext } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { HandoffEventBus, type HandoffEventMessage } from '@simpul/delivery';
import { Redis } from 'ioredis';
import { bootWorker } from '../support/boot-in-process';
import { listenGateway } from '../support/listen-gateway';
import { findUnitIds, loginAs, type Session } from '../support/login-as';
import {
  subscribeToUnitEvents,
  waitForHandoffSubscribers,
  type UnitEventStream,
} from '../support/subscribe-to-unit-events';

interface Event {
  seq: string;
  action: string;
  referral: {
    id: string;
    reference: string;
    status: string;
    priority: string;
    services: string[];
    restricted: boolean;
    summary?: string;
  } | null;
}

const LIGHT = 'seq action referral { id reference status priority services restricted }';
const WITH_TEXT =
  'seq action referral { id status priority restricted ... on Referral { summary } }';

/**
 * Live events carry their referral (codes, ids, dates, no free text) from the worker, so a
 * subscriber is answered without a read per event — and still only with what it may see.
 */
describe('unitEvents answer from the referral the worker attached', () => {
  let gateway: NestFastifyApplication;
  let worker: INestApplicationContext;
  let url: string;
  const streams: UnitEventStream<Event>[] = [];
  let lead: Session;
  let units: Map<string, string>;

  const subscribe = async (username: string, selection: string) => {
    const session = await loginAs(url, username);
    const stream = subscribeToUnitEvents<Event>(
      url.replace(/^http/, 'ws'),
      session.token,
      selection,
    );
    streams.push(stream);
    return stream;
  };

  const send = async (caseId: string, toUnitCode: string, extra: Record<string, unknown> = {}) => {
    const { sendReferral } = await lead.client.data<{ sendReferral: { id: string } }>(
      `mutation($input: SendReferralInput!) { sendReferral(input: $input) { id } }`,
      {
        input: {
          caseId,
          toUnitId: units.get(toUnitCode),
          services: ['REPATRIATION'],
          priority: 'URGENT',
          summary: 'Ringkasan yang hanya dibaca dari basis data',
          ...extra,
        },
      },
    );
    return sendReferral.id;
  };

  beforeAll(async () => {
    ({ app: gateway, url } = await listenGateway());
    worker = await bootWorker();
    lead = await loginAs(url, 'kbri.phnompenh');
    units = await findUnitIds(lead.client);
  });
  afterAll(async () => {
    await Promise.all(streams.map((s) => s.close()));
    await worker.close();
    await gateway.close();
  });

  it('answers the sides from the attached referral, the text from PostgreSQL, other units nothing', async () => {
    const light = await subscribe('kemlu.pwni', LIGHT);
    const withText = await subscribe('kemlu.pwni', WITH_TEXT);
    // A party of the case through another referral.
    const party = await subscribe('uptdppa.ntt', LIGHT);
    await waitForHandoffSubscribers(
      process.env.REDIS_URL as string,
      process.env.REDIS_PREFIX as string,
    );
    await new Promise((resolve) => setTimeout(resolve, 300));

    const { openCase } = await lead.client.data<{ openCase: { id: string } }>(
      'mutation { openCase(input: { title: "Peristiwa langsung", exploitationTypes: [OTHER] }) { id } }',
    );
    const own = await send(openCase.id, 'UPTDPPA-NTT');
    const open = await send(openCase.id, 'KEMLU-PWNI');
    const secret = await send(openCase.id, 'KEMLU-PWNI', { confidential: true });
    const delivered = (stream: UnitEventStream<Event>, id: string) =>
      stream.waitFor((e) => e.referral?.id === id && e.action === 'REFERRAL_DELIVERED', 15_000);

    const seen = await delivered(light, open);
    expect(seen.referral).toMatchObject({
      status: 'REQUESTED',
      priority: 'URGENT',
      restricted: false,
    });
    expect(seen.referral?.services).toEqual(['REPATRIATION']);
    expect(seen.referral?.reference).toMatch(/^RJK-/);
    expect((await delivered(withText, open)).referral?.summary).toBe(
      'Ringkasan yang hanya dibaca dari basis data',
    );
    await delivered(light, secret);
    await delivered(party, own);
    // Another party's inbox carries only its own units' events: none of the others' referrals.
    expect(
      party.events.filter((e) => e.referral?.id === open || e.referral?.id === secret),
    ).toEqual([]);
  }, 30_000);

  it('does not read the referral per event: what the worker attached is what subscribers get', async () => {
    const light = await subscribe('kemlu.pwni', LIGHT);
    const withText = await subscribe('kemlu.pwni', WITH_TEXT);
    const channel = worker.get(HandoffEventBus).channel;
    // Listens beside the gateways, to catch a message exactly as the worker published it (a
    // sealed batch's messages travel together, as an array).
    const listener = new Redis(process.env.REDIS_URL as string);
    const publisher = new Redis(process.env.REDIS_URL as string);
    const published: HandoffEventMessage[] = [];
    listener.on('message', (_channel: string, text: string) =>
      published.push(...(JSON.parse(text) as HandoffEventMessage[])),
    );
    await listener.subscribe(channel);
    await waitForHandoffSubscribers(
      process.env.REDIS_URL as string,
      process.env.REDIS_PREFIX as string,
    );
    await new Promise((resolve) => setTimeout(resolve, 300));
    try {
      const { openCase } = await lead.client.data<{ openCase: { id: string } }>(
        'mutation { openCase(input: { title: "Peristiwa tiruan", exploitationTypes: [OTHER] }) { id } }',
      );
      const id = await send(openCase.id, 'KEMLU-PWNI');
      await light.waitFor(
        (e) => e.referral?.id === id && e.action === 'REFERRAL_DELIVERED',
        15_000,
      );
      const sent = published.find((m) => m.referralId === id && m.action === 'REFERRAL_SENT');
      const attached = sent?.attached?.referral as
        { priority: string; summary?: string } | undefined;
      expect(attached?.priority).toBe('URGENT');
      // No free text travels: the summary stays in PostgreSQL.
      expect(attached && 'summary' in attached).toBe(false);

      // The same entry again under a new seq, its attached referral marked EMERGENCY where the
      // row says URGENT: a subscriber that selected no text gets the marker (no read), one that
      // selected the summary gets the row (a read).
      const seq = '900000000000';
      const replay = {
        ...sent,
        seq,
        attached: { referral: { ...attached, priority: 'EMERGENCY' } },
      };
      await publisher.publish(channel, JSON.stringify([replay]));
      expect((await light.waitFor((e) => e.seq === seq, 15_000)).referral?.priority).toBe(
        'EMERGENCY',
      );
      const fromRow = await withText.waitFor((e) => e.seq === seq, 15_000);
      expect(fromRow.referral?.priority).toBe('URGENT');
      expect(fromRow.referral?.summary).toBe('Ringkasan yang hanya dibaca dari basis data');
    } finally {
      listener.disconnect();
      publisher.disconnect();
    }
  }, 30_000);
});

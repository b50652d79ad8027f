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
  const streams: Pick<UnitEventStream<unknown>, 'close'>[] = [];

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

  it('sends an alert’s note only to who reads the alert: not in full to the auditor, not to an ADMIN, not to a supervisor’s home unit', async () => {
    interface AlertEvent {
      action: string;
      note: string | null;
      actor: { id: string } | null;
      hashed: { alertId: string | null } | null;
    }
    const websocketUrl = url.replace(/^http/, 'ws');
    const subscribe = async (username: string) => {
      const session = await loginAs(url, username);
      const stream = subscribeToUnitEvents<AlertEvent>(
        websocketUrl,
        session.token,
        'action note actor { id } hashed { alertId }',
      );
      streams.push(stream);
      return stream;
    };
    const admin = await loginAs(url, 'admin');
    const units = await findUnitIds(admin.client);
    // An ADMIN routes OTHER alerts to its own unit and to KP2MI-PUSAT — a unit of the agency
    // bp3mi.ntt.kepala supervises from BP3MI-NTT; the rest falls back to GT-PUSAT, the auditor's unit.
    await admin.client.data(
      `mutation($input: AlertRoutingRuleInput!) { createAlertRoutingRule(input: $input) { id } }`,
      {
        input: {
          name: 'Lingkup peringatan',
          alertTypes: ['OTHER'],
          regionCode: '91',
          unitIds: [units.get('SIMPUL-ADMIN'), units.get('KP2MI-PUSAT')],
        },
      },
    );
    const raiser = await subscribe('polda.ntt');
    const auditor = await subscribe('auditor');
    const administrator = await subscribe('admin');
    const homeDesk = await subscribe('bp3mi.ntt');
    await waitForHandoffSubscribers(
      process.env.REDIS_URL as string,
      process.env.REDIS_PREFIX as string,
    );
    await new Promise((resolve) => setTimeout(resolve, 300));

    const polda = await loginAs(url, 'polda.ntt');
    const supervisor = await loginAs(url, 'bp3mi.ntt.kepala');
    const raise = (regionCode: string) =>
      polda.client
        .data<{ raiseAlert: { id: string } }>(
          `mutation($input: RaiseAlertInput!) { raiseAlert(input: $input) { id } }`,
          { input: { type: 'OTHER', severity: 'LOW', regionCode, summary: 'Lingkup' } },
        )
        .then((r) => r.raiseAlert.id);
    const routed = await raise('91');
    const fallback = await raise('92');
    const routedNote = 'Catatan penyelesaian rahasia (dirutekan)';
    const fallbackNote = 'Catatan penyelesaian rahasia (GT-PUSAT)';
    // The supervisor resolves for KP2MI-PUSAT: the entry comes from its home unit, BP3MI-NTT.
    await supervisor.client.data(
      `mutation($id: ID!, $note: String!) { resolveAlert(id: $id, note: $note) { id } }`,
      {
        id: routed,
        note: routedNote,
      },
    );
    await polda.client.data(
      `mutation($id: ID!, $note: String!) { resolveAlert(id: $id, note: $note) { id } }`,
      {
        id: fallback,
        note: fallbackNote,
      },
    );
    await raiser.waitFor((e) => e.note === routedNote);
    await raiser.waitFor((e) => e.note === fallbackNote);
    // The auditor reads every alert without its text: the resolution reaches it, without the note.
    const resolved = await auditor.waitFor(
      (e) => e.action === 'ALERT_RESOLVED' && e.hashed?.alertId === fallback,
    );
    expect(resolved.note).toBeNull();
    // Give the other subscribers time to receive what they should not.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const notes = (stream: UnitEventStream<AlertEvent>) =>
      stream.events.map((e) => e.note).filter((note) => note?.startsWith('Catatan penyelesaian'));
    expect(notes(auditor)).toEqual([]);
    expect(notes(administrator)).toEqual([]);
    expect(administrator.events.filter((e) => e.hashed?.alertId === routed)).toEqual([]);
    expect(notes(homeDesk)).toEqual([]);
    expect(homeDesk.events.filter((e) => e.action.startsWith('ALERT_'))).toEqual([]);
  }, 45_000);
});

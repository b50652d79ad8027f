import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { CLOCK, type AdjustableClock } from '@simpul/config';
import { listenGateway } from '../support/listen-gateway';
import { findUnitIds, loginAs } from '../support/login-as';

/**
 * The gateway under a moved test clock (SIMPUL_CLOCK_AT, README "Deadlines and escalation"). An
 * alert's times come from one clock — the process's Clock, which raises it and escalates it — so
 * an acknowledgement or a closing never reads earlier than the raise. Every GraphQL response
 * announces that clock (x-simpul-clock), the one deadlines, `sla` and `overdue` are computed on,
 * so the console counts "time left" on it — not on a browser clock that may run wrong, nor on the
 * system clock. Static files never carry it: a cached copy would announce a stale time. A case
 * is opened and closed on that clock too, so its referrals are never sent before it was opened nor
 * closed after it was closed, and its number carries the clock's year as theirs do.
 */
describe('the gateway under a moved clock', () => {
  let gateway: NestFastifyApplication;
  let url: string;

  beforeAll(async () => {
    ({ app: gateway, url } = await listenGateway());
  });

  afterAll(async () => {
    await gateway?.close();
  });

  it('stamps raise, acknowledgement and resolution on the same clock', async () => {
    const clock = gateway.get<AdjustableClock>(CLOCK);
    clock.set(new Date('2027-03-09T02:00:00.000Z')); // months ahead of the system clock
    const police = await loginAs(url, 'polda.ntt');
    const desk = await loginAs(url, 'bp3mi.ntt');
    const { raiseAlert } = await police.client.data<{
      raiseAlert: { id: string; raisedAt: string };
    }>(
      `mutation { raiseAlert(input: { type: SUSPECTED_TRAFFICKING, severity: MEDIUM, regionCode: "53",
         summary: "Penampungan calon PMI", exploitationTypes: [FORCED_LABOUR] }) { id raisedAt } }`,
    );
    const { acknowledgeAlert } = await desk.client.data<{
      acknowledgeAlert: { acknowledgedAt: string };
    }>(`mutation($id: ID!) { acknowledgeAlert(id: $id) { acknowledgedAt } }`, {
      id: raiseAlert.id,
    });
    const { resolveAlert } = await desk.client.data<{ resolveAlert: { closedAt: string } }>(
      `mutation($id: ID!) { resolveAlert(id: $id, note: "Ditangani") { closedAt } }`,
      { id: raiseAlert.id },
    );
    const raised = Date.parse(raiseAlert.raisedAt);
    const acknowledged = Date.parse(acknowledgeAlert.acknowledgedAt);
    const closed = Date.parse(resolveAlert.closedAt);
    expect(raised).toBeGreaterThanOrEqual(Date.parse('2027-03-09T02:00:00.000Z'));
    expect(acknowledged).toBeGreaterThanOrEqual(raised);
    expect(closed).toBeGreaterThanOrEqual(acknowledged);
    expect(closed).toBeLessThanOrEqual(clock.now().getTime());
  });

  it('opens and closes a case on the clock its referrals are sent and closed on', async () => {
    const clock = gateway.get<AdjustableClock>(CLOCK);
    clock.set(new Date('2027-03-09T02:00:00.000Z'));
    const kbri = await loginAs(url, 'kbri.phnompenh');
    const units = await findUnitIds(kbri.client);
    const open = async () =>
      (
        await kbri.client.data<{ openCase: { id: string; reference: string; openedAt: string } }>(
          `mutation { openCase(input: { title: "Calon PMI non-prosedural", exploitationTypes: [FORCED_LABOUR],
             regionCode: "53" }) { id reference openedAt } }`,
        )
      ).openCase;
    const opened = await open();
    const { sendReferral } = await kbri.client.data<{
      sendReferral: { id: string; reference: string; sentAt: string; version: number };
    }>(
      `mutation($input: SendReferralInput!) { sendReferral(input: $input) { id reference sentAt version } }`,
      {
        input: {
          caseId: opened.id,
          toUnitId: units.get('BP3MI-NTT'),
          services: ['REINTEGRATION'],
          priority: 'ROUTINE',
          summary: 'Mohon pendampingan',
        },
      },
    );
    expect(Date.parse(opened.openedAt)).toBeGreaterThanOrEqual(
      Date.parse('2027-03-09T02:00:00.000Z'),
    );
    expect(Date.parse(sendReferral.sentAt)).toBeGreaterThanOrEqual(Date.parse(opened.openedAt));
    expect(opened.reference).toMatch(/^TPPO-2027-/);
    expect(sendReferral.reference).toMatch(/^RJK-2027-/);

    const { cancelReferral } = await kbri.client.data<{ cancelReferral: { closedAt: string } }>(
      `mutation($id: ID!) { cancelReferral(id: $id, note: "Salah alamat") { closedAt } }`,
      { id: sendReferral.id },
    );
    const { closeCase } = await kbri.client.data<{ closeCase: { closedAt: string } }>(
      `mutation($id: ID!) { closeCase(id: $id, note: "Selesai") { closedAt } }`,
      { id: opened.id },
    );
    expect(Date.parse(closeCase.closedAt)).toBeGreaterThanOrEqual(
      Date.parse(cancelReferral.closedAt),
    );
    expect(Date.parse(closeCase.closedAt)).toBeLessThanOrEqual(clock.now().getTime());
  });

  it('announces the Clock, moved or not, on /graphql only', async () => {
    const clock = gateway.get<AdjustableClock>(CLOCK);
    clock.set(new Date('2027-03-09T02:00:00.000Z'));
    const before = clock.now().getTime();
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    const announced = Date.parse(response.headers.get('x-simpul-clock') ?? '');
    expect(announced).toBeGreaterThanOrEqual(before);
    expect(announced).toBeLessThanOrEqual(clock.now().getTime());

    // An error answer carries it too: the console reads it from whatever came back.
    const refused = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ nonsense }' }),
    });
    expect(refused.headers.get('x-simpul-clock')).toMatch(/^2027-03-09T/);

    const health = await fetch(new URL('/health/live', url));
    expect(health.headers.get('x-simpul-clock')).toBeNull();
  });
});

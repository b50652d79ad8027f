import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { CLOCK, type AdjustableClock } from '@simpul/config';
import { listenGateway } from '../support/listen-gateway';
import { loginAs } from '../support/login-as';

/**
 * An alert's times come from one clock — the process's Clock, which raises it and escalates it —
 * so under a moved test clock (SIMPUL_CLOCK_AT, README "Deadlines and escalation") an
 * acknowledgement or a closing never reads earlier than the raise.
 */
describe('alert times under a moved clock', () => {
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
});

import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { DataSource } from 'typeorm';
import { AlertType, RaiseAlertUseCase, Severity } from '@simpul/alert';
import { startClockedProcesses, type ClockedProcesses } from '../support/clocked-processes';
import { errorCodeOf, type GraphqlClient } from '../support/graphql-client';
import { loginAs } from '../support/login-as';
import { demoActor } from '../support/referral-fixtures';

const ALERT = `query($id: ID!) { alert(id: $id) {
  id summary restricted status escalationLevel
  myDelivery { id }
  myEscalation { level acknowledgedAt unit { code } }
  escalations { level unit { code } acknowledgedAt acknowledgedBy { username } alert { id } }
} }`;
const ALERTS = `query($acknowledged: Boolean, $unitId: ID) {
  alerts(first: 100, acknowledged: $acknowledged, unitId: $unitId) { edges { node { id } } }
}`;
const ACK_ESCALATION = `mutation($id: ID!) { acknowledgeAlertEscalation(id: $id) {
  level acknowledgedAt acknowledgedBy { username } unit { code } alert { id status }
} }`;

interface AlertData {
  alert: {
    summary: string;
    restricted: boolean;
    status: string;
    escalationLevel: number;
    myDelivery: unknown;
    myEscalation: { level: number; acknowledgedAt: string | null; unit: { code: string } } | null;
    escalations: { level: number; unit: { code: string }; acknowledgedAt: string | null }[];
  };
}

/**
 * The units an unacknowledged alert escalates to (docs/access-model.md, "Alerts") can open it —
 * what their notification links to — and acknowledge it, driven by the real ladder: an NTT alert
 * reaches KP2MI-PUSAT (BP3MI-NTT's head unit) at level 2, 22.5 minutes after it is raised. Before
 * that, a KP2MI-PUSAT desk does not see it at all.
 */
describe('a unit an alert escalated to', () => {
  let processes: ClockedProcesses;
  let gateway: NestFastifyApplication;
  let db: DataSource;
  let url: string;

  beforeAll(async () => {
    processes = await startClockedProcesses();
    ({ gateway, db } = processes);
    await gateway.listen(0, '127.0.0.1');
    url = `${(await gateway.getUrl()).replace('[::1]', '127.0.0.1')}/graphql`;
  }, 120_000);

  afterAll(() => processes?.stop());

  const at = (start: Date, minutes: number) =>
    new Date(start.getTime() + minutes * 60_000).toISOString();
  /** Signed in afresh at the clocks' time, so no token outlives the minutes the test skips. */
  const as = async (username: string): Promise<GraphqlClient> =>
    (await loginAs(url, username)).client;
  const listed = async (client: GraphqlClient, id: string, variables = {}) => {
    const { alerts } = await client.data<{ alerts: { edges: { node: { id: string } }[] } }>(
      ALERTS,
      variables,
    );
    return alerts.edges.some((edge) => edge.node.id === id);
  };

  it('reads it, lists it and acknowledges it once the alert climbed to it, and only then', async () => {
    processes.setClocks('2026-12-03T02:00:00.000Z');
    const police = await demoActor(gateway, 'polda.ntt');
    const alert = await gateway.get(RaiseAlertUseCase).execute(police, {
      type: AlertType.SUSPECTED_TRAFFICKING,
      severity: Severity.CRITICAL,
      summary: 'Penampungan calon pekerja di Oesapa',
      regionCode: '53',
    });
    const [{ id: headUnitId }]: { id: string }[] = await db.query(
      `SELECT id FROM unit WHERE code = 'KP2MI-PUSAT'`,
    );

    // Level 1 (15 minutes) tells the receiving desks' supervisors: not yet the head unit.
    processes.setClocks(at(alert.raisedAt, 16));
    await processes.sweep();
    await processes.sweep();
    let headUnit = await as('kp2mi.pusat');
    expect(errorCodeOf(await headUnit.request(ALERT, { id: alert.id }))).toBe('NOT_FOUND');
    expect(await listed(headUnit, alert.id)).toBe(false);

    // Level 2 (22.5 minutes) reaches KP2MI-PUSAT.
    processes.setClocks(at(alert.raisedAt, 23));
    await processes.sweep();
    await processes.sweep();
    headUnit = await as('kp2mi.pusat');
    const { alert: seen } = await headUnit.data<AlertData>(ALERT, { id: alert.id });
    expect(seen).toMatchObject({
      summary: 'Penampungan calon pekerja di Oesapa',
      restricted: false,
      status: 'RAISED',
      escalationLevel: 2,
      myDelivery: null,
      myEscalation: { level: 2, acknowledgedAt: null, unit: { code: 'KP2MI-PUSAT' } },
    });
    expect(seen.escalations.map((e) => `${e.level} ${e.unit.code}`)).toEqual(
      expect.arrayContaining(['1 BP3MI-NTT', '2 KP2MI-PUSAT']),
    );
    expect(await listed(headUnit, alert.id)).toBe(true);
    expect(await listed(headUnit, alert.id, { acknowledged: false })).toBe(true);
    expect(await listed(headUnit, alert.id, { unitId: headUnitId })).toBe(true);

    // It acknowledges — which stops the climb — but closing stays with the desks that received it.
    expect(
      errorCodeOf(
        await headUnit.request('mutation($id: ID!) { resolveAlert(id: $id, note: "x") { id } }', {
          id: alert.id,
        }),
      ),
    ).toBe('FORBIDDEN');
    expect(
      errorCodeOf(
        await headUnit.request('mutation($id: ID!) { acknowledgeAlert(id: $id) { id } }', {
          id: alert.id,
        }),
      ),
    ).toBe('FORBIDDEN');
    const { acknowledgeAlertEscalation: acknowledged } = await headUnit.data<{
      acknowledgeAlertEscalation: Record<string, unknown>;
    }>(ACK_ESCALATION, { id: alert.id });
    expect(acknowledged).toMatchObject({
      level: 2,
      acknowledgedBy: { username: 'kp2mi.pusat' },
      unit: { code: 'KP2MI-PUSAT' },
      alert: { id: alert.id, status: 'ACKNOWLEDGED' },
    });
    expect(errorCodeOf(await headUnit.request(ACK_ESCALATION, { id: alert.id }))).toBe('CONFLICT');
    expect(await listed(headUnit, alert.id, { acknowledged: false })).toBe(false);
    expect(await listed(headUnit, alert.id, { acknowledged: true })).toBe(true);
    const [entry]: { from_code: string; actor: string }[] = await db.query(
      `SELECT u.code AS from_code, o.username AS actor FROM ledger_entry e
         JOIN unit u ON u.id = e.from_unit_id JOIN officer o ON o.id = e.actor_id
        WHERE e.alert_id = $1 AND e.action = 'ALERT_ACKNOWLEDGED'`,
      [alert.id],
    );
    expect(entry).toEqual({ from_code: 'KP2MI-PUSAT', actor: 'kp2mi.pusat' });

    // The climb stopped: nothing at 30 minutes.
    processes.setClocks(at(alert.raisedAt, 31));
    await processes.sweep();
    await processes.sweep();
    const [{ escalation_level: level }]: { escalation_level: number }[] = await db.query(
      'SELECT escalation_level FROM alert WHERE id = $1',
      [alert.id],
    );
    expect(level).toBe(2);

    // A unit the alert neither went nor escalated to still does not see it.
    const elsewhere = await as('kemlu.pwni');
    expect(errorCodeOf(await elsewhere.request(ALERT, { id: alert.id }))).toBe('NOT_FOUND');
    expect(await listed(elsewhere, alert.id)).toBe(false);
  }, 120_000);
});

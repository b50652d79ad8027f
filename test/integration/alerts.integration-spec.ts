import type { INestApplicationContext } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { DataSource } from 'typeorm';
import { CLOCK, type AdjustableClock } from '@simpul/config';
import { TimerSweep } from '@simpul/delivery';
import { bootWorker, dataSourceOf } from '../support/boot-in-process';
import { createTestOfficer, TEST_OFFICER_PASSWORD } from '../support/create-test-officer';
import { errorCodeOf } from '../support/graphql-client';
import { listenGateway } from '../support/listen-gateway';
import { findUnitIds, loginAs, type Session } from '../support/login-as';
import {
  subscribeToUnitEvents,
  waitForHandoffSubscribers,
  type UnitEventStream,
} from '../support/subscribe-to-unit-events';
import { waitForCondition } from '../support/wait-for-condition';

const NTT_DESKS = ['BP3MI-NTT', 'GT-NTT', 'POLDA-NTT', 'UPTDPPA-NTT'];
const NTT_OFFICERS: Record<string, string> = {
  'POLDA-NTT': 'polda.ntt',
  'BP3MI-NTT': 'bp3mi.ntt',
  'UPTDPPA-NTT': 'uptdppa.ntt',
  'GT-NTT': 'gugustugas.ntt',
};
/** Police free text: must never reach the ledger, a job or an outbox row. */
const SUMMARY = 'Perekrut bernama Kanari Lelono menampung 9 calon PMI di Oesapa';

const ALERT_FIELDS = `id reference type severity status summary regionCode countryCode restricted version
  closedAt dismissalReason statusNote escalationLevel exploitationTypes
  raisedBy { username } raisedByUnit { code } case { id reference leadUnit { code } }
  deliveries { unit { code } delivery deliveredAt acknowledgedAt acknowledgedBy { username } }
  myDelivery { unit { code } acknowledgedAt }`;

interface Alert {
  id: string;
  reference: string;
  status: string;
  summary: string;
  restricted: boolean;
  version: number;
  statusNote: string | null;
  dismissalReason: string | null;
  case: { id: string; reference: string; leadUnit: { code: string } } | null;
  deliveries: {
    unit: { code: string };
    delivery: string;
    deliveredAt: string | null;
    acknowledgedAt: string | null;
    acknowledgedBy: { username: string } | null;
  }[];
  myDelivery: { unit: { code: string }; acknowledgedAt: string | null } | null;
}

interface Event {
  action: string;
  alert: { id: string; reference: string } | null;
  toUnit: { code: string } | null;
}

const RAISE = `mutation($input: RaiseAlertInput!) { raiseAlert(input: $input) { ${ALERT_FIELDS} } }`;
const ALERT = `query($id: ID!) { alert(id: $id) { ${ALERT_FIELDS} } }`;

describe('alerts: raising, routing, delivery per unit, acknowledging, closing, cases', () => {
  let gateway: NestFastifyApplication;
  let worker: INestApplicationContext;
  let url: string;
  let db: DataSource;
  let units: Map<string, string>;
  const sessions = new Map<string, Session>();
  const streams: UnitEventStream<Event>[] = [];

  const as = async (username: string): Promise<Session> => {
    let session = sessions.get(username);
    if (!session) {
      session = await loginAs(url, username);
      sessions.set(username, session);
    }
    return session;
  };

  const raise = async (username: string, input: Record<string, unknown>) =>
    (await as(username)).client.request<{ raiseAlert: Alert }>(RAISE, { input });

  const nttAlert = async (summary = SUMMARY) => {
    const response = await raise('polda.ntt', {
      type: 'SUSPECTED_TRAFFICKING',
      severity: 'HIGH',
      summary,
      regionCode: '53.71',
      exploitationTypes: ['FORCED_LABOUR'],
    });
    expect(response.errors).toBeUndefined();
    return response.data!.raiseAlert;
  };

  const delivered = (alertId: string, count: number) =>
    waitForCondition(`${count} deliveries of ${alertId}`, async () => {
      const [{ n }]: { n: number }[] = await db.query(
        `SELECT count(*)::int AS n FROM alert_delivery WHERE alert_id = $1 AND delivery = 'DELIVERED'`,
        [alertId],
      );
      return n === count;
    });

  const entriesOf = (
    alertId: string,
  ): Promise<
    {
      action: string;
      from: string | null;
      to: string | null;
      payload: object;
      note_digest: string | null;
      case_id: string | null;
    }[]
  > =>
    db.query(
      `SELECT e.action, f.code AS from, t.code AS to, e.payload, e.note_digest, e.case_id
         FROM ledger_entry e LEFT JOIN unit f ON f.id = e.from_unit_id
         LEFT JOIN unit t ON t.id = e.to_unit_id
        WHERE e.alert_id = $1 ORDER BY e.id`,
      [alertId],
    );

  beforeAll(async () => {
    ({ app: gateway, url } = await listenGateway());
    worker = await bootWorker();
    db = dataSourceOf(gateway);
    units = await findUnitIds((await as('polda.ntt')).client);
    // Files before this one leave work in the run's outbox that no worker ran (the authorization
    // matrix raises alerts and sends referrals without one). Let this worker drain it first, so
    // the 15 s windows below measure this file's deliveries, not the run's backlog.
    await waitForCondition(
      'the outbox backlog of earlier files to drain',
      async () => {
        const [{ n }]: { n: number }[] = await db.query(
          `SELECT count(*)::int AS n FROM outbox
            WHERE done_at IS NULL AND parked_at IS NULL AND delay_ms = 0`,
        );
        return n === 0;
      },
      180_000,
    );
  }, 240_000);

  afterAll(async () => {
    await Promise.all(streams.map((s) => s.close()));
    await worker?.close();
    await gateway?.close();
  });

  it('shows the four NTT desks before raising, reaches them live, and each acknowledges its own delivery', async () => {
    const police = await as('polda.ntt');
    const preview = await police.client.data<{ previewAlertRouting: { code: string }[] }>(
      `query($input: AlertRoutingPreviewInput!) { previewAlertRouting(input: $input) { code } }`,
      { input: { type: 'SUSPECTED_TRAFFICKING', severity: 'LOW', regionCode: '53' } },
    );
    expect(preview.previewAlertRouting.map((u) => u.code)).toEqual(NTT_DESKS);

    const websocketUrl = url.replace(/^http/, 'ws');
    const live = new Map<string, UnitEventStream<Event>>();
    for (const [code, username] of Object.entries(NTT_OFFICERS)) {
      const stream = subscribeToUnitEvents<Event>(
        websocketUrl,
        (await as(username)).token,
        'action alert { id reference } toUnit { code }',
      );
      streams.push(stream);
      live.set(code, stream);
    }
    const stranger = subscribeToUnitEvents<Event>(
      websocketUrl,
      (await as('kemlu.pwni')).token,
      'action alert { id }',
    );
    streams.push(stranger);
    await waitForHandoffSubscribers(process.env.REDIS_URL!, process.env.REDIS_PREFIX!);
    await new Promise((resolve) => setTimeout(resolve, 300));

    const alert = await nttAlert();
    expect(alert).toMatchObject({
      status: 'RAISED',
      summary: SUMMARY,
      restricted: false,
      version: 1,
    });
    expect(alert.reference).toMatch(/^PRG-\d{4}-\d{6}$/);
    expect(alert.deliveries.map((d) => d.unit.code)).toEqual(NTT_DESKS);

    for (const code of NTT_DESKS) {
      const event = await live
        .get(code)!
        .waitFor(
          (e) =>
            e.alert?.id === alert.id && e.action === 'ALERT_DELIVERED' && e.toUnit?.code === code,
          15_000,
        );
      expect(event.alert!.reference).toBe(alert.reference);
    }
    await delivered(alert.id, 4);
    // Each delivery names the alert by code, so notifications can say which and email CRITICAL.
    const deliveredPayloads: { payload: Record<string, unknown> }[] = await db.query(
      `SELECT payload FROM ledger_entry WHERE alert_id = $1 AND action = 'ALERT_DELIVERED'`,
      [alert.id],
    );
    expect(deliveredPayloads).toHaveLength(4);
    for (const { payload } of deliveredPayloads) {
      expect(payload).toMatchObject({ reference: alert.reference, severity: 'HIGH' });
    }

    // Unacknowledged first: each desk finds it among the alerts it has not acknowledged.
    for (const [code, username] of Object.entries(NTT_OFFICERS)) {
      const session = await as(username);
      const { alerts } = await session.client.data<{ alerts: { edges: { node: Alert }[] } }>(
        `query { alerts(acknowledged: false, first: 100) { edges { node { id myDelivery { unit { code } acknowledgedAt } } } } }`,
      );
      const mine = alerts.edges.find((e) => e.node.id === alert.id)?.node;
      expect(mine?.myDelivery).toEqual({ unit: { code }, acknowledgedAt: null });
      const ack = await session.client.request<{
        acknowledgeAlert: {
          unit: { code: string };
          acknowledgedAt: string;
          acknowledgedBy: { username: string };
        };
      }>(
        `mutation($id: ID!) { acknowledgeAlert(id: $id) { unit { code } acknowledgedAt acknowledgedBy { username } } }`,
        { id: alert.id },
      );
      expect(ack.errors).toBeUndefined();
      expect(ack.data!.acknowledgeAlert).toMatchObject({
        unit: { code },
        acknowledgedBy: { username },
      });
      const again = await session.client.request(
        `mutation($id: ID!) { acknowledgeAlert(id: $id) { id } }`,
        { id: alert.id },
      );
      expect(errorCodeOf(again)).toBe('CONFLICT');
      const { alerts: after } = await session.client.data<{
        alerts: { edges: { node: { id: string } }[] };
      }>(`query { alerts(acknowledged: false, first: 100) { edges { node { id } } } }`);
      expect(after.edges.map((e) => e.node.id)).not.toContain(alert.id);
    }

    const { alert: seen } = await police.client.data<{ alert: Alert }>(ALERT, { id: alert.id });
    expect(seen.status).toBe('ACKNOWLEDGED');
    expect(seen.version).toBe(2);
    for (const delivery of seen.deliveries) {
      expect(delivery.delivery).toBe('DELIVERED');
      expect(delivery.deliveredAt).not.toBeNull();
      expect(delivery.acknowledgedAt).not.toBeNull();
      expect(delivery.acknowledgedBy?.username).toBe(NTT_OFFICERS[delivery.unit.code]);
    }

    // The raising desk hears that another acknowledged; a unit the alert did not reach hears nothing.
    await live
      .get('POLDA-NTT')!
      .waitFor(
        (e) =>
          e.alert?.id === alert.id &&
          e.action === 'ALERT_ACKNOWLEDGED' &&
          e.toUnit?.code === 'POLDA-NTT',
      );
    expect(stranger.events.filter((e) => e.alert?.id === alert.id)).toEqual([]);

    // Every step on the ledger, naming the units it concerns; never the summary.
    await waitForCondition('sealed', async () => {
      const [{ n }]: { n: number }[] = await db.query(
        'SELECT count(*)::int AS n FROM ledger_entry WHERE alert_id = $1 AND seq IS NULL',
        [alert.id],
      );
      return n === 0;
    });
    const entries = await entriesOf(alert.id);
    expect(entries.map((e) => e.action)).toEqual([
      'ALERT_RAISED',
      ...NTT_DESKS.map(() => 'ALERT_DELIVERED'),
      ...NTT_DESKS.map(() => 'ALERT_ACKNOWLEDGED'),
    ]);
    expect(entries[0]).toMatchObject({ from: 'POLDA-NTT', to: null, case_id: null });
    expect(
      entries
        .filter((e) => e.action === 'ALERT_DELIVERED')
        .map((e) => e.to)
        .sort(),
    ).toEqual(NTT_DESKS);
    expect(
      entries.filter((e) => e.action === 'ALERT_ACKNOWLEDGED').every((e) => e.to === 'POLDA-NTT'),
    ).toBe(true);
    const stored = JSON.stringify(
      await db.query(
        `SELECT e.payload, n.text FROM ledger_entry e LEFT JOIN handoff_note n ON n.entry_id = e.id WHERE e.alert_id = $1
         UNION ALL SELECT payload, last_error FROM outbox WHERE payload->>'alertId' = $1::text`,
        [alert.id],
      ),
    );
    expect(stored).not.toContain('Kanari');
    expect(stored).not.toContain('Oesapa');
  }, 60_000);

  it('shows an alert only to its units; auditors see it without its text; ADMIN and others never', async () => {
    const alert = await nttAlert();
    const stranger = await (
      await as('kemlu.pwni')
    ).client.request<{ alert: Alert | null }>(ALERT, { id: alert.id });
    expect(errorCodeOf(stranger)).toBe('NOT_FOUND');
    const admin = await (
      await as('admin')
    ).client.request<{ alert: Alert | null }>(ALERT, { id: alert.id });
    expect(errorCodeOf(admin)).toBe('NOT_FOUND');
    const { alerts } = await (
      await as('kemlu.pwni')
    ).client.data<{ alerts: { edges: { node: { id: string } }[] } }>(
      'query { alerts(first: 100) { edges { node { id } } } }',
    );
    expect(alerts.edges.map((e) => e.node.id)).not.toContain(alert.id);

    const auditor = await (
      await as('auditor')
    ).client.data<{ alert: Alert }>(ALERT, { id: alert.id });
    expect(auditor.alert).toMatchObject({ summary: '', restricted: true, statusNote: null });
    expect(auditor.alert.deliveries).toHaveLength(4);
    const acting = await (
      await as('auditor')
    ).client.request(`mutation($id: ID!) { resolveAlert(id: $id, note: "x") { id } }`, {
      id: alert.id,
    });
    expect(errorCodeOf(acting)).toBe('FORBIDDEN');

    // Not even one that reached the auditor's own unit: alerts no rule matches go to GT-PUSAT,
    // where the demo auditor sits — an auditor reads them without their text all the same.
    const fallback = await raise('polda.ntt', {
      type: 'OTHER',
      severity: 'LOW',
      summary: 'Teks peringatan untuk GT-PUSAT',
      regionCode: '94',
    });
    expect(fallback.data?.raiseAlert.deliveries.map((d) => d.unit.code)).toEqual(['GT-PUSAT']);
    const read = await (
      await as('auditor')
    ).client.data<{ alert: Alert }>(ALERT, { id: fallback.data?.raiseAlert.id });
    expect(read.alert).toMatchObject({ summary: '', restricted: true, statusNote: null });
    const listed = await (
      await as('auditor')
    ).client.data<{ alerts: { edges: { node: { id: string; summary: string } }[] } }>(
      'query { alerts(first: 100) { edges { node { id summary } } } }',
    );
    expect(listed.alerts.edges.map((e) => e.node.summary).filter(Boolean)).toEqual([]);

    // A desk the alert did not reach cannot act on it either, and learns nothing.
    const outsider = await (
      await as('kemlu.pwni')
    ).client.request(`mutation($id: ID!) { acknowledgeAlert(id: $id) { id } }`, { id: alert.id });
    expect(errorCodeOf(outsider)).toBe('NOT_FOUND');
    const bogus = await (
      await as('polda.ntt')
    ).client.request(ALERT, {
      id: '00000000-0000-4000-8000-000000000000',
    });
    expect(errorCodeOf(bogus)).toBe('NOT_FOUND');
  });

  it('lets investigators and immigration officers raise, other units only about their case', async () => {
    const desk = await raise('kemlu.pwni', { type: 'OTHER', severity: 'LOW', summary: 'x' });
    expect(errorCodeOf(desk)).toBe('FORBIDDEN');
    const auditor = await raise('auditor', { type: 'OTHER', severity: 'LOW', summary: 'x' });
    expect(errorCodeOf(auditor)).toBe('FORBIDDEN');
    const admin = await raise('admin', { type: 'OTHER', severity: 'LOW', summary: 'x' });
    expect(errorCodeOf(admin)).toBe('FORBIDDEN');

    const immigration = await createTestOfficer(gateway, 'IMIGRASI-SOEKARNOHATTA');
    const officer = await loginAs(url, immigration.username, TEST_OFFICER_PASSWORD);
    const arrival = await officer.client.request<{ raiseAlert: Alert }>(RAISE, {
      input: {
        type: 'DEBARKATION_ARRIVAL',
        severity: 'MEDIUM',
        summary: 'Deportan tiba',
        countryCode: 'my',
      },
    });
    expect(arrival.errors).toBeUndefined();
    // Abroad: Dit. PWNI and every mission in Malaysia.
    expect(arrival.data!.raiseAlert.deliveries.map((d) => d.unit.code)).toEqual([
      'KBRI-KUALALUMPUR',
      'KEMLU-PWNI',
      'KJRI-JOHORBAHRU',
      'KJRI-KOTAKINABALU',
      'KJRI-KUCHING',
      'KJRI-PENANG',
      'KRI-TAWAU',
    ]);

    const lead = await as('kemlu.pwni');
    const { openCase } = await lead.client.data<{ openCase: { id: string } }>(
      'mutation { openCase(input: { title: "Kasus peringatan", exploitationTypes: [OTHER] }) { id } }',
    );
    const aboutCase = await raise('kemlu.pwni', {
      type: 'OTHER',
      severity: 'LOW',
      summary: 'Tentang kasus ini',
      caseId: openCase.id,
    });
    expect(aboutCase.errors).toBeUndefined();
    expect(aboutCase.data!.raiseAlert.case?.id).toBe(openCase.id);
    // No rule matches it: the national task force receives it, so no warning goes nowhere.
    expect(aboutCase.data!.raiseAlert.deliveries.map((d) => d.unit.code)).toEqual(['GT-PUSAT']);
    const notParty = await raise('lpsk', {
      type: 'OTHER',
      severity: 'LOW',
      summary: 'x',
      caseId: openCase.id,
    });
    expect(errorCodeOf(notParty)).toBe('NOT_FOUND');
  });

  it('refuses bad input with the field named and writes nothing', async () => {
    const [{ n: before }]: { n: number }[] = await db.query('SELECT count(*)::int AS n FROM alert');
    for (const [input, field] of [
      [{ summary: '   ' }, 'input.summary'],
      [{ regionCode: '5371' }, 'input.regionCode'],
      [{ countryCode: 'Malaysia' }, 'input.countryCode'],
      [{ summary: 'x'.repeat(4001) }, 'input.summary'],
    ] as const) {
      const response = await raise('polda.ntt', {
        type: 'SUSPECTED_TRAFFICKING',
        severity: 'LOW',
        summary: 'ok',
        ...input,
      });
      expect(errorCodeOf(response)).toBe('BAD_USER_INPUT');
      expect(response.errors![0].extensions?.field).toBe(field);
    }
    const [{ n: after }]: { n: number }[] = await db.query('SELECT count(*)::int AS n FROM alert');
    expect(after).toBe(before);
  });

  it('resolves and dismisses once, with a note beside the ledger and a coded reason', async () => {
    const resolved = await nttAlert();
    const gt = await as('gugustugas.ntt');
    const empty = await gt.client.request(
      `mutation($id: ID!) { resolveAlert(id: $id, note: " ") { id } }`,
      {
        id: resolved.id,
      },
    );
    expect(errorCodeOf(empty)).toBe('BAD_USER_INPUT');
    const done = await gt.client.data<{ resolveAlert: Alert }>(
      `mutation($id: ID!) { resolveAlert(id: $id, note: "Ditangani Polda") { ${ALERT_FIELDS} } }`,
      { id: resolved.id },
    );
    expect(done.resolveAlert).toMatchObject({
      status: 'RESOLVED',
      statusNote: 'Ditangani Polda',
      version: 2,
    });
    const twice = await gt.client.request(
      `mutation($id: ID!) { dismissAlert(id: $id, note: "x") { id } }`,
      {
        id: resolved.id,
      },
    );
    expect(errorCodeOf(twice)).toBe('CONFLICT');
    const late = await (
      await as('bp3mi.ntt')
    ).client.request(`mutation($id: ID!) { acknowledgeAlert(id: $id) { id } }`, {
      id: resolved.id,
    });
    expect(errorCodeOf(late)).toBe('CONFLICT');

    const dismissed = await nttAlert();
    const { dismissAlert } = await (
      await as('polda.ntt')
    ).client.data<{ dismissAlert: Alert }>(
      `mutation($id: ID!) { dismissAlert(id: $id, note: "Laporan ganda", reason: DUPLICATE) { ${ALERT_FIELDS} } }`,
      { id: dismissed.id },
    );
    expect(dismissAlert).toMatchObject({ status: 'DISMISSED', dismissalReason: 'DUPLICATE' });
    const contractOnly = await nttAlert();
    const { dismissAlert: other } = await (
      await as('polda.ntt')
    ).client.data<{ dismissAlert: Alert }>(
      `mutation($id: ID!) { dismissAlert(id: $id, note: "Bukan TPPO") { dismissalReason } }`,
      { id: contractOnly.id },
    );
    expect(other.dismissalReason).toBe('OTHER');

    const [entry] = (await entriesOf(dismissed.id)).filter((e) => e.action === 'ALERT_DISMISSED');
    expect(entry).toMatchObject({ from: 'POLDA-NTT', to: 'POLDA-NTT' });
    expect(entry.note_digest).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(entry.payload)).not.toContain('Laporan ganda');
    expect(entry.payload).toMatchObject({ status: 'DISMISSED', reason: 'DUPLICATE' });
  });

  it('links an alert to a case of the unit, or promotes it to a new case, once', async () => {
    const police = await as('polda.ntt');
    const linked = await nttAlert();
    const { openCase } = await police.client.data<{ openCase: { id: string } }>(
      'mutation { openCase(input: { title: "Penyelidikan Oesapa", exploitationTypes: [FORCED_LABOUR], regionCode: "53" }) { id } }',
    );
    const foreign = await (
      await as('kbri.phnompenh')
    ).client.data<{ openCase: { id: string } }>(
      'mutation { openCase(input: { title: "Kasus lain", exploitationTypes: [OTHER] }) { id } }',
    );
    const LINK = `mutation($id: ID!, $caseId: ID!) { linkAlertToCase(id: $id, caseId: $caseId) { status version case { id } } }`;
    expect(
      errorCodeOf(
        await police.client.request(LINK, { id: linked.id, caseId: foreign.openCase.id }),
      ),
    ).toBe('NOT_FOUND');
    const ok = await police.client.data<{ linkAlertToCase: Alert }>(LINK, {
      id: linked.id,
      caseId: openCase.id,
    });
    expect(ok.linkAlertToCase.case?.id).toBe(openCase.id);
    expect(
      errorCodeOf(await police.client.request(LINK, { id: linked.id, caseId: openCase.id })),
    ).toBe('CONFLICT');
    // The other receiving units see the alert, not the case they are no party of.
    const shelter = await (
      await as('uptdppa.ntt')
    ).client.data<{ alert: Alert }>(ALERT, { id: linked.id });
    expect(shelter.alert.case).toBeNull();

    const promoted = await nttAlert();
    const PROMOTE = `mutation($id: ID!) { promoteAlertToCase(id: $id, input: { title: "Dugaan TPPO Oesapa", idempotencyKey: "p-1" }) { ${ALERT_FIELDS} } }`;
    const gt = await as('gugustugas.ntt');
    const { promoteAlertToCase } = await gt.client.data<{ promoteAlertToCase: Alert }>(PROMOTE, {
      id: promoted.id,
    });
    expect(promoteAlertToCase.case).toMatchObject({ leadUnit: { code: 'GT-NTT' } });
    expect(promoteAlertToCase.case!.reference).toMatch(/^TPPO-/);
    const repeat = await gt.client.data<{ promoteAlertToCase: Alert }>(PROMOTE, {
      id: promoted.id,
    });
    expect(repeat.promoteAlertToCase.case?.id).toBe(promoteAlertToCase.case!.id);
    const [opened]: { exploitation_types: string[]; region_code: string }[] = await db.query(
      'SELECT exploitation_types, region_code FROM "case" WHERE id = $1',
      [promoteAlertToCase.case!.id],
    );
    expect(opened).toEqual({ exploitation_types: ['FORCED_LABOUR'], region_code: '53.71' });
    const actions = (await entriesOf(promoted.id)).map((e) => e.action);
    expect(actions).toContain('ALERT_LINKED');
    const [{ n }]: { n: number }[] = await db.query(
      `SELECT count(*)::int AS n FROM ledger_entry WHERE case_id = $1 AND action = 'CASE_OPENED'`,
      [promoteAlertToCase.case!.id],
    );
    expect(n).toBe(1);
  });

  it('lets ADMIN alone manage routing rules, each change on the ledger', async () => {
    const admin = await as('admin');
    const RULES = 'query { alertRoutingRules { id code name regionCode units { code } } }';
    expect(errorCodeOf(await (await as('polda.ntt')).client.request(RULES))).toBe('FORBIDDEN');
    const { alertRoutingRules } = await admin.client.data<{
      alertRoutingRules: { id: string; code: string | null; units: { code: string }[] }[];
    }>(RULES);
    expect(
      alertRoutingRules.find((r) => r.code === 'REF-TPPO-NTT')?.units.map((u) => u.code),
    ).toEqual(NTT_DESKS);
    expect(alertRoutingRules.find((r) => r.code === 'REF-ABROAD')).toBeDefined();

    const input = {
      name: 'Kedatangan di Batam',
      alertTypes: ['DEBARKATION_ARRIVAL'],
      minSeverity: 'MEDIUM',
      regionCode: '21',
      unitIds: [units.get('BP3MI-KEPRI'), units.get('POLDA-KEPRI')],
    };
    const bad = await admin.client.request(
      `mutation($input: AlertRoutingRuleInput!) { createAlertRoutingRule(input: $input) { id } }`,
      { input: { ...input, unitIds: ['00000000-0000-4000-8000-000000000000'] } },
    );
    expect(errorCodeOf(bad)).toBe('BAD_USER_INPUT');
    const created = await admin.client.data<{ createAlertRoutingRule: { id: string } }>(
      `mutation($input: AlertRoutingRuleInput!) { createAlertRoutingRule(input: $input) { id } }`,
      { input },
    );
    const ruleId = created.createAlertRoutingRule.id;
    const PREVIEW = `query($input: AlertRoutingPreviewInput!) { previewAlertRouting(input: $input) { code } }`;
    const preview = (severity: string) =>
      admin.client.data<{ previewAlertRouting: { code: string }[] }>(PREVIEW, {
        input: { type: 'DEBARKATION_ARRIVAL', severity, regionCode: '21.71' },
      });
    expect((await preview('HIGH')).previewAlertRouting.map((u) => u.code)).toEqual([
      'BP3MI-KEPRI',
      'POLDA-KEPRI',
    ]);
    expect((await preview('LOW')).previewAlertRouting.map((u) => u.code)).toEqual(['GT-PUSAT']);

    await admin.client.data(
      `mutation($id: ID!, $input: AlertRoutingRuleInput!) { updateAlertRoutingRule(id: $id, input: $input) { id } }`,
      { id: ruleId, input: { ...input, minSeverity: 'LOW' } },
    );
    expect((await preview('LOW')).previewAlertRouting.map((u) => u.code)).toEqual([
      'BP3MI-KEPRI',
      'POLDA-KEPRI',
    ]);
    await admin.client.data(`mutation($id: ID!) { deleteAlertRoutingRule(id: $id) }`, {
      id: ruleId,
    });
    expect((await preview('HIGH')).previewAlertRouting.map((u) => u.code)).toEqual(['GT-PUSAT']);
    expect(
      errorCodeOf(
        await admin.client.request(`mutation($id: ID!) { deleteAlertRoutingRule(id: $id) }`, {
          id: ruleId,
        }),
      ),
    ).toBe('NOT_FOUND');

    const changes: { action: string; payload: { changed?: string[] } }[] = await db.query(
      `SELECT action, payload FROM ledger_entry WHERE payload->>'ruleId' = $1 ORDER BY id`,
      [ruleId],
    );
    expect(changes.map((c) => c.action)).toEqual([
      'ALERT_ROUTING_RULE_CREATED',
      'ALERT_ROUTING_RULE_UPDATED',
      'ALERT_ROUTING_RULE_DELETED',
    ]);
    expect(changes[1].payload.changed).toEqual(['minSeverity']);
  });

  it('escalates a CRITICAL alert nobody acknowledged after 15 minutes (test clock), once, to the desks still silent', async () => {
    const police = await as('polda.ntt');
    const raiseWith = async (severity: string) =>
      (
        await police.client.data<{ raiseAlert: Alert }>(RAISE, {
          input: {
            type: 'SUSPECTED_TRAFFICKING',
            severity,
            summary: 'Kapal berangkat malam ini',
            regionCode: '53',
          },
        })
      ).raiseAlert;
    const silent = await raiseWith('CRITICAL');
    const answered = await raiseWith('CRITICAL');
    const medium = await raiseWith('MEDIUM');
    await (
      await as('bp3mi.ntt')
    ).client.data(`mutation($id: ID!) { acknowledgeAlert(id: $id) { id } }`, { id: answered.id });
    // The timer is an outbox row with a deterministic key: PostgreSQL holds it, Redis only runs it.
    const [{ n: armed }]: { n: number }[] = await db.query(
      `SELECT count(*)::int AS n FROM outbox WHERE job_name = 'fire-timer' AND payload->>'subjectId' = ANY($1)`,
      [[silent.id, answered.id, medium.id]],
    );
    expect(armed).toBe(2);

    const clock = worker.get<AdjustableClock>(CLOCK);
    const sweep = worker.get(TimerSweep);
    const levelOf = async (id: string) =>
      (
        await police.client.data<{ alert: { escalationLevel: number } }>(
          'query($id: ID!) { alert(id: $id) { escalationLevel } }',
          { id },
        )
      ).alert.escalationLevel;
    clock.advance(14 * 60_000);
    try {
      await sweep.sweep();
      expect(await levelOf(silent.id)).toBe(0);
      clock.advance(2 * 60_000);
      await sweep.sweep();
      await sweep.sweep();
    } finally {
      clock.advance(-16 * 60_000);
    }
    expect(await levelOf(silent.id)).toBe(1);
    expect(await levelOf(answered.id)).toBe(0);
    expect(await levelOf(medium.id)).toBe(0);
    const escalated = (await entriesOf(silent.id)).filter((e) => e.action === 'ALERT_ESCALATED');
    expect(escalated.map((e) => e.to).sort()).toEqual(NTT_DESKS);
    expect(escalated.every((e) => e.from === 'POLDA-NTT')).toBe(true);
    expect(escalated[0].payload).toMatchObject({ level: 1, deadline: 'acknowledgeBy' });
    expect((await entriesOf(answered.id)).map((e) => e.action)).not.toContain('ALERT_ESCALATED');
  }, 60_000);
});

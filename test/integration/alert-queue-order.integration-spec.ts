import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { errorCodeOf } from '../support/graphql-client';
import { listenGateway } from '../support/listen-gateway';
import { loginAs, type Session } from '../support/login-as';

const SEVERITY_RANK: Record<string, number> = { CRITICAL: 0, HIGH: 1, MEDIUM: 2, LOW: 3 };

interface Row {
  id: string;
  severity: string;
  status: string;
  raisedAt: string;
  deliveries: { unit: { code: string }; acknowledgedAt: string | null }[];
  escalations: { unit: { code: string }; acknowledgedAt: string | null }[];
}

interface AlertPage {
  totalCount: number;
  edges: { node: Row }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

const ROW = `id severity status raisedAt deliveries { unit { code } acknowledgedAt }
  escalations { unit { code } acknowledgedAt }`;

/**
 * The supervisor's alerts span its agency (KP2MI: BP3MI-NTT, BP3MI-KEPRI, KP2MI-PUSAT, …):
 * URGENT_FIRST must order and page all of them in SQL — not the first page of newest ones sorted
 * by the client — so an unacknowledged alert older than a page still comes first.
 */
describe('alerts ordered URGENT_FIRST over an agency, in SQL', () => {
  let gateway: NestFastifyApplication;
  let url: string;
  let police: Session;
  let desk: Session;
  let supervisor: Session;

  const raise = async (severity: string, regionCode: string) => {
    const { raiseAlert } = await police.client.data<{ raiseAlert: { id: string } }>(
      `mutation($input: RaiseAlertInput!) { raiseAlert(input: $input) { id } }`,
      {
        input: {
          type: 'SUSPECTED_TRAFFICKING',
          severity,
          regionCode,
          summary: 'Penampungan calon PMI tanpa izin',
          exploitationTypes: ['FORCED_LABOUR'],
        },
      },
    );
    return raiseAlert.id;
  };

  const pages = async (session: Session, order: string, first: number) => {
    const rows: Row[] = [];
    let after: string | null = null;
    for (;;) {
      const { alerts }: { alerts: AlertPage } = await session.client.data<{ alerts: AlertPage }>(
        `query($order: AlertQueueOrder, $first: Int, $after: String) {
           alerts(order: $order, first: $first, after: $after) {
             totalCount edges { node { ${ROW} } } pageInfo { hasNextPage endCursor } } }`,
        { order, first, after },
      );
      rows.push(...alerts.edges.map((edge) => edge.node));
      if (!alerts.pageInfo.hasNextPage) return { rows, totalCount: alerts.totalCount };
      after = alerts.pageInfo.endCursor;
    }
  };

  beforeAll(async () => {
    ({ app: gateway, url } = await listenGateway());
    police = await loginAs(url, 'polda.ntt');
    desk = await loginAs(url, 'bp3mi.ntt');
    supervisor = await loginAs(url, 'bp3mi.ntt.kepala');
  });

  afterAll(async () => {
    await gateway?.close();
  });

  it('puts the open alerts its units have not acknowledged first, most severe first, then the rest newest first — paged without skipping or repeating', async () => {
    const oldCritical = await raise('CRITICAL', '53.71');
    const acknowledged = await raise('HIGH', '53');
    const kepri = await raise('MEDIUM', '21'); // BP3MI-KEPRI, another unit of the agency
    const oldLow = await raise('LOW', '53');
    const dismissed = await raise('HIGH', '53');
    const newLow = await raise('LOW', '53');
    // Newer than all of them and acknowledged: first in NEWEST_FIRST, among the rest here.
    const newest = await raise('CRITICAL', '53');
    for (const id of [acknowledged, newest]) {
      await desk.client.data(
        `mutation($id: ID!) { acknowledgeAlert(id: $id) { acknowledgedAt } }`,
        {
          id,
        },
      );
    }
    await police.client.data(
      `mutation($id: ID!) { dismissAlert(id: $id, note: "Salah alamat", reason: DUPLICATE) { status } }`,
      { id: dismissed },
    );

    const newestFirst = await pages(supervisor, 'NEWEST_FIRST', 100);
    const urgent = await pages(supervisor, 'URGENT_FIRST', 2);
    expect(urgent.totalCount).toBe(newestFirst.totalCount);
    expect(urgent.rows).toHaveLength(newestFirst.rows.length);
    expect(new Set(urgent.rows.map((row) => row.id)).size).toBe(urgent.rows.length);

    // The same order computed here over every alert the supervisor sees.
    const agencyUnits = new Set(
      newestFirst.rows.flatMap((row) =>
        [...row.deliveries, ...row.escalations].map((d) => d.unit.code),
      ),
    );
    const kp2mi = [...agencyUnits].filter((code) => /^(BP3MI|KP2MI)-/.test(code));
    const rank = (row: Row) =>
      ['RAISED', 'ACKNOWLEDGED'].includes(row.status) &&
      [...row.deliveries, ...row.escalations].some(
        (d) => kp2mi.includes(d.unit.code) && d.acknowledgedAt === null,
      )
        ? SEVERITY_RANK[row.severity]
        : 9;
    const expected = [...newestFirst.rows]
      .map((row, index) => ({ row, index }))
      .sort((a, b) => rank(a.row) - rank(b.row) || a.index - b.index)
      .map(({ row }) => row.id);
    expect(urgent.rows.map((row) => row.id)).toEqual(expected);

    // This file's alerts, in the order a supervisor must work them.
    const mine = [oldCritical, kepri, newLow, oldLow, newest, dismissed, acknowledged];
    expect(urgent.rows.map((row) => row.id).filter((id) => mine.includes(id))).toEqual(mine);
    // Newest first would have buried the old CRITICAL one below the others.
    expect(newestFirst.rows.map((row) => row.id).filter((id) => mine.includes(id))).toEqual(
      [...mine].sort(
        (a, b) =>
          newestFirst.rows.findIndex((row) => row.id === a) -
          newestFirst.rows.findIndex((row) => row.id === b),
      ),
    );
    expect(newestFirst.rows.findIndex((row) => row.id === oldCritical)).toBeGreaterThan(
      newestFirst.rows.findIndex((row) => row.id === newest),
    );

    // The desk officer's own unit only: the Kepri alert is not its to acknowledge.
    const own = await pages(desk, 'URGENT_FIRST', 3);
    const ownMine = own.rows.map((row) => row.id).filter((id) => mine.includes(id));
    expect(ownMine).toEqual([oldCritical, newLow, oldLow, newest, dismissed, acknowledged]);
  });

  it('refuses a newest-first cursor for the urgent order, and a forged one, as BAD_USER_INPUT', async () => {
    const { alerts } = await supervisor.client.data<{
      alerts: { pageInfo: { endCursor: string | null } };
    }>(`{ alerts(first: 1) { pageInfo { endCursor } } }`);
    for (const after of [alerts.pageInfo.endCursor, 'bm90LWEtY3Vyc29y']) {
      const response = await supervisor.client.request(
        `query($after: String) { alerts(order: URGENT_FIRST, first: 1, after: $after) { totalCount } }`,
        { after },
      );
      expect(errorCodeOf(response)).toBe('BAD_USER_INPUT');
    }
  });
});

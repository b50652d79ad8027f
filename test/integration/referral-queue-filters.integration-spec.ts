import fc from 'fast-check';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Client } from 'pg';
import {
  computeDeadlines,
  computeSla,
  deskClock,
  Priority,
  slaStateSql,
  type SlaReferralStatus,
} from '@simpul/sla';
import { errorCodeOf } from '../support/graphql-client';
import { createIsolatedDatabase, type IsolatedDatabase } from '../support/isolated-database';
import { listenGateway } from '../support/listen-gateway';
import { findUnitIds, loginAs, type Session } from '../support/login-as';
import {
  instantAroundSending,
  referralTiming,
  SENT_AT,
  selectOnReferralRow,
  timedReferral,
} from '../support/referral-timing-rows';

const OPEN_CASE = `mutation($input: OpenCaseInput!) { openCase(input: $input) { id reference } }`;
const SEND = `mutation($input: SendReferralInput!) { sendReferral(input: $input) { id reference } }`;
const INBOX = `query($filter: ReferralQueueFilter, $status: [ReferralStatus!]) {
  inbox(first: 100, filter: $filter, status: $status) { totalCount edges { node { id sla } } }
}`;
const COUNTS = `query($filter: ReferralQueueFilter) {
  referralQueueCounts(queue: INBOX, filter: $filter) { status count }
}`;

interface Sent {
  id: string;
  reference: string;
  caseReference: string;
}

/**
 * The inbox and sent queues narrow on the server — priority, SLA state, the other side's agency,
 * the case's province, a part of the referral's or the case's number — over the whole queue, not
 * the first page the console loaded; referralQueueCounts gives the tab counts for the same filter.
 * On a database of its own: the receiving unit's queue holds exactly what this file sent.
 */
describe('referral queues filter on the server', () => {
  let database: IsolatedDatabase;
  let app: NestFastifyApplication;
  let pg: Client;
  let kbri: Session;
  let kemnaker: Session;
  let desk: Session;
  let units: Map<string, string>;
  let emergencyNtt: Sent;
  let routineJatim: Sent;
  let urgentNowhere: Sent;

  const send = async (
    from: Session,
    regionCode: string | null,
    priority: string,
    toUnit = 'BP3MI-NTT',
  ): Promise<Sent> => {
    const { openCase } = await from.client.data<{ openCase: { id: string; reference: string } }>(
      OPEN_CASE,
      { input: { title: 'Kasus uji antrean', exploitationTypes: ['FORCED_LABOUR'], regionCode } },
    );
    const { sendReferral } = await from.client.data<{
      sendReferral: { id: string; reference: string };
    }>(SEND, {
      input: {
        caseId: openCase.id,
        toUnitId: units.get(toUnit),
        services: ['SHELTER'],
        priority,
        summary: 'Mohon penampungan',
      },
    });
    return { ...sendReferral, caseReference: openCase.reference };
  };

  const inbox = async (filter: Record<string, unknown>, status?: string[]) =>
    (
      await desk.client.data<{
        inbox: { totalCount: number; edges: { node: { id: string; sla: string } }[] };
      }>(INBOX, { filter, status })
    ).inbox;
  const idsOf = async (filter: Record<string, unknown>) =>
    (await inbox(filter)).edges.map((edge) => edge.node.id).sort();

  beforeAll(async () => {
    database = await createIsolatedDatabase('queues');
    const listening = await listenGateway({
      DATABASE_URL: database.url,
      REDIS_PREFIX: `${process.env.REDIS_PREFIX}-queues`,
      RATE_LIMIT_OFFICER_RPM: '0',
    });
    app = listening.app;
    pg = new Client({ connectionString: database.url });
    await pg.connect();
    kbri = await loginAs(listening.url, 'kbri.phnompenh');
    kemnaker = await loginAs(listening.url, 'kemnaker.pengawasan');
    desk = await loginAs(listening.url, 'bp3mi.ntt');
    units = await findUnitIds(kbri.client);
    emergencyNtt = await send(kbri, '53.71', 'EMERGENCY');
    routineJatim = await send(kbri, '35', 'ROUTINE');
    urgentNowhere = await send(kemnaker, null, 'URGENT');
    await send(kbri, '53', 'EMERGENCY', 'KEMLU-PWNI'); // someone else's inbox
  }, 120_000);

  afterAll(async () => {
    await pg?.end();
    await app?.close();
    await database?.drop();
  });

  const ours = () => [emergencyNtt.id, routineJatim.id, urgentNowhere.id].sort();

  it('without a filter, lists the whole queue of the unit', async () => {
    expect(await idsOf({})).toEqual(ours());
  });

  it('narrows by priority, by the case province (a province includes its regencies) and by the sender agency', async () => {
    expect(await idsOf({ priority: ['EMERGENCY'] })).toEqual([emergencyNtt.id]);
    expect(await idsOf({ priority: ['ROUTINE', 'URGENT'] })).toEqual(
      [routineJatim.id, urgentNowhere.id].sort(),
    );
    expect(await idsOf({ provinceCode: '53' })).toEqual([emergencyNtt.id]);
    expect(await idsOf({ provinceCode: '35' })).toEqual([routineJatim.id]);
    const { units: kemlu } = await kbri.client.data<{ units: { agency: { id: string } }[] }>(
      `{ units(agencyKind: KEMLU) { agency { id } } }`,
    );
    expect(await idsOf({ counterpartAgencyId: kemlu[0].agency.id })).toEqual(
      [emergencyNtt.id, routineJatim.id].sort(),
    );
    expect(await idsOf({ counterpartAgencyId: kemlu[0].agency.id, priority: ['ROUTINE'] })).toEqual(
      [routineJatim.id],
    );
  });

  it('searches a part of the referral number or of the case number, % and _ taken literally', async () => {
    expect(await idsOf({ search: emergencyNtt.reference })).toEqual([emergencyNtt.id]);
    expect(await idsOf({ search: routineJatim.caseReference.slice(-6) })).toEqual([
      routineJatim.id,
    ]);
    expect(await idsOf({ search: '%' })).toEqual([]);
  });

  it('narrows by SLA state with the same rule as Referral.sla', async () => {
    // The ROUTINE one's acknowledge deadline passed an hour ago.
    await pg.query(
      `UPDATE referral SET sent_at = now() - interval '3 days',
              acknowledge_by = now() - interval '1 hour', accept_by = now() + interval '1 day'
        WHERE id = $1`,
      [routineJatim.id],
    );
    const breached = await inbox({ sla: ['BREACHED'] });
    expect(breached.edges.map((edge) => [edge.node.id, edge.node.sla])).toEqual([
      [routineJatim.id, 'BREACHED'],
    ]);
    const onTrack = await inbox({ sla: ['ON_TRACK', 'AT_RISK'] });
    expect(onTrack.edges.map((edge) => edge.node.id).sort()).toEqual(
      [emergencyNtt.id, urgentNowhere.id].sort(),
    );
  });

  it('counts each status of the filtered queue, for the console tabs', async () => {
    await desk.client.data(`mutation($id: ID!) { acknowledgeReferral(id: $id) { status } }`, {
      id: urgentNowhere.id,
    });
    const { referralQueueCounts } = await desk.client.data<{
      referralQueueCounts: { status: string; count: number }[];
    }>(COUNTS, { filter: {} });
    expect(referralQueueCounts).toEqual([
      { status: 'RECEIVED', count: 1 },
      { status: 'REQUESTED', count: 2 },
    ]);
    const narrowed = await desk.client.data<{
      referralQueueCounts: { status: string; count: number }[];
    }>(COUNTS, { filter: { priority: ['URGENT'] } });
    expect(narrowed.referralQueueCounts).toEqual([{ status: 'RECEIVED', count: 1 }]);
    expect((await inbox({}, ['REQUESTED'])).totalCount).toBe(2);
  });

  it('refuses a filter it cannot apply with BAD_USER_INPUT naming the field', async () => {
    for (const [filter, field] of [
      [{ provinceCode: '5x' }, 'filter.provinceCode'],
      [{ provinceCode: '53.71' }, 'filter.provinceCode'],
      [{ counterpartAgencyId: 'not-an-id' }, 'filter.counterpartAgencyId'],
      [{ search: 'x'.repeat(41) }, 'filter.search'],
    ] as const) {
      const response = await desk.client.request(INBOX, { filter });
      expect(errorCodeOf(response)).toBe('BAD_USER_INPUT');
      expect(response.errors?.[0]?.extensions?.field).toBe(field);
    }
  });

  it("computes the SLA state in SQL exactly as computeSla does, at every status and the window's edges", async () => {
    const HOUR = 3_600_000;
    const row = fc.record({
      status: fc.constantFrom(
        'REQUESTED',
        'RECEIVED',
        'ACCEPTED',
        'IN_PROGRESS',
        'ON_HOLD',
        'COMPLETED',
        'FAILED',
        'REJECTED',
        'REDIRECTED',
        'CANCELLED',
      ),
      ...referralTiming,
      now: fc.oneof(
        instantAroundSending,
        // The 3/4 and 100% marks of the acknowledge window, to the millisecond.
        fc.constantFrom(-1, 0, 1).map((ms) => new Date(SENT_AT + 0.75 * 4 * HOUR + ms)),
        fc.constantFrom(-1, 0, 1).map((ms) => new Date(SENT_AT + 4 * HOUR + ms)),
      ),
    });
    const expression = slaStateSql('r', '$1::timestamptz');
    await fc.assert(
      fc.asyncProperty(row, async (r) => {
        const referral = timedReferral(r);
        const { sla } = await selectOnReferralRow<{ sla: string }>(
          pg,
          `${expression} AS sla`,
          r.now,
          referral,
        );
        expect(sla).toBe(computeSla(referral, r.now));
      }),
      { numRuns: 500 },
    );
  });
  it("agrees with computeSla on deadlines counted on a mission's own weekend", async () => {
    // Deadlines as sendReferral sets them for desks of different weeks (Riyadh Fri–Sat, Bandar
    // Seri Begawan Fri and Sun, Dubai and Jakarta Sat–Sun), read at their edges.
    const desks = [
      deskClock({ timeZone: 'Asia/Riyadh', countryCode: 'SA' }),
      deskClock({ timeZone: 'Asia/Brunei', countryCode: 'BN' }),
      deskClock({ timeZone: 'Asia/Dubai', countryCode: 'AE' }),
      deskClock({ timeZone: 'Asia/Jakarta', countryCode: null }),
    ];
    const start = Date.parse('2026-12-01T00:00:00.000Z');
    const DAY = 86_400_000;
    const row = fc.record({
      desk: fc.constantFrom(...desks),
      sentMs: fc.integer({ min: start, max: start + 40 * DAY }),
      priority: fc.constantFrom(Priority.URGENT, Priority.ROUTINE),
      status: fc.constantFrom<SlaReferralStatus>('REQUESTED', 'RECEIVED'),
      // Where `now` is: a share of the window in thousandths, or a millisecond around an edge.
      at: fc.oneof(
        fc.integer({ min: 0, max: 2500 }).map((permille) => ({ permille, edge: null })),
        fc.record({
          permille: fc.constant(null),
          edge: fc.constantFrom('ackDue', 'acceptDue'),
          ms: fc.constantFrom(-1, 0, 1),
        }),
      ),
    });
    const expression = slaStateSql('r', '$1::timestamptz');
    await fc.assert(
      fc.asyncProperty(row, async (r) => {
        const sentAt = new Date(r.sentMs);
        const { acknowledgeBy, acceptBy } = computeDeadlines(sentAt, r.priority, r.desk);
        const dueAt = r.status === 'REQUESTED' ? acknowledgeBy : acceptBy;
        const now =
          r.at.permille !== null
            ? new Date(r.sentMs + Math.round(((dueAt.getTime() - r.sentMs) * r.at.permille) / 1000))
            : new Date(
                (r.at.edge === 'ackDue' ? acknowledgeBy : acceptBy).getTime() + (r.at.ms ?? 0),
              );
        const referral = {
          status: r.status,
          sentAt,
          acknowledgeBy,
          acceptBy,
          acknowledgedAt: r.status === 'RECEIVED' ? sentAt : null,
          acceptedAt: null,
          closedAt: null,
        };
        const { sla } = await selectOnReferralRow<{ sla: string }>(
          pg,
          `${expression} AS sla`,
          now,
          referral,
        );
        expect(sla).toBe(computeSla(referral, now));
      }),
      { numRuns: 300 },
    );
  });
});

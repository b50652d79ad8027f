import fc from 'fast-check';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Client } from 'pg';
import {
  referralStage,
  referralStageSql,
  ReferralStatus,
  urgencyRank,
  urgencyRankSql,
} from '@simpul/referral';
import { computeSla, Priority, type SlaState } from '@simpul/sla';
import { errorCodeOf } from '../support/graphql-client';
import { createIsolatedDatabase, type IsolatedDatabase } from '../support/isolated-database';
import { listenGateway } from '../support/listen-gateway';
import { findUnitIds, loginAs, type Session } from '../support/login-as';
import {
  instantAroundSending,
  referralTiming,
  selectOnReferralRow,
  timedReferral,
} from '../support/referral-timing-rows';

const OPEN_CASE = `mutation($input: OpenCaseInput!) { openCase(input: $input) { id } }`;
const SEND = `mutation($input: SendReferralInput!) { sendReferral(input: $input) { id } }`;
const INBOX = `query($first: Int, $after: String, $order: ReferralQueueOrder, $stage: [ReferralStage!]) {
  inbox(first: $first, after: $after, order: $order, stage: $stage) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { cursor node { id status priority sla sentAt } }
  }
}`;
const STAGE_COUNTS = `query($queue: ReferralQueue!) {
  referralQueueStageCounts(queue: $queue) { stage status count }
}`;
const UNIT_COUNTS = `query {
  referralQueueUnitCounts(queue: INBOX) { unit { code } total open overdue atRisk }
}`;

interface Node {
  id: string;
  status: ReferralStatus;
  priority: Priority;
  sla: SlaState;
  sentAt: string;
}
interface Connection {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  edges: { cursor: string; node: Node }[];
}

/**
 * The inbox ordered URGENT_FIRST puts the pressing referrals (open and EMERGENCY, BREACHED or
 * AT_RISK) before the rest over the whole queue, not the page the console loaded, and pages
 * through it without skipping or repeating a referral — also when an SLA state moves between two
 * pages. Stages split ON_HOLD by acceptance; unit counts cover the whole queue. On a database of
 * its own: BP3MI-NTT's inbox holds exactly what this file sent.
 */
describe('referral queues: pressing first, stages and counts per unit', () => {
  let database: IsolatedDatabase;
  let app: NestFastifyApplication;
  let pg: Client;
  let kbri: Session;
  let desk: Session;
  let supervisor: Session;
  let units: Map<string, string>;
  const sent: string[] = [];

  const send = async (priority: Priority, toUnit = 'BP3MI-NTT'): Promise<string> => {
    const { openCase } = await kbri.client.data<{ openCase: { id: string } }>(OPEN_CASE, {
      input: { title: 'Kasus uji urutan', exploitationTypes: ['FORCED_LABOUR'], regionCode: '53' },
    });
    const { sendReferral } = await kbri.client.data<{ sendReferral: { id: string } }>(SEND, {
      input: {
        caseId: openCase.id,
        toUnitId: units.get(toUnit),
        services: ['SHELTER'],
        priority,
        summary: 'Mohon penampungan',
      },
    });
    return sendReferral.id;
  };
  /** Moves a referral back in time: sent `ageHours` ago, its acknowledge deadline `dueInMs` away. */
  const age = (id: string, ageHours: number, dueInMs: number) =>
    pg.query(
      `UPDATE referral SET sent_at = now() - make_interval(hours => $2),
              acknowledge_by = now() + make_interval(secs => $3::double precision / 1000),
              accept_by = now() + interval '10 days'
        WHERE id = $1`,
      [id, ageHours, dueInMs],
    );

  const page = async (session: Session, variables: Record<string, unknown>) =>
    (await session.client.data<{ inbox: Connection }>(INBOX, variables)).inbox;

  /** Every page of the queue, `between` run after each page. */
  const allPages = async (
    session: Session,
    variables: Record<string, unknown>,
    between: (pageIndex: number) => Promise<unknown> = async () => undefined,
  ) => {
    const pages: Connection[] = [];
    let after: string | null = null;
    for (let i = 0; i < 50; i++) {
      const next = await page(session, { ...variables, after });
      pages.push(next);
      if (!next.pageInfo.hasNextPage) break;
      after = next.pageInfo.endCursor;
      await between(i);
    }
    return pages;
  };

  let breachedOldest: string;
  let atRiskOld: string;
  let emergency: string;
  let heldBeforeAcceptance: string;
  let heldAfterAcceptance: string;

  beforeAll(async () => {
    database = await createIsolatedDatabase('queue-order');
    const listening = await listenGateway({
      DATABASE_URL: database.url,
      REDIS_PREFIX: `${process.env.REDIS_PREFIX}-queue-order`,
      RATE_LIMIT_OFFICER_RPM: '0',
    });
    app = listening.app;
    pg = new Client({ connectionString: database.url });
    await pg.connect();
    kbri = await loginAs(listening.url, 'kbri.phnompenh');
    desk = await loginAs(listening.url, 'bp3mi.ntt');
    supervisor = await loginAs(listening.url, 'bp3mi.ntt.kepala');
    units = await findUnitIds(kbri.client);
    // Sent oldest first, so that newest first puts the first ones on the last page.
    for (let i = 0; i < 12; i++) sent.push(await send(Priority.ROUTINE));
    [breachedOldest, atRiskOld] = sent;
    emergency = await send(Priority.EMERGENCY);
    sent.push(emergency);
    await age(breachedOldest, 72, -3_600_000);
    await age(atRiskOld, 48, 3_600_000);
    await age(emergency, 1, 10 * 3_600_000); // ON_TRACK, pressing for its priority
    // Two held: one straight from RECEIVED, one after acceptance.
    heldBeforeAcceptance = sent[2];
    heldAfterAcceptance = sent[3];
    const act = (mutation: string, id: string, note?: string) =>
      desk.client.data(
        `mutation($id: ID!${note ? ', $note: String!' : ''}) { ${mutation}(id: $id${note ? ', note: $note' : ''}) { status } }`,
        { id, note },
      );
    await act('acknowledgeReferral', heldBeforeAcceptance);
    await act('holdReferral', heldBeforeAcceptance, 'Menunggu dokumen');
    await act('acceptReferral', heldAfterAcceptance);
    await act('holdReferral', heldAfterAcceptance, 'Menunggu jadwal');
    // Someone else's inbox in the same agency, for the counts per unit.
    await send(Priority.URGENT, 'BP3MI-JATIM');
  }, 180_000);

  afterAll(async () => {
    await pg?.end();
    await app?.close();
    await database?.drop();
  });

  it('newest first leaves the breached referral to the last page', async () => {
    const pages = await allPages(desk, { first: 5 });
    expect(pages.length).toBe(3);
    expect(pages.at(-1)!.edges.map((edge) => edge.node.id)).toContain(breachedOldest);
  });

  it('URGENT_FIRST puts breached, at-risk and emergency referrals first over the whole queue, and pages without skipping or repeating', async () => {
    const pages = await allPages(desk, { first: 5, order: 'URGENT_FIRST' });
    const nodes = pages.flatMap((p) => p.edges.map((edge) => edge.node));
    expect(nodes.slice(0, 3).map((node) => node.id)).toEqual([
      breachedOldest,
      atRiskOld,
      emergency,
    ]);
    expect(nodes.map((node) => node.id).sort()).toEqual([...sent].sort());
    expect(pages[0].totalCount).toBe(sent.length);
    // Ranked by urgencyRank, newest first within a rank.
    for (let i = 1; i < nodes.length; i++) {
      const [a, b] = [nodes[i - 1], nodes[i]];
      const [rankA, rankB] = [urgencyRank(a), urgencyRank(b)];
      expect(rankA).toBeLessThanOrEqual(rankB);
      if (rankA === rankB)
        expect(Date.parse(a.sentAt)).toBeGreaterThanOrEqual(Date.parse(b.sentAt));
    }
  });

  it('keeps the ranks of the first page while paging on, so an SLA that moves between pages neither skips nor repeats a referral', async () => {
    // A routine referral sent an hour ago, due in 3 s: AT_RISK now, BREACHED by the next page,
    // when it would rank before the breached one already shown and be skipped.
    const moving = sent[11];
    await age(moving, 1, 3_000);
    try {
      const pages = await allPages(desk, { first: 1, order: 'URGENT_FIRST' }, async (i) => {
        if (i === 0) await new Promise((resolve) => setTimeout(resolve, 3_500));
      });
      const ids = pages.flatMap((p) => p.edges.map((edge) => edge.node.id));
      expect(ids[0]).toBe(breachedOldest);
      expect(ids.sort()).toEqual([...sent].sort());
    } finally {
      await age(moving, 0, 10 * 3_600_000);
    }
  });

  it('refuses a newest-first cursor for the urgent order, and a forged one, as BAD_USER_INPUT', async () => {
    const newest = await page(desk, { first: 2 });
    for (const after of [newest.pageInfo.endCursor, 'WzEsMiwzLDRd']) {
      const response = await desk.client.request(INBOX, { first: 2, order: 'URGENT_FIRST', after });
      expect(errorCodeOf(response)).toBe('BAD_USER_INPUT');
    }
  });

  it('lists a referral held before acceptance as awaiting decision, one held after as in hand', async () => {
    const idsIn = async (stage: string) =>
      (await allPages(desk, { first: 100, stage: [stage] }))
        .flatMap((p) => p.edges.map((edge) => edge.node.id))
        .sort();
    const awaiting = await idsIn('AWAITING_DECISION');
    const inHand = await idsIn('IN_HAND');
    expect(awaiting).toContain(heldBeforeAcceptance);
    expect(awaiting).not.toContain(heldAfterAcceptance);
    expect(inHand).toEqual([heldAfterAcceptance]);
    expect(awaiting.length).toBe(sent.length - 1);
    const { referralQueueStageCounts } = await desk.client.data<{
      referralQueueStageCounts: { stage: string; status: string; count: number }[];
    }>(STAGE_COUNTS, { queue: 'INBOX' });
    expect(referralQueueStageCounts).toEqual([
      { stage: 'AWAITING_DECISION', status: 'ON_HOLD', count: 1 },
      { stage: 'AWAITING_DECISION', status: 'REQUESTED', count: sent.length - 2 },
      { stage: 'IN_HAND', status: 'ON_HOLD', count: 1 },
    ]);
  });

  it("counts a supervisor's units over the whole queue, every unit of the agency listed", async () => {
    const { referralQueueUnitCounts } = await supervisor.client.data<{
      referralQueueUnitCounts: {
        unit: { code: string };
        total: number;
        open: number;
        overdue: number;
        atRisk: number;
      }[];
    }>(UNIT_COUNTS);
    const byCode = new Map(referralQueueUnitCounts.map((row) => [row.unit.code, row]));
    expect(byCode.get('BP3MI-NTT')).toEqual({
      unit: { code: 'BP3MI-NTT' },
      total: sent.length,
      open: sent.length,
      overdue: 1,
      atRisk: 1,
    });
    expect(byCode.get('BP3MI-JATIM')).toMatchObject({ total: 1, open: 1, overdue: 0 });
    expect(byCode.get('BP3MI-BALI')).toMatchObject({ total: 0, open: 0, overdue: 0, atRisk: 0 });
    // The supervisor's inbox spans the agency, pressing first across both units.
    const pages = await allPages(supervisor, { first: 4, order: 'URGENT_FIRST' });
    const ids = pages.flatMap((p) => p.edges.map((edge) => edge.node.id));
    expect(ids[0]).toBe(breachedOldest);
    expect(new Set(ids).size).toBe(sent.length + 1);
    // A desk officer counts its own unit only.
    const own = await desk.client.data<{ referralQueueUnitCounts: { unit: { code: string } }[] }>(
      UNIT_COUNTS,
    );
    expect(own.referralQueueUnitCounts.map((row) => row.unit.code)).toEqual(['BP3MI-NTT']);
  });

  it('ranks and stages in SQL exactly as urgencyRank and referralStage do', async () => {
    const row = fc.record({
      status: fc.constantFrom(...Object.values(ReferralStatus)),
      priority: fc.constantFrom(...Object.values(Priority)),
      ...referralTiming,
      now: instantAroundSending,
    });
    await fc.assert(
      fc.asyncProperty(row, async (r) => {
        const referral = timedReferral(r);
        const sql = await selectOnReferralRow<{ rank: number; stage: string }>(
          pg,
          `${urgencyRankSql('r', '$1::timestamptz')} AS rank, ${referralStageSql('r')} AS stage`,
          r.now,
          { ...referral, priority: r.priority },
        );
        const sla = computeSla(referral, r.now);
        expect(sql.rank).toBe(urgencyRank({ status: r.status, priority: r.priority, sla }));
        expect(sql.stage).toBe(referralStage(r.status, r.acceptedAt !== null));
      }),
      { numRuns: 300 },
    );
  });
});

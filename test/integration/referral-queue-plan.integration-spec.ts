import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { BeforeQueryEvent, EntitySubscriberInterface } from 'typeorm';
import { dataSourceOf } from '../support/boot-in-process';
import { createIsolatedDatabase, type IsolatedDatabase } from '../support/isolated-database';
import { listenGateway } from '../support/listen-gateway';
import { findUnitIds, loginAs, type Session } from '../support/login-as';

const INBOX = `query($after: String) {
  inbox(first: 50, after: $after, order: URGENT_FIRST) {
    pageInfo { hasNextPage endCursor }
    edges { node { id priority status } }
  }
}`;

interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Index Name'?: string;
  'Actual Rows': number;
  Plans?: PlanNode[];
}

const flatten = (node: PlanNode): PlanNode[] => [node, ...(node.Plans ?? []).flatMap(flatten)];

const REFERRALS = 50_000;
const OPEN = 400;

/**
 * `inbox(order: URGENT_FIRST)` on a desk with 50,000 referrals (docs/performance.md): a page
 * reads the unit's open referrals (a partial index) and then the rest newest first straight off
 * `referral_inbox_idx` — never every referral of the unit to sort them by a rank no index can
 * hold. The queries the gateway sends are recorded and explained as they ran, with sequential
 * scans priced out (as the ledger's proof check does): what remains shows whether the query
 * can be answered by index at all. On a database of its own: 50,000 rows would weigh on the
 * run's other files.
 */
describe('the urgent-first inbox on a large queue', () => {
  let database: IsolatedDatabase;
  let app: NestFastifyApplication;
  let desk: Session;
  const recorded: { query: string; parameters: unknown[] }[] = [];

  beforeAll(async () => {
    database = await createIsolatedDatabase('queue-plan');
    const listening = await listenGateway({
      DATABASE_URL: database.url,
      REDIS_PREFIX: `${process.env.REDIS_PREFIX}-queue-plan`,
      RATE_LIMIT_OFFICER_RPM: '0',
    });
    app = listening.app;
    const kbri = await loginAs(listening.url, 'kbri.phnompenh');
    desk = await loginAs(listening.url, 'bp3mi.ntt');
    const units = await findUnitIds(kbri.client);
    const { openCase } = await kbri.client.data<{ openCase: { id: string } }>(
      'mutation { openCase(input: { title: "Antrean besar", exploitationTypes: [OTHER] }) { id } }',
    );
    // Sent a minute apart, newest first; every 125th still open, a quarter of those EMERGENCY
    // (so pressing; the others' deadlines are far off), the rest long completed — a desk's
    // history after a few years.
    await dataSourceOf(app).query(
      `INSERT INTO referral (reference, case_id, from_unit_id, to_unit_id, sent_by_id, services,
                             priority, status, summary, delivery, sent_at, acknowledge_by, accept_by)
       SELECT 'RJK-PLAN-' || g, $1, $2, $3, (SELECT id FROM officer WHERE username = 'kbri.phnompenh'),
              '{SHELTER}', CASE WHEN g % 500 = 0 THEN 'EMERGENCY' ELSE 'ROUTINE' END,
              CASE WHEN g % 125 = 0 THEN 'REQUESTED' ELSE 'COMPLETED' END, 'x', 'DELIVERED',
              now() - make_interval(mins => g), now() + interval '200 days',
              now() + interval '300 days'
         FROM generate_series(1, $4::int) g`,
      [openCase.id, units.get('KBRI-PHNOMPENH'), units.get('BP3MI-NTT'), REFERRALS],
    );
    await dataSourceOf(app).query('ANALYZE referral');
    const recorder: EntitySubscriberInterface = {
      beforeQuery: (event: BeforeQueryEvent) => {
        if (event.query.includes('queue_rank')) {
          // PostgreSQL's driver binds positionally: an array.
          const parameters = Array.isArray(event.parameters) ? event.parameters : [];
          recorded.push({ query: event.query, parameters });
        }
      },
    };
    dataSourceOf(app).subscribers.push(recorder);
  }, 120_000);

  afterAll(async () => {
    await app?.close();
    await database?.drop();
  });

  it('reads pages of pressing referrals and of the rest by index, not the whole queue', async () => {
    type Page = {
      pageInfo: { endCursor: string };
      edges: { node: { priority: string; status: string } }[];
    };
    const pages: Page[] = [];
    let after: string | null = null;
    for (let i = 0; i < 3; i++) {
      const { inbox }: { inbox: Page } = await desk.client.data<{ inbox: Page }>(INBOX, { after });
      pages.push(inbox);
      after = inbox.pageInfo.endCursor;
    }
    // The 100 open EMERGENCY referrals come first (pages 1 and 2), then the rest newest first.
    const priorities = pages.flatMap((page) => page.edges.map((edge) => edge.node.priority));
    expect(priorities.slice(0, 100)).toEqual(Array(100).fill('EMERGENCY'));
    expect(priorities.slice(100)).toEqual(Array(50).fill('ROUTINE'));

    // Page 1: the pressing part (full); pages 2 and 3: the pressing part (50 left, then none
    // after the last one), and the rest after it.
    expect(recorded).toHaveLength(5);
    const rest = recorded.filter(({ query }) => /\(NOT "?r"?\."?status"? IN/.test(query));
    expect(rest).toHaveLength(2);
    for (const { query, parameters } of [...recorded]) {
      const [
        {
          'QUERY PLAN': [plan],
        },
      ] = await dataSourceOf(app).transaction(async (manager) => {
        await manager.query('SET LOCAL enable_seqscan = off');
        return manager.query<{ 'QUERY PLAN': { Plan: PlanNode }[] }[]>(
          `EXPLAIN (ANALYZE, FORMAT JSON) ${query}`,
          parameters,
        );
      });
      const nodes = flatten(plan.Plan);
      const reads = nodes.filter((n) => n['Relation Name'] === 'referral' || n['Index Name']);
      expect(reads.length).toBeGreaterThan(0);
      for (const read of reads) {
        if (read['Index Name']) {
          expect(['referral_inbox_open_idx', 'referral_inbox_idx']).toContain(read['Index Name']);
        }
        // Ranking the whole queue would read all 50,000; a page reads the open ones at most.
        expect(read['Actual Rows']).toBeLessThanOrEqual(OPEN);
      }
      // The rest, newest first, is the index's own order: nothing is sorted.
      if (rest.some((r) => r.query === query)) {
        expect(nodes.map((n) => n['Node Type'])).not.toContain('Sort');
      }
    }
  }, 60_000);
});

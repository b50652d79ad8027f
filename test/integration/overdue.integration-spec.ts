import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { CLOCK, type AdjustableClock } from '@simpul/config';
import {
  AcceptReferralUseCase,
  SendReferralUseCase,
  ServiceType,
  type ReferralEntity,
} from '@simpul/referral';
import { Priority } from '@simpul/sla';
import { dataSourceOf, unitId } from '../support/boot-in-process';
import { errorCodeOf } from '../support/graphql-client';
import { listenGateway } from '../support/listen-gateway';
import { loginAs } from '../support/login-as';
import { demoActor, openCaseAndSend } from '../support/referral-fixtures';

interface OverdueNode {
  id: string;
  reference: string;
  deadline: string;
  dueAt: string;
  escalationLevel: number;
  toUnit: { code: string };
  referral: { id: string; overdue: boolean } | null;
}
interface OverdueData {
  overdue: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    edges: { cursor: string; node: OverdueNode }[];
  };
}

const OVERDUE = `query($first: Int, $after: String) {
  overdue(first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { cursor node { id reference deadline dueAt escalationLevel toUnit { code }
      referral { id overdue } } }
  }
}`;

/**
 * `overdue` lists referrals still waiting past a deadline for those escalation reaches, and no
 * one else. The referrals are sent in June 2026 on the gateway's clock — before any other test's
 * — and read ten days later, so that only this test's referrals are overdue on that clock.
 */
describe('overdue', () => {
  let app: NestFastifyApplication;
  let url: string;
  const sent: Record<'ntt' | 'national' | 'confidential' | 'accepted', ReferralEntity> =
    {} as never;

  beforeAll(async () => {
    ({ app, url } = await listenGateway());
    const clock = app.get<AdjustableClock>(CLOCK);
    clock.set(new Date('2026-06-02T02:00:00.000Z')); // Tuesday
    const lead = await demoActor(app, 'kbri.phnompenh');
    sent.ntt = (await openCaseAndSend(app, lead, 'BP3MI-NTT')).referral;
    sent.national = (await openCaseAndSend(app, lead, 'KEMLU-PWNI')).referral;
    const { caseId, referral } = await openCaseAndSend(app, lead, 'BP3MI-NTT');
    sent.accepted = referral;
    sent.confidential = await app.get(SendReferralUseCase).execute(lead, {
      caseId,
      toUnitId: await unitId(dataSourceOf(app), 'UPTDPPA-NTT'),
      services: [ServiceType.SHELTER],
      priority: Priority.URGENT,
      summary: 'Mohon penampungan',
      confidential: true,
    });
    const desk = await demoActor(app, 'bp3mi.ntt');
    await app.get(AcceptReferralUseCase).execute(desk, sent.accepted.id, null, 1);
    clock.set(new Date('2026-06-12T02:00:00.000Z'));
  }, 60_000);

  afterAll(async () => {
    await app?.close();
  });

  const listAs = async (username: string): Promise<OverdueNode[]> => {
    const { client } = await loginAs(url, username);
    const nodes: OverdueNode[] = [];
    let after: string | null = null;
    do {
      const page: OverdueData = await client.data<OverdueData>(OVERDUE, { first: 100, after });
      nodes.push(...page.overdue.edges.map((edge) => edge.node));
      after = page.overdue.pageInfo.hasNextPage ? page.overdue.pageInfo.endCursor : null;
    } while (after);
    return nodes;
  };
  const ours = (nodes: OverdueNode[]) => {
    const names = Object.entries(sent).map(([name, referral]) => [referral.id, name]);
    const byId = new Map(names as [string, string][]);
    return nodes.flatMap((node) => (byId.has(node.id) ? [byId.get(node.id)] : [])).sort();
  };

  it('shows a supervisor the overdue referrals of its agency’s units, in full', async () => {
    const nodes = await listAs('bp3mi.ntt.kepala');
    expect(ours(nodes)).toEqual(['ntt']);
    expect(nodes.find((node) => node.id === sent.ntt.id)).toEqual({
      id: sent.ntt.id,
      reference: sent.ntt.reference,
      deadline: 'ACKNOWLEDGE',
      dueAt: sent.ntt.acknowledgeBy.toISOString(),
      escalationLevel: 0,
      toUnit: { code: 'BP3MI-NTT' },
      referral: { id: sent.ntt.id, overdue: true },
    });
  });

  it('shows a provincial Gugus Tugas its province’s, without confidential ones or the referral itself', async () => {
    const nodes = await listAs('gugustugas.ntt');
    expect(ours(nodes)).toEqual(['ntt']);
    expect(nodes.find((node) => node.id === sent.ntt.id)?.referral).toBeNull();
  });

  it('shows an auditor every overdue referral, the longest overdue first, page by page', async () => {
    expect(ours(await listAs('auditor'))).toEqual(['confidential', 'national', 'ntt']);
    const { client } = await loginAs(url, 'auditor');
    const first = await client.data<OverdueData>(OVERDUE, { first: 1 });
    expect(first.overdue.pageInfo.hasNextPage).toBe(true);
    const second = await client.data<OverdueData>(OVERDUE, {
      first: 1,
      after: first.overdue.pageInfo.endCursor,
    });
    const [a, b] = [first, second].map((page) => page.overdue.edges[0].node);
    expect(a.id).not.toBe(b.id);
    expect(new Date(a.dueAt).getTime()).toBeLessThanOrEqual(new Date(b.dueAt).getTime());
  });

  it('refuses desk officers and administrators', async () => {
    for (const username of ['bp3mi.ntt', 'admin']) {
      const { client } = await loginAs(url, username);
      expect(errorCodeOf(await client.request(OVERDUE, {}))).toBe('FORBIDDEN');
    }
  });

  it('says on the referral itself whether it is overdue', async () => {
    const { client } = await loginAs(url, 'bp3mi.ntt');
    const read = (id: string) =>
      client.data<{ referral: { overdue: boolean; escalationLevel: number } }>(
        'query($id: ID!) { referral(id: $id) { overdue escalationLevel } }',
        { id },
      );
    expect((await read(sent.ntt.id)).referral).toEqual({ overdue: true, escalationLevel: 0 });
    expect((await read(sent.accepted.id)).referral.overdue).toBe(false);
  });
});

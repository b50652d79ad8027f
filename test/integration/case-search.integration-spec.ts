import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { ExploitationType, OpenCaseUseCase } from '@simpul/case';
import type { Actor } from '@simpul/identity';
import { dataSourceOf } from '../support/boot-in-process';
import { requireData } from '../support/graphql-client';
import { listenGateway } from '../support/listen-gateway';
import { loginAs, type Session } from '../support/login-as';
import { demoActor } from '../support/referral-fixtures';

const SEARCH = `query Search($filter: CaseFilterInput, $first: Int, $after: String) {
  cases(filter: $filter, first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { node { id reference regionCode exploitationTypes openedAt } }
  }
}`;

interface SearchData {
  cases: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    edges: { node: { id: string; reference: string; regionCode: string | null } }[];
  };
}

describe('case search runs on the server over every case, not the first page', () => {
  let app: NestFastifyApplication;
  let url: string;
  let auditor: Session;
  let lead: Actor;
  const opened: Record<string, { id: string; reference: string }> = {};

  const open = async (key: string, regionCode: string | null, types: ExploitationType[]) => {
    const c = await app.get(OpenCaseUseCase).execute(lead, {
      title: `Kasus uji pencarian ${key}`,
      exploitationTypes: types,
      regionCode,
    });
    opened[key] = { id: c.id, reference: c.reference };
  };

  const search = async (filter: Record<string, unknown>, session = auditor, first = 100) =>
    requireData(await session.client.request<SearchData>(SEARCH, { filter, first })).cases;

  beforeAll(async () => {
    ({ app, url } = await listenGateway());
    auditor = await loginAs(url, 'auditor');
    lead = await demoActor(app, 'kemnaker.pengawasan');
    await open('kupang', '53.71', [ExploitationType.FORCED_LABOUR]);
    await open('ntt', '53', [ExploitationType.ONLINE_SCAM]);
    await open('jatim', '35', [ExploitationType.ONLINE_SCAM, ExploitationType.FORCED_LABOUR]);
    await open('nowhere', null, [ExploitationType.SEXUAL_EXPLOITATION]);
    // Pushed back in time so a date range can tell them apart.
    await dataSourceOf(app).query(
      `UPDATE "case" SET opened_at = '2026-03-02T03:00:00Z' WHERE id = $1`,
      [opened.nowhere.id],
    );
  });
  afterAll(async () => {
    await app.close();
  });

  const ids = (page: SearchData['cases']) => page.edges.map((e) => e.node.id);

  it('a province code finds the province and its regencies, and nothing else', async () => {
    const found = ids(await search({ regionCode: '53' }));
    expect(found).toEqual(expect.arrayContaining([opened.kupang.id, opened.ntt.id]));
    expect(found).not.toContain(opened.jatim.id);
    const regency = ids(await search({ regionCode: '53.71' }));
    expect(regency).toContain(opened.kupang.id);
    expect(regency).not.toContain(opened.ntt.id);
  });

  it('by exploitation type, by part of the reference, and by the date opened', async () => {
    const forced = ids(await search({ exploitationType: 'FORCED_LABOUR' }));
    expect(forced).toEqual(expect.arrayContaining([opened.kupang.id, opened.jatim.id]));
    expect(forced).not.toContain(opened.ntt.id);

    const byReference = await search({ reference: opened.jatim.reference.slice(-6).toLowerCase() });
    expect(ids(byReference)).toContain(opened.jatim.id);
    // "%" is a character to look for, not a wildcard.
    expect((await search({ reference: '%' })).totalCount).toBe(0);

    const march = ids(
      await search({ openedFrom: '2026-03-01T00:00:00Z', openedBefore: '2026-03-03T00:00:00Z' }),
    );
    expect(march).toEqual([opened.nowhere.id]);
  });

  it('totalCount counts every match and the cursor pages through them', async () => {
    const first = await search({ regionCode: '53' }, auditor, 1);
    expect(first.totalCount).toBeGreaterThanOrEqual(2);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const second = requireData(
      await auditor.client.request<SearchData>(SEARCH, {
        filter: { regionCode: '53' },
        first: 1,
        after: first.pageInfo.endCursor,
      }),
    ).cases;
    expect(ids(second)[0]).not.toBe(ids(first)[0]);
  });

  it('a desk officer searches only the cases its unit is party of', async () => {
    const outsider = await loginAs(url, 'kbri.phnompenh');
    expect(ids(await search({ regionCode: '53' }, outsider))).not.toContain(opened.kupang.id);
  });

  it('refuses a malformed search with BAD_USER_INPUT naming the field', async () => {
    for (const [filter, field] of [
      [{ regionCode: '5' }, 'filter.regionCode'],
      [{ reference: 'x'.repeat(41) }, 'filter.reference'],
      [
        { openedFrom: '2026-03-03T00:00:00Z', openedBefore: '2026-03-01T00:00:00Z' },
        'filter.openedBefore',
      ],
    ] as const) {
      const answer = await auditor.client.request(SEARCH, { filter });
      expect(answer.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
  });
});

import type { INestApplicationContext } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Client } from 'pg';
import { bootWorker, dataSourceOf } from '../support/boot-in-process';
import { errorCodeOf, type GraphqlClient } from '../support/graphql-client';
import { createIsolatedDatabase, type IsolatedDatabase } from '../support/isolated-database';
import { listenGateway } from '../support/listen-gateway';
import { loginAs, type Session } from '../support/login-as';
import { waitForLedgerSealed } from '../support/start-ledger-sequencer';
import { waitForCondition } from '../support/wait-for-condition';

/**
 * Auditors' questions and evaluation statistics (libs/insight) against the gateway and a worker
 * on a database of their own, so every count is this file's: handoffStats per agency,
 * unitHoldings replayed from the ledger for a referral that moved between units, ping-pong cases
 * and their alert to the province's Gugus Tugas, and k-anonymity of the statistics (GraphQL and
 * CSV).
 */
describe('insight: auditors’ questions and evaluation statistics', () => {
  let database: IsolatedDatabase;
  let gateway: NestFastifyApplication;
  let worker: INestApplicationContext;
  let url: string;
  let pg: Client;
  const sessions = new Map<string, Session>();
  const unitIds = new Map<string, string>();
  const agencyOfUnit = new Map<string, string>();

  const as = async (username: string): Promise<GraphqlClient> => {
    if (!sessions.has(username)) sessions.set(username, await loginAs(url, username));
    return (sessions.get(username) as Session).client;
  };
  const unit = (code: string) => unitIds.get(code) as string;
  /** The current month in WIB, as the statistics bucket it. */
  const thisMonth = () =>
    new Intl.DateTimeFormat('en-CA', {
      timeZone: 'Asia/Jakarta',
      year: 'numeric',
      month: '2-digit',
    })
      .format(new Date())
      .slice(0, 7);

  async function openCase(regionCode: string, types: string[], persons: number): Promise<string> {
    const { openCase } = await (
      await as('kbri.phnompenh')
    ).data<{ openCase: { id: string } }>(
      'mutation($input: OpenCaseInput!) { openCase(input: $input) { id } }',
      {
        input: {
          title: 'Kasus uji statistik',
          exploitationTypes: types,
          regionCode,
          persons: Array.from({ length: persons }, (_, i) => ({
            fullName: `Orang Uji ${i + 1}`,
            sex: i % 2 ? 'MALE' : 'FEMALE',
          })),
        },
      },
    );
    return openCase.id;
  }

  async function send(caseId: string, toUnitCode: string): Promise<string> {
    const { sendReferral } = await (
      await as('kbri.phnompenh')
    ).data<{ sendReferral: { id: string } }>(
      'mutation($input: SendReferralInput!) { sendReferral(input: $input) { id } }',
      {
        input: {
          caseId,
          toUnitId: unit(toUnitCode),
          services: ['SHELTER'],
          priority: 'ROUTINE',
          summary: 'Mohon ditangani',
        },
      },
    );
    return sendReferral.id;
  }

  const reject = async (username: string, id: string) =>
    (await as(username)).data(
      'mutation($id: ID!) { rejectReferral(id: $id, reason: NOT_MANDATE) { status } }',
      { id },
    );
  const redirect = async (username: string, id: string, toUnitCode: string) =>
    (
      await (
        await as(username)
      ).data<{ redirectReferral: { id: string } }>(
        'mutation($id: ID!, $to: ID!) { redirectReferral(id: $id, toUnitId: $to) { id } }',
        { id, to: unit(toUnitCode) },
      )
    ).redirectReferral.id;
  const accept = async (username: string, id: string) =>
    (await as(username)).data('mutation($id: ID!) { acceptReferral(id: $id) { status } }', { id });

  beforeAll(async () => {
    database = await createIsolatedDatabase('insight');
    const env = { DATABASE_URL: database.url, REDIS_PREFIX: `${process.env.REDIS_PREFIX}-insight` };
    ({ app: gateway, url } = await listenGateway({ ...env, RATE_LIMIT_OFFICER_RPM: '0' }));
    worker = await bootWorker({ ...env, PING_PONG_SWEEP_MS: '200', PING_PONG_THRESHOLD: '3' });
    pg = new Client({ connectionString: database.url });
    await pg.connect();
    const { units } = await (
      await as('auditor')
    ).data<{ units: { id: string; code: string; agency: { code: string } }[] }>(
      '{ units { id code agency { code } } }',
    );
    for (const u of units) {
      unitIds.set(u.code, u.id);
      agencyOfUnit.set(u.code, u.agency.code);
    }
  }, 120_000);

  afterAll(async () => {
    await pg?.end();
    await worker?.close();
    await gateway?.close();
    await database?.drop();
  }, 60_000);

  describe('handoffStats', () => {
    it('counts per receiving agency what was received, accepted, rejected and redirected', async () => {
      const caseId = await openCase('53', ['FORCED_LABOUR'], 1);
      const toPwni = await send(caseId, 'KEMLU-PWNI');
      await accept('kemlu.pwni', toPwni);
      await reject('lpsk', await send(caseId, 'LPSK-PUSAT'));
      await redirect('bp3mi.ntt', await send(caseId, 'BP3MI-NTT'), 'UPTDPPA-NTT');

      const query =
        '{ handoffStats { agency { code } received accepted rejected redirected breached medianMinutesToReceive medianMinutesToAccept } }';
      type Row = {
        agency: { code: string };
        received: number;
        accepted: number;
        rejected: number;
        redirected: number;
        breached: number;
        medianMinutesToAccept: number | null;
      };
      const { handoffStats } = await (await as('auditor')).data<{ handoffStats: Row[] }>(query);
      const of = (unitCode: string) =>
        handoffStats.find((row) => row.agency.code === agencyOfUnit.get(unitCode));
      expect(of('KEMLU-PWNI')).toMatchObject({
        received: 1,
        accepted: 1,
        rejected: 0,
        redirected: 0,
        breached: 0,
      });
      expect(of('KEMLU-PWNI')?.medianMinutesToAccept).toBeGreaterThanOrEqual(0);
      expect(of('LPSK-PUSAT')).toMatchObject({
        received: 1,
        accepted: 0,
        rejected: 1,
        redirected: 0,
      });
      expect(of('LPSK-PUSAT')?.medianMinutesToAccept).toBeNull();
      expect(of('BP3MI-NTT')).toMatchObject({ received: 1, redirected: 1 });
      expect(of('UPTDPPA-NTT')).toMatchObject({ received: 1, accepted: 0 });

      // The NTT task force sees its province's cases; a period before everything is empty.
      const gt = await (await as('gugustugas.ntt')).data<{ handoffStats: Row[] }>(query);
      expect(gt.handoffStats.length).toBeGreaterThan(0);
      const before = await (
        await as('auditor')
      ).data<{ handoffStats: Row[] }>('{ handoffStats(to: "2020-01-01T00:00:00Z") { received } }');
      expect(before.handoffStats).toEqual([]);
    }, 60_000);

    it('is refused to desk officers and administrators, and a reversed period is BAD_USER_INPUT', async () => {
      for (const username of ['kemlu.pwni', 'admin', 'polda.ntt']) {
        expect(
          errorCodeOf(await (await as(username)).request('{ handoffStats { received } }')),
        ).toBe('FORBIDDEN');
      }
      const reversed = await (
        await as('auditor')
      ).request(
        '{ handoffStats(from: "2026-02-01T00:00:00Z", to: "2026-01-01T00:00:00Z") { received } }',
      );
      expect(errorCodeOf(reversed)).toBe('BAD_USER_INPUT');
    });
  });

  describe('unitHoldings', () => {
    it('replays from the ledger what a unit held, for a referral that moved between units', async () => {
      const caseId = await openCase('53', ['OTHER'], 1);
      const first = await send(caseId, 'RPTC-BAMBUAPUS');
      await waitForLedgerSealed(dataSourceOf(worker));
      await new Promise((resolve) => setTimeout(resolve, 20));
      const beforeRedirect = new Date();
      await new Promise((resolve) => setTimeout(resolve, 20));
      const second = await redirect('kemensos.rptc', first, 'POLDA-NTT');
      await waitForLedgerSealed(dataSourceOf(worker));
      const afterRedirect = new Date();

      const holdings = async (unitCode: string, at: Date) =>
        (
          await (
            await as('auditor')
          ).data<{
            unitHoldings: { referral: { id: string } | null; status: string; lastAction: string }[];
          }>(
            'query($u: ID!, $at: DateTime!) { unitHoldings(unitId: $u, at: $at) { referral { id } status lastAction since lastSeq } }',
            { u: unit(unitCode), at: at.toISOString() },
          )
        ).unitHoldings;
      // Before the redirect the shelter held it, waiting for acknowledgement; the police nothing.
      expect(await holdings('RPTC-BAMBUAPUS', beforeRedirect)).toEqual([
        expect.objectContaining({ referral: { id: first }, status: 'REQUESTED' }),
      ]);
      expect(
        (await holdings('POLDA-NTT', beforeRedirect)).map((h) => h.referral?.id),
      ).not.toContain(second);
      // After it, the shelter holds nothing of it and the police hold the new referral — while
      // the answer for the earlier time stays what it was.
      expect(
        (await holdings('RPTC-BAMBUAPUS', afterRedirect)).map((h) => h.referral?.id),
      ).not.toContain(first);
      expect(await holdings('POLDA-NTT', afterRedirect)).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ referral: { id: second }, status: 'REQUESTED' }),
        ]),
      );
      expect((await holdings('RPTC-BAMBUAPUS', beforeRedirect)).map((h) => h.referral?.id)).toEqual(
        [first],
      );
    }, 60_000);

    it('is the unit’s own or an auditor’s question: FORBIDDEN for another unit, NOT_FOUND for no unit', async () => {
      const at = new Date().toISOString();
      const ask = async (username: string, unitId: string) =>
        errorCodeOf(
          await (
            await as(username)
          ).request(
            'query($u: ID!, $at: DateTime!) { unitHoldings(unitId: $u, at: $at) { status } }',
            {
              u: unitId,
              at,
            },
          ),
        );
      expect(await ask('lpsk', unit('KEMLU-PWNI'))).toBe('FORBIDDEN');
      expect(await ask('kemlu.pwni', unit('KEMLU-PWNI'))).toBeUndefined();
      expect(await ask('auditor', '00000000-0000-4000-8000-000000000000')).toBe('NOT_FOUND');
    });
  });

  describe('ping-pong', () => {
    it('lists a case bounced more than three times and alerts the province’s Gugus Tugas once', async () => {
      const caseId = await openCase('53', ['FORCED_LABOUR'], 1);
      await reject('lpsk', await send(caseId, 'LPSK-PUSAT'));
      await reject('kemlu.pwni', await send(caseId, 'KEMLU-PWNI'));
      const redirected = await redirect(
        'bp3mi.ntt',
        await send(caseId, 'BP3MI-NTT'),
        'UPTDPPA-NTT',
      );
      // Three bounces: not over the threshold yet.
      type Row = {
        caseId: string;
        bounces: number;
        provinceCode: string;
        case: { id: string } | null;
      };
      const list = async (username: string) =>
        (
          await (
            await as(username)
          ).data<{ pingPongCases: Row[] }>(
            '{ pingPongCases { caseId caseReference bounces provinceCode lastBounceAt case { id } } }',
          )
        ).pingPongCases.filter((row) => row.caseId === caseId);
      expect(await list('auditor')).toEqual([]);
      await reject('uptdppa.ntt', redirected);

      expect(await list('auditor')).toEqual([
        expect.objectContaining({ bounces: 4, provinceCode: '53', case: { id: caseId } }),
      ]);
      // The NTT task force is told of it but is no party of the case: no case content.
      expect(await list('gugustugas.ntt')).toEqual([
        expect.objectContaining({ bounces: 4, case: null }),
      ]);
      expect(
        errorCodeOf(await (await as('kemlu.pwni')).request('{ pingPongCases { caseId } }')),
      ).toBe('FORBIDDEN');

      const alerts = async () =>
        (
          await pg.query<{ to_unit_id: string; payload: { bounces: number; threshold: number } }>(
            `SELECT to_unit_id, payload FROM ledger_entry WHERE action = 'CASE_PING_PONG' AND case_id = $1`,
            [caseId],
          )
        ).rows;
      await waitForCondition(
        'the ping-pong alert',
        async () => (await alerts()).length > 0,
        15_000,
      );
      // A few more sweeps run; the case is alerted once.
      await new Promise((resolve) => setTimeout(resolve, 800));
      const { caseReference } = (await list('auditor'))[0] as Row & { caseReference: string };
      expect(await alerts()).toEqual([
        {
          to_unit_id: unit('GT-NTT'),
          payload: { reference: caseReference, bounces: 4, threshold: 3 },
        },
      ]);
      // …which the task force's supervisor finds among its notifications.
      const notified = async () =>
        (
          await (
            await as('gugustugas.ntt')
          ).data<{
            notifications: { edges: { node: { action: string; reference: string | null } }[] };
          }>('{ notifications { edges { node { action reference } } } }')
        ).notifications.edges.map((edge) => edge.node);
      await waitForCondition(
        'the Gugus Tugas notification',
        async () => (await notified()).some((n) => n.action === 'CASE_PING_PONG'),
        15_000,
      );
      expect((await notified()).filter((n) => n.action === 'CASE_PING_PONG')).toEqual([
        { action: 'CASE_PING_PONG', reference: caseReference },
      ]);
    }, 60_000);
  });

  describe('evaluationStatistics (k = 11)', () => {
    type Cell = {
      month: string;
      provinceCode: string | null;
      exploitationType: string;
      agencyCode: string;
      suppressed: boolean;
      persons: number | null;
      casesOpened: number | null;
      referrals: number | null;
    };
    const CELLS =
      '{ k fromMonth toMonth cells { month provinceCode exploitationType agencyCode suppressed persons casesOpened referrals accepted medianMinutesToAccept completed failed rejected redirected } }';
    const statistics = async (username: string, from = thisMonth(), to = thisMonth()) =>
      (
        await (
          await as(username)
        ).data<{ evaluationStatistics: { k: number; cells: Cell[] } }>(
          `query($f: String!, $t: String!) { evaluationStatistics(fromMonth: $f, toMonth: $t) ${CELLS} }`,
          { f: from, t: to },
        )
      ).evaluationStatistics;

    it('suppresses a cell of 10 persons, shows one of 11, and publishes no totals', async () => {
      // Province 11 (Aceh), ORGAN_REMOVAL: 10 persons. Province 12, DOMESTIC_SERVITUDE: 11
      // persons in two cases. Kemlu leads both (KBRI Phnom Penh); one referral of the second
      // province goes to LPSK with its case's 6 persons.
      await openCase('11', ['ORGAN_REMOVAL'], 10);
      await openCase('12', ['DOMESTIC_SERVITUDE'], 5);
      const six = await openCase('12', ['DOMESTIC_SERVITUDE'], 6);
      await send(six, 'LPSK-PUSAT');

      const result = await statistics('auditor');
      expect(result.k).toBe(11);
      const kemlu = agencyOfUnit.get('KBRI-PHNOMPENH');
      const cell = (province: string, type: string, agency: string | undefined) =>
        result.cells.find(
          (c) =>
            c.provinceCode === province && c.exploitationType === type && c.agencyCode === agency,
        );
      expect(cell('11', 'ORGAN_REMOVAL', kemlu)).toEqual(
        expect.objectContaining({
          suppressed: true,
          persons: null,
          casesOpened: null,
          referrals: null,
        }),
      );
      expect(cell('12', 'DOMESTIC_SERVITUDE', kemlu)).toEqual(
        expect.objectContaining({ suppressed: false, persons: 11, casesOpened: 2, referrals: 0 }),
      );
      expect(cell('12', 'DOMESTIC_SERVITUDE', agencyOfUnit.get('LPSK-PUSAT'))).toEqual(
        expect.objectContaining({ suppressed: true, persons: null, referrals: null }),
      );
      // No cell published under k, and nothing but cells: no margin to subtract from.
      for (const c of result.cells) {
        if (!c.suppressed) expect(c.persons).toBeGreaterThanOrEqual(11);
        else expect([c.persons, c.casesOpened, c.referrals]).toEqual([null, null, null]);
      }
      expect(Object.keys(result).sort()).toEqual(['cells', 'fromMonth', 'k', 'toMonth']);
      // A longer range gives the same cell for the month: no two numbers to difference.
      const longer = await statistics('auditor', '2025-01', thisMonth());
      expect(longer.cells.filter((c) => c.month === thisMonth())).toEqual(result.cells);
    }, 60_000);

    it('exports the same cells as CSV over bearer-authenticated HTTP, suppressed ones empty', async () => {
      const base = url.replace(/\/graphql$/, '');
      const csvUrl = `${base}/statistics/evaluation.csv?fromMonth=${thisMonth()}&toMonth=${thisMonth()}`;
      const token = sessions.get('auditor')?.token as string;
      const response = await fetch(csvUrl, { headers: { authorization: `Bearer ${token}` } });
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toContain('text/csv');
      const lines = (await response.text()).trimEnd().split('\r\n');
      expect(lines[0]).toBe(
        'month,provinceCode,exploitationType,agencyCode,suppressed,persons,casesOpened,referrals,accepted,medianMinutesToAccept,completed,failed,rejected,redirected',
      );
      const kemlu = agencyOfUnit.get('KBRI-PHNOMPENH') as string;
      expect(lines).toContain(`${thisMonth()},11,ORGAN_REMOVAL,${kemlu},true,,,,,,,,,`);
      expect(
        lines.find((l) =>
          l.startsWith(`${thisMonth()},12,DOMESTIC_SERVITUDE,${kemlu},false,11,2,0,`),
        ),
      ).toBeDefined();
      expect(lines).toHaveLength(1 + (await statistics('auditor')).cells.length);
      // No person count under 11 anywhere in the file.
      for (const line of lines.slice(1)) {
        const persons = line.split(',')[5];
        expect(persons === '' || Number(persons) >= 11).toBe(true);
      }

      const noToken = await fetch(csvUrl);
      expect([noToken.status, ((await noToken.json()) as { code: string }).code]).toEqual([
        401,
        'UNAUTHENTICATED',
      ]);
      const desk = await fetch(csvUrl, {
        headers: { authorization: `Bearer ${(await loginAs(url, 'lpsk')).token}` },
      });
      expect(desk.status).toBe(403);
      const badMonth = await fetch(
        `${base}/statistics/evaluation.csv?fromMonth=2026-1&toMonth=2026-02`,
        {
          headers: { authorization: `Bearer ${token}` },
        },
      );
      expect([badMonth.status, ((await badMonth.json()) as { field: string }).field]).toEqual([
        400,
        'fromMonth',
      ]);
    }, 60_000);

    it('gives a provincial Gugus Tugas its province only', async () => {
      const cells = (await statistics('gugustugas.ntt')).cells;
      expect(cells.length).toBeGreaterThan(0);
      expect(new Set(cells.map((c) => c.provinceCode))).toEqual(new Set(['53']));
    });
  });
});

import type { INestApplicationContext } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { parseLedgerDocument, verifyLedgerDocument, type PublishedKeys } from '@simpul/ledger';
import { bootWorker, dataSourceOf } from '../support/boot-in-process';
import { createIsolatedDatabase, type IsolatedDatabase } from '../support/isolated-database';
import { loginAs, type Session } from '../support/login-as';
import { startHardenedGateway } from '../support/start-hardened-gateway';
import { startLedgerSequencer, waitForLedgerSealed } from '../support/start-ledger-sequencer';
import { waitForCondition } from '../support/wait-for-condition';

/**
 * dossier.json answered HTTP 500 for a case with four declined referrals. Their entries took the
 * ledger past seq 9, and a dossier signs a checkpoint on the spot when the latest one does not
 * cover the case: extending the tree read the new entries ORDER BY the text alias `seq`, so "10"
 * came before "8", the tree refused to grow ("ledger seq 8 is missing") and no checkpoint could
 * be signed — the controller's catch-all 500. libs/ledger/src/tree/ledger-tree.ts now orders by
 * the column. This file pins it on a database of its own, so the case's entries are the ones that
 * cross seq 10 (the sequencer's own checkpointer extends the tree as they are sealed). Then a
 * worker joins, the four rejections make the case ping-pong (a CASE_PING_PONG entry to the
 * province's Gugus Tugas, no actor, no sending unit) and the dossier holds that too.
 */
describe('case dossier of a case with four declined referrals', () => {
  let database: IsolatedDatabase;
  let gateway: NestFastifyApplication;
  let sequencer: INestApplicationContext;
  let worker: INestApplicationContext | undefined;
  let baseUrl: string;
  const prefix = `${process.env.REDIS_PREFIX}-dossier`;
  const sessions = new Map<string, Session>();
  const unitIds = new Map<string, string>();

  const as = async (username: string) => {
    if (!sessions.has(username))
      sessions.set(username, await loginAs(`${baseUrl}/graphql`, username));
    return sessions.get(username) as Session;
  };
  const get = async (path: string, username: string) =>
    fetch(`${baseUrl}${path}`, {
      headers: { authorization: `Bearer ${(await as(username)).token}` },
    });
  /** Runs `start` with this file's database as DATABASE_URL (config is read at boot). */
  const onOwnDatabase = async <T>(start: () => Promise<T>): Promise<T> => {
    const saved = process.env.DATABASE_URL;
    process.env.DATABASE_URL = database.url;
    try {
      return await start();
    } finally {
      process.env.DATABASE_URL = saved;
    }
  };

  /** GET dossier.json as the auditor: 200, every entry of the case, and it verifies. */
  async function expectVerifiedDossier(caseId: string): Promise<string[]> {
    const response = await get(`/exports/cases/${caseId}/dossier.json`, 'auditor');
    const text = await response.text();
    expect({ status: response.status, body: text.slice(0, 120) }).toEqual({
      status: 200,
      body: expect.stringContaining('simpul-case-dossier/v1'),
    });
    const dossier = JSON.parse(text) as { entries: { action: string }[] };
    const [{ count }] = await dataSourceOf(gateway).query<{ count: number }[]>(
      'SELECT count(*)::int AS count FROM ledger_entry WHERE case_id = $1',
      [caseId],
    );
    expect(dossier.entries).toHaveLength(count);
    const keys = (await (
      await fetch(`${baseUrl}/.well-known/simpul-ledger-keys.json`)
    ).json()) as PublishedKeys;
    expect(verifyLedgerDocument(parseLedgerDocument(text), keys)).toMatchObject({ ok: true });
    return dossier.entries.map((e) => e.action);
  }

  beforeAll(async () => {
    database = await createIsolatedDatabase('dossier');
    ({ app: gateway, baseUrl } = await startHardenedGateway({
      DATABASE_URL: database.url,
      REDIS_PREFIX: prefix,
      RATE_LIMIT_OFFICER_RPM: '0',
    }));
    sequencer = await onOwnDatabase(startLedgerSequencer);
    const { units } = await (
      await as('auditor')
    ).client.data<{ units: { id: string; code: string }[] }>('{ units { id code } }');
    for (const u of units) unitIds.set(u.code, u.id);
  }, 120_000);

  afterAll(async () => {
    await worker?.close();
    await sequencer?.close();
    await gateway?.close();
    await database?.drop();
  }, 60_000);

  it('answers the whole dossier, which verifies, before and after the ping-pong entry', async () => {
    const pg = dataSourceOf(gateway);
    const kbri = (await as('kbri.phnompenh')).client;
    const { openCase } = await kbri.data<{ openCase: { id: string } }>(
      'mutation($input: OpenCaseInput!) { openCase(input: $input) { id } }',
      {
        input: {
          title: 'Kasus ditolak empat kali',
          exploitationTypes: ['FORCED_LABOUR'],
          regionCode: '53',
          persons: [{ fullName: 'Orang Uji', sex: 'FEMALE' }],
        },
      },
    );
    const caseId = openCase.id;
    const receivers = [
      ['lpsk', 'LPSK-PUSAT'],
      ['kemlu.pwni', 'KEMLU-PWNI'],
      ['bp3mi.ntt', 'BP3MI-NTT'],
      ['uptdppa.ntt', 'UPTDPPA-NTT'],
    ] as const;
    for (const [username, code] of receivers) {
      const { sendReferral } = await kbri.data<{ sendReferral: { id: string } }>(
        'mutation($input: SendReferralInput!) { sendReferral(input: $input) { id } }',
        {
          input: {
            caseId,
            toUnitId: unitIds.get(code),
            services: ['SHELTER'],
            priority: 'ROUTINE',
            summary: 'Mohon ditangani',
          },
        },
      );
      const receiver = (await as(username)).client;
      await receiver.data('mutation($id: ID!) { acknowledgeReferral(id: $id) { status } }', {
        id: sendReferral.id,
      });
      await receiver.data(
        'mutation($id: ID!) { rejectReferral(id: $id, reason: NOT_MANDATE, note: "Bukan kewenangan kami") { status } }',
        { id: sendReferral.id },
      );
    }
    await waitForLedgerSealed(pg);
    const [{ sealed }] = await pg.query<{ sealed: number }[]>(
      'SELECT next_seq::int AS sealed FROM ledger_head',
    );
    // The case's entries took the ledger across seq 10, where the tree once stopped growing.
    expect(sealed).toBeGreaterThan(10);
    const actions = await expectVerifiedDossier(caseId);
    expect(actions.filter((a) => a === 'REFERRAL_REJECTED')).toHaveLength(4);

    worker = await onOwnDatabase(() =>
      bootWorker({ REDIS_PREFIX: prefix, PING_PONG_SWEEP_MS: '200', PING_PONG_THRESHOLD: '3' }),
    );
    await waitForCondition(
      'the ping-pong entry',
      async () =>
        (
          await pg.query<{ n: number }[]>(
            `SELECT count(*)::int AS n FROM ledger_entry WHERE action = 'CASE_PING_PONG' AND case_id = $1`,
            [caseId],
          )
        )[0].n === 1,
      15_000,
    );
    await waitForLedgerSealed(pg);
    expect(await expectVerifiedDossier(caseId)).toContain('CASE_PING_PONG');

    const html = await get(`/exports/cases/${caseId}/dossier.html`, 'auditor');
    expect(html.status).toBe(200);
    expect(await html.text()).toContain('Rujukan ditolak');
  }, 90_000);
});

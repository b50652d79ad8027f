import type { INestApplicationContext } from '@nestjs/common';
import { Client } from 'pg';
import { loadConfig, roleOf } from '@simpul/config';
import { APPEND_ONLY_TABLES } from '@simpul/database';
import { bootWorker, dataSourceOf } from '../support/boot-in-process';
import { findUnitIds, loginAs } from '../support/login-as';
import { startHardenedGateway, type RunningGateway } from '../support/start-hardened-gateway';
import { waitForCondition } from '../support/wait-for-condition';

const PERMISSION_DENIED = /permission denied (for table|for sequence|to set parameter)/;

async function connect(url: string): Promise<Client> {
  const client = new Client({ connectionString: url });
  await client.connect();
  return client;
}

/** The SQLSTATE and message a statement fails with (it must fail). */
async function refusal(client: Client, sql: string, params: unknown[] = []): Promise<string> {
  try {
    await client.query(sql, params);
  } catch (error) {
    const { code, message } = error as { code?: string; message: string };
    return `${code}: ${message}`;
  }
  throw new Error(`not refused: ${sql}`);
}

/**
 * docs/adr/0013-least-privilege-database-roles.md: gateway and worker connect as roles that
 * cannot change the ledger whatever SQL they send — the database refuses for want of privilege,
 * before any trigger runs — and the hub works end to end as them.
 */
describe('least-privilege database roles', () => {
  const config = loadConfig(process.env);
  let owner: Client;
  let app: Client;
  let sequencer: Client;

  beforeAll(async () => {
    owner = await connect(config.databaseUrl);
    app = await connect(config.database.appUrl);
    sequencer = await connect(config.database.sequencerUrl);
  });

  afterAll(async () => {
    await Promise.all([owner?.end(), app?.end(), sequencer?.end()]);
  });

  it('connects gateway and worker as roles that are neither superuser nor owner', async () => {
    const { rows } = await owner.query<{ rolname: string; rolsuper: boolean; owns: boolean }>(
      `SELECT r.rolname, r.rolsuper,
              EXISTS (SELECT 1 FROM pg_tables t WHERE t.tableowner = r.rolname) AS owns
         FROM pg_roles r WHERE r.rolname = ANY($1::text[]) ORDER BY r.rolname`,
      [[roleOf(config.database.appUrl), roleOf(config.database.sequencerUrl)]],
    );
    expect(rows).toEqual([
      { rolname: 'simpul_app', rolsuper: false, owns: false },
      { rolname: 'simpul_sequencer', rolsuper: false, owns: false },
    ]);
    const { rows: me } = await app.query<{ user: string }>('SELECT current_user AS user');
    expect(me[0].user).toBe('simpul_app');
  });

  it.each(APPEND_ONLY_TABLES)(
    'refuses the app role UPDATE, DELETE and TRUNCATE of %s for want of privilege',
    async (table) => {
      for (const sql of [
        `UPDATE ${table} SET ${table === 'merkle_node' ? 'hash' : table === 'handoff_note' ? 'text' : table === 'ledger_checkpoint' ? 'signature' : 'payload_digest'} = NULL`,
        `DELETE FROM ${table}`,
        `TRUNCATE ${table} CASCADE`,
      ]) {
        expect(await refusal(app, sql)).toMatch(new RegExp(`^42501: ${PERMISSION_DENIED.source}`));
      }
    },
  );

  it('refuses the app role to name seq or hashes, move the head or step around the triggers', async () => {
    expect(
      await refusal(
        app,
        `INSERT INTO ledger_entry (written_at, action, payload, payload_digest, seq)
         VALUES (now(), 'CASE_OPENED', '{}', 'x', 999999)`,
      ),
    ).toMatch(PERMISSION_DENIED);
    expect(await refusal(app, 'UPDATE ledger_head SET next_seq = next_seq + 1')).toMatch(
      PERMISSION_DENIED,
    );
    // What the tamper tests do as a superuser: switch the triggers off for the session.
    expect(await refusal(app, 'SET session_replication_role = replica')).toMatch(PERMISSION_DENIED);
    expect(await refusal(app, `SET ROLE ${roleOf(config.databaseUrl)}`)).toMatch(
      /permission denied to set role/,
    );
    expect(await refusal(app, 'SELECT * FROM schema_migration')).toMatch(PERMISSION_DENIED);
  });

  it('refuses the sequencer role everything but setting the seal', async () => {
    expect(await refusal(sequencer, 'DELETE FROM ledger_entry')).toMatch(PERMISSION_DENIED);
    expect(await refusal(sequencer, 'TRUNCATE ledger_entry CASCADE')).toMatch(PERMISSION_DENIED);
    expect(await refusal(sequencer, `UPDATE ledger_entry SET action = 'CASE_CLOSED'`)).toMatch(
      PERMISSION_DENIED,
    );
    expect(
      await refusal(
        sequencer,
        `INSERT INTO ledger_entry (written_at, action, payload, payload_digest)
         VALUES (now(), 'CASE_OPENED', '{}', 'x')`,
      ),
    ).toMatch(PERMISSION_DENIED);
    expect(await refusal(sequencer, 'DELETE FROM merkle_node')).toMatch(PERMISSION_DENIED);
  });

  it('grants no UPDATE, DELETE or TRUNCATE on any table a trigger keeps append-only', async () => {
    const { rows: guarded } = await owner.query<{ table: string }>(
      `SELECT DISTINCT event_object_table AS table FROM information_schema.triggers
        WHERE action_statement ~ '_(append|insert)_only\\(\\)' ORDER BY 1`,
    );
    expect(guarded.length).toBeGreaterThan(0);
    for (const { table } of guarded) expect(APPEND_ONLY_TABLES).toContain(table);
    const { rows: granted } = await owner.query<{ table: string; privilege: string }>(
      `SELECT t.name AS table, p.privilege FROM unnest($1::text[]) AS t(name),
              unnest(ARRAY['UPDATE', 'DELETE', 'TRUNCATE']) AS p(privilege)
        WHERE has_table_privilege('simpul_app', t.name, p.privilege)
           OR has_any_column_privilege('simpul_app', t.name, 'UPDATE')`,
      [[...APPEND_ONLY_TABLES, 'ledger_head']],
    );
    expect(granted).toEqual([]);
  });

  describe('the hub as these roles', () => {
    let gateway: RunningGateway;
    let worker: INestApplicationContext;

    beforeAll(async () => {
      gateway = await startHardenedGateway();
      worker = await bootWorker();
    }, 60_000);

    afterAll(async () => {
      await worker?.close();
      await gateway?.close();
    });

    it('sends a referral through GraphQL, delivers it and seals its entries into the chain', async () => {
      const kbri = await loginAs(gateway.graphqlUrl, 'kbri.phnompenh');
      const units = await findUnitIds(kbri.client);
      const { openCase } = await kbri.client.data<{ openCase: { id: string } }>(
        `mutation($input: OpenCaseInput!) { openCase(input: $input) { id } }`,
        {
          input: {
            title: 'Pekerja migran di pusat penipuan daring',
            exploitationTypes: ['ONLINE_SCAM'],
            persons: [],
          },
        },
      );
      const { sendReferral } = await kbri.client.data<{ sendReferral: { id: string } }>(
        `mutation($input: SendReferralInput!) { sendReferral(input: $input) { id } }`,
        {
          input: {
            caseId: openCase.id,
            toUnitId: units.get('KEMLU-PWNI'),
            services: ['REPATRIATION'],
            priority: 'URGENT',
            summary: 'Mohon fasilitasi pemulangan',
          },
        },
      );

      let entries: { action: string; seq: string | null }[] = [];
      await waitForCondition('the referral delivered and its entries sealed', async () => {
        ({ rows: entries } = await owner.query<{ action: string; seq: string | null }>(
          'SELECT action, seq::text FROM ledger_entry WHERE referral_id = $1 ORDER BY id',
          [sendReferral.id],
        ));
        return (
          entries.some((e) => e.action === 'REFERRAL_DELIVERED') &&
          entries.every((e) => e.seq !== null)
        );
      });
      expect(entries.map((e) => e.action)).toEqual(['REFERRAL_SENT', 'REFERRAL_DELIVERED']);

      // Written and delivered as the app's role, sealed as the sequencer's.
      for (const context of [gateway.app, worker]) {
        const [{ user }] = await dataSourceOf(context).query<{ user: string }[]>(
          'SELECT current_user AS user',
        );
        expect(user).toBe('simpul_app');
      }
      const { rows: sealer } = await owner.query<{ usename: string }>(
        `SELECT usename FROM pg_stat_activity
          WHERE datname = current_database() AND application_name = $1`,
        [`simpul-ledger-sequencer:${process.pid}`],
      );
      expect(sealer).toEqual([{ usename: 'simpul_sequencer' }]);

      // The sequencer's column grant reaches the hashes; the trigger refuses a second sealing.
      expect(
        await refusal(sequencer, `UPDATE ledger_entry SET entry_hash = 'x' WHERE seq = $1`, [
          entries[0].seq,
        ]),
      ).toMatch(/append-only: UPDATE refused/);
    }, 60_000);
  });
});

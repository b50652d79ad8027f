import { Client } from 'pg';
import { roleOf, type DatabaseRolesConfig } from '@simpul/config';

/**
 * The least-privilege roles of docs/adr/0013-least-privilege-database-roles.md, as the owner
 * (DATABASE_URL) sets them up after the migrations: the login roles gateway and worker connect as
 * are created when missing (roles belong to the whole cluster; several databases share them), and
 * their grants on this database are laid anew from this list on every `db:prepare`, so a table a
 * migration adds gets exactly what the list says and no grant outlives its line here.
 */

/** Append-only: the app may read and insert, never UPDATE, DELETE or TRUNCATE. */
export const APPEND_ONLY_TABLES = [
  'ledger_entry',
  'handoff_note',
  'merkle_node',
  'ledger_checkpoint',
] as const;

/** The columns a writer names when it appends an entry (libs/ledger/src/ledger-writer.ts). */
const LEDGER_ENTRY_WRITER_COLUMNS = [
  'written_at',
  'action',
  'actor_id',
  'from_unit_id',
  'to_unit_id',
  'case_id',
  'referral_id',
  'alert_id',
  'note_digest',
  'payload',
  'payload_digest',
];

/** The columns sealing sets, once per entry (the triggers refuse a second time). */
const LEDGER_ENTRY_SEAL_COLUMNS = ['seq', 'at', 'prev_hash', 'entry_hash'];

/** Tables the apps never touch: the migrations' own bookkeeping. */
const OWNER_ONLY_TABLES = ['schema_migration'];

const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;
const list = (names: readonly string[]) => names.map(ident).join(', ');

function grantStatements(app: string, sequencer: string, database: string): string[] {
  const both = `${ident(app)}, ${ident(sequencer)}`;
  return [
    // Start from nothing, so that a grant removed from this list is removed from the database.
    `REVOKE ALL ON ALL TABLES IN SCHEMA public FROM ${both}`,
    `REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM ${both}`,
    `GRANT CONNECT ON DATABASE ${ident(database)} TO ${both}`,
    `GRANT USAGE ON SCHEMA public TO ${both}`,

    // The app: reads and writes its own tables, appends to the ledger's.
    `GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${ident(app)}`,
    `REVOKE INSERT, UPDATE, DELETE ON ${list([...APPEND_ONLY_TABLES, 'ledger_head'])} FROM ${ident(app)}`,
    `REVOKE ALL ON ${list(OWNER_ONLY_TABLES)} FROM ${ident(app)}`,
    `GRANT INSERT (${list(LEDGER_ENTRY_WRITER_COLUMNS)}) ON ledger_entry TO ${ident(app)}`,
    `GRANT INSERT ON ${list(APPEND_ONLY_TABLES.filter((t) => t !== 'ledger_entry'))} TO ${ident(app)}`,
    `GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${ident(app)}`,

    // The sequencer: seals entries, moves the chain head, enqueues the batch's outbox rows.
    `GRANT SELECT ON ledger_entry, ledger_head TO ${ident(sequencer)}`,
    `GRANT UPDATE (${list(LEDGER_ENTRY_SEAL_COLUMNS)}) ON ledger_entry TO ${ident(sequencer)}`,
    `GRANT UPDATE ON ledger_head TO ${ident(sequencer)}`,
    `GRANT INSERT ON outbox TO ${ident(sequencer)}`,
  ];
}

/** SQLSTATEs of two prepares (two test runs) creating or granting to the same role at once. */
const RACES = new Set(['42710', '23505', '40001', '40P01', 'XX000']);

export async function grantDatabaseRoles(
  ownerUrl: string,
  roles: DatabaseRolesConfig,
): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await grantOnce(ownerUrl, roles);
    } catch (error) {
      const code = (error as { code?: string }).code;
      if (attempt >= 5 || !code || !RACES.has(code)) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100 * attempt));
    }
  }
}

async function grantOnce(ownerUrl: string, roles: DatabaseRolesConfig): Promise<void> {
  const client = new Client({ connectionString: ownerUrl, application_name: 'simpul-prepare' });
  await client.connect();
  try {
    const app = roleOf(roles.appUrl);
    const sequencer = roleOf(roles.sequencerUrl);
    for (const url of [roles.appUrl, roles.sequencerUrl]) await ensureLoginRole(client, url);
    await refuseMightyRoles(client, [app, sequencer]);
    const [{ database }] = (
      await client.query<{ database: string }>('SELECT current_database() AS database')
    ).rows;
    await client.query('BEGIN');
    for (const sql of grantStatements(app, sequencer, database)) await client.query(sql);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
}

/** Creates the role when missing; gives it the URL's password when the URL carries one. */
async function ensureLoginRole(client: Client, url: string): Promise<void> {
  const role = roleOf(url);
  const password = decodeURIComponent(new URL(url).password);
  const { rowCount } = await client.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [role]);
  if (!rowCount) {
    await client.query(
      `CREATE ROLE ${ident(role)} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS`,
    );
  }
  if (password) {
    // ALTER ROLE takes no parameters: the server quotes the literal.
    const { rows } = await client.query<{ sql: string }>(
      `SELECT format('ALTER ROLE %I PASSWORD %L', $1::text, $2::text) AS sql`,
      [role, password],
    );
    await client.query(rows[0].sql);
  }
}

/**
 * A role that is a superuser, may create roles (and so grant itself the owner's) or has the
 * owner's privileges could rewrite the ledger whatever is granted here: refuse to go on.
 */
async function refuseMightyRoles(client: Client, names: string[]): Promise<void> {
  const { rows } = await client.query<{ rolname: string; why: string }>(
    `SELECT rolname,
            CASE WHEN rolsuper THEN 'is a superuser'
                 WHEN rolcreaterole THEN 'may create roles'
                 WHEN rolbypassrls THEN 'bypasses row security'
                 ELSE 'has the privileges of ' || current_user END AS why
       FROM pg_roles
      WHERE rolname = ANY($1::text[])
        AND (rolsuper OR rolcreaterole OR rolbypassrls OR pg_has_role(rolname, current_user, 'USAGE'))`,
    [names],
  );
  if (rows.length) {
    throw new Error(
      `database role ${rows[0].rolname} ${rows[0].why}: gateway and worker must connect as ` +
        'least-privilege roles (docs/adr/0013-least-privilege-database-roles.md)',
    );
  }
}

import type { Client } from 'pg';

/** Tables a request that failed must leave exactly as they were (login bookkeeping excluded). */
const WATCHED = [
  'case',
  'case_party',
  'person',
  'person_access',
  'referral',
  'referral_person',
  'handoff_note',
  'ledger_entry',
  'ledger_head',
  'outbox',
  'idempotency_key',
  'agency',
  'unit',
  'officer',
];

/**
 * Counts every row inserted, updated or deleted in the watched tables by a committed transaction:
 * a row-level trigger bumps one counter in the same transaction, so a rolled-back write leaves it
 * as it was and a committed one — even an update that keeps the row count — moves it. Installed in
 * the fuzz test's own database only. Returns a function reading the counter.
 */
export async function installWriteCounter(client: Client): Promise<() => Promise<string>> {
  const { rows } = await client.query<{ table_name: string }>(
    `SELECT table_name FROM information_schema.tables
      WHERE table_schema = 'public' AND table_name = ANY($1)`,
    [WATCHED],
  );
  await client.query(`
    CREATE TABLE fuzz_write_counter (rows bigint NOT NULL);
    INSERT INTO fuzz_write_counter VALUES (0);
    -- As its owner: the hub writes as simpul_app, which has no grant on this test's counter.
    CREATE FUNCTION fuzz_count_write() RETURNS trigger LANGUAGE plpgsql
      SECURITY DEFINER SET search_path = public AS $$
      BEGIN
        UPDATE fuzz_write_counter SET rows = rows + 1;
        RETURN NULL;
      END $$;
  `);
  for (const { table_name: table } of rows) {
    await client.query(
      `CREATE TRIGGER fuzz_count_write AFTER INSERT OR UPDATE OR DELETE ON "${table}"
        FOR EACH ROW EXECUTE FUNCTION fuzz_count_write()`,
    );
  }
  return async () => {
    const result = await client.query<{ rows: string }>('SELECT rows FROM fuzz_write_counter');
    return result.rows[0].rows;
  };
}

import { createHash, randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import { runClosedLoops, type Measurement } from './measurement';

/**
 * The raw baseline: a transaction shaped like sendReferral (one referral-like row, one ledger-like
 * row, one outbox-like row), through the same `pg` driver, one statement per round trip, into
 * scratch tables of the bench database. With `chainHead`, the ledger row also takes and advances a
 * one-row chain head FOR UPDATE, as the ledger writer does.
 */
const SCRATCH_TABLES = `
  CREATE TABLE IF NOT EXISTS bench_referral (
    id uuid PRIMARY KEY, reference text NOT NULL, case_id uuid NOT NULL, from_unit_id uuid NOT NULL,
    to_unit_id uuid NOT NULL, sent_by_id uuid NOT NULL, services text[] NOT NULL, priority text NOT NULL,
    status text NOT NULL, summary text NOT NULL, delivery text NOT NULL DEFAULT 'PENDING',
    sent_at timestamptz NOT NULL, acknowledge_by timestamptz NOT NULL, accept_by timestamptz NOT NULL,
    version int NOT NULL);
  CREATE TABLE IF NOT EXISTS bench_ledger (
    seq bigserial PRIMARY KEY, at timestamptz NOT NULL, action text NOT NULL, actor_id uuid,
    from_unit_id uuid, to_unit_id uuid, case_id uuid, referral_id uuid, payload jsonb NOT NULL,
    payload_digest text NOT NULL, prev_hash text NOT NULL, entry_hash text NOT NULL UNIQUE);
  CREATE TABLE IF NOT EXISTS bench_outbox (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, queue text NOT NULL, job_name text NOT NULL,
    payload jsonb NOT NULL, created_at timestamptz NOT NULL DEFAULT now(), dispatched_at timestamptz);
  CREATE TABLE IF NOT EXISTS bench_head (id smallint PRIMARY KEY, next_seq bigint NOT NULL, last_hash text NOT NULL);
  INSERT INTO bench_head VALUES (1, 0, repeat('0', 64)) ON CONFLICT DO NOTHING;`;

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

export async function measurePostgresBaseline(
  databaseUrl: string,
  concurrency: number,
  durationMs: number,
  chainHead: boolean,
): Promise<Measurement> {
  const pool = new Pool({ connectionString: databaseUrl, max: concurrency });
  try {
    await pool.query(SCRATCH_TABLES);
    const units = [randomUUID(), randomUUID()];
    const label = chainHead ? 'raw PG tx + chain-head lock' : 'raw PG tx (3 INSERTs)';
    return await runClosedLoops(label, concurrency, durationMs, async (loop) => {
      const client = await pool.connect();
      try {
        const id = randomUUID();
        const now = new Date();
        await client.query('BEGIN');
        await client.query(
          `INSERT INTO bench_referral (id, reference, case_id, from_unit_id, to_unit_id, sent_by_id,
             services, priority, status, summary, sent_at, acknowledge_by, accept_by, version)
           VALUES ($1, $2, $3, $4, $5, $6, $7, 'ROUTINE', 'REQUESTED', $8, $9, $9, $9, 1)`,
          [
            id,
            `RJK-${id.slice(0, 8)}`,
            units[0],
            units[0],
            units[1],
            units[0],
            ['REPATRIATION'],
            `bench referral of loop ${loop}`,
            now,
          ],
        );
        let prevHash = '0'.repeat(64);
        if (chainHead) {
          const head = await client.query<{ last_hash: string }>(
            'SELECT next_seq, last_hash FROM bench_head WHERE id = 1 FOR UPDATE',
          );
          prevHash = head.rows[0].last_hash;
        }
        const payload = JSON.stringify({ referralId: id, services: ['REPATRIATION'] });
        const entryHash = sha256(prevHash + payload + id);
        await client.query(
          `INSERT INTO bench_ledger (at, action, actor_id, from_unit_id, to_unit_id, case_id, referral_id,
             payload, payload_digest, prev_hash, entry_hash)
           VALUES ($1, 'REFERRAL_SENT', $2, $2, $3, $2, $4, $5::jsonb, $6, $7, $8)`,
          [now, units[0], units[1], id, payload, sha256(payload), prevHash, entryHash],
        );
        if (chainHead) {
          await client.query(
            'UPDATE bench_head SET next_seq = next_seq + 1, last_hash = $1 WHERE id = 1',
            [entryHash],
          );
        }
        await client.query(
          `INSERT INTO bench_outbox (queue, job_name, payload) VALUES ('delivery', 'deliver-referral', $1::jsonb)`,
          [JSON.stringify({ referralId: id })],
        );
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    });
  } finally {
    await pool.end();
  }
}

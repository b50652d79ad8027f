import type { Client } from 'pg';
import { OUTBOX_CHANNEL, statementParams, type OutboxWriter } from '@simpul/delivery';
import type { HandoffAction } from '../handoff-action';
import { entryHash, hashedEntryOf } from '@simpul/ledger-format';
import { namedStatement } from '@simpul/database';

interface Head {
  next_seq: string;
  last_hash: string;
  last_at: Date | null;
  horizon: string;
}

interface UnsealedRow {
  id: string;
  written_at: Date;
  action: HandoffAction;
  actor_id: string | null;
  from_unit_id: string | null;
  to_unit_id: string | null;
  case_id: string | null;
  referral_id: string | null;
  alert_id: string | null;
  note_digest: string | null;
  payload: Record<string, unknown>;
  payload_digest: string;
}

interface Seal {
  id: string;
  seq: string;
  at: Date;
  prevHash: string;
  entryHash: string;
}

/**
 * The chain head, locked, and the horizon: the oldest transaction id still running in THIS
 * database (as a 64-bit id), or the next id to be assigned when none runs. Every entry whose
 * xact_id is below the horizon belongs to a finished transaction — committed and visible to the
 * next statement, or rolled back and gone — and no transaction can still add one below it. That
 * is the snapshot's xmin restricted to this database (pg_current_snapshot() counts every
 * database of the cluster, so a long transaction elsewhere would hold the ledger back).
 * pg_stat_activity and pg_prepared_xacts give 32-bit xids: each is widened against the snapshot's
 * xmax (the next 64-bit id, read before them), which it trails by less than 2^31.
 */
const HEAD_AND_HORIZON_SQL = `
  SELECT h.next_seq, h.last_hash, h.last_at,
         LEAST(n.next_id, (
           SELECT min(n.next_id - ((n.next_id % 4294967296) - r.xid::text::bigint + 4294967296) % 4294967296)
             FROM (SELECT backend_xid AS xid FROM pg_stat_activity
                    WHERE datname = current_database() AND backend_xid IS NOT NULL
                   UNION ALL
                   SELECT transaction FROM pg_prepared_xacts WHERE database = current_database()) r
         ))::text AS horizon
    FROM ledger_head h,
         (SELECT pg_snapshot_xmax(pg_current_snapshot())::text::bigint AS next_id) n
   WHERE h.id = 1
     FOR UPDATE OF h`;

/** In the order they are sealed: by writing transaction, then as each transaction wrote them. */
const TAKE_SQL = `
  SELECT id, written_at, action, actor_id, from_unit_id, to_unit_id, case_id, referral_id,
         alert_id, note_digest, payload, payload_digest
    FROM ledger_entry
   WHERE seq IS NULL AND xact_id < $1::bigint
   ORDER BY xact_id, id
   LIMIT $2`;

/** Whether any committed entry waits to be sealed (the partial index answers it). */
export async function hasUnsealed(client: Client): Promise<boolean> {
  const { rows } = await client.query<{ waiting: boolean }>(
    namedStatement('SELECT EXISTS (SELECT 1 FROM ledger_entry WHERE seq IS NULL) AS waiting'),
  );
  return rows[0].waiting;
}

/**
 * One batch: takes the settled unsealed entries, gives them the next seqs and their hashes, moves
 * the head, and writes the outbox rows that publish the batch to live subscribers and notify the
 * officers and systems it concerns — one
 * transaction, so readers see the whole batch or none of it. Runs on the connection that holds the
 * sequencer lock. Returns how many entries it sealed.
 */
export async function sealBatch(
  client: Client,
  outbox: OutboxWriter,
  limit: number,
): Promise<number> {
  await client.query('BEGIN');
  try {
    // Named statements: planned once on this long-lived connection, not at every batch.
    const [head] = (await client.query<Head>(namedStatement(HEAD_AND_HORIZON_SQL))).rows;
    if (!head) throw new Error('ledger_head row is missing; migrations were not applied');
    const rows = (await client.query<UnsealedRow>(namedStatement(TAKE_SQL, [head.horizon, limit])))
      .rows;
    if (rows.length === 0) {
      await client.query('ROLLBACK');
      return 0;
    }
    const seals = sealRows(rows, head);
    await writeSeals(client, outbox, seals);
    await client.query('COMMIT');
    return rows.length;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}

function sealRows(rows: UnsealedRow[], head: Head): Seal[] {
  let seq = BigInt(head.next_seq);
  let prevHash = head.last_hash;
  let lastAt = head.last_at?.getTime() ?? 0;
  return rows.map((row) => {
    // The writer's clock, raised where needed: `at` never decreases along the chain.
    const at = new Date(Math.max(row.written_at.getTime(), lastAt));
    lastAt = at.getTime();
    const hash = entryHash(
      prevHash,
      hashedEntryOf({
        seq: seq.toString(),
        at,
        action: row.action,
        actorId: row.actor_id,
        fromUnitId: row.from_unit_id,
        toUnitId: row.to_unit_id,
        caseId: row.case_id,
        referralId: row.referral_id,
        alertId: row.alert_id,
        noteDigest: row.note_digest,
        payloadDigest: row.payload_digest,
      }),
    );
    const seal = { id: String(row.id), seq: (seq++).toString(), at, prevHash, entryHash: hash };
    prevHash = hash;
    return seal;
  });
}

/**
 * Seals, head, publish job, notify job (libs/notification turns the batch into notifications,
 * emails and webhooks) and the relay's nudge in one statement.
 */
async function writeSeals(client: Client, outbox: OutboxWriter, seals: Seal[]): Promise<void> {
  const { params, bind } = statementParams();
  const last = seals[seals.length - 1];
  const sql = `
    WITH sealed AS (
      UPDATE ledger_entry e
         SET seq = s.seq, at = s.at, prev_hash = s.prev_hash, entry_hash = s.entry_hash
        FROM unnest(${bind(seals.map((s) => s.id))}::bigint[], ${bind(seals.map((s) => s.seq))}::bigint[],
                    ${bind(seals.map((s) => s.at))}::timestamptz[], ${bind(seals.map((s) => s.prevHash))}::text[],
                    ${bind(seals.map((s) => s.entryHash))}::text[]) AS s(id, seq, at, prev_hash, entry_hash)
       WHERE e.id = s.id AND e.seq IS NULL
      RETURNING 1),
    head AS (
      UPDATE ledger_head SET next_seq = ${bind((BigInt(last.seq) + 1n).toString())},
             last_hash = ${bind(last.entryHash)}, last_at = ${bind(last.at)}
       WHERE id = 1),
    job AS (${outbox.insertSql(bind, 'publish-handoff-events', { seqs: seals.map((s) => s.seq) })}),
    notify AS (${outbox.insertSql(bind, 'notify-handoff-events', { seqs: seals.map((s) => s.seq) })})
    SELECT count(*)::int AS sealed, pg_notify(${bind(OUTBOX_CHANNEL)}, '') FROM sealed`;
  const [{ sealed }] = (await client.query<{ sealed: number }>(namedStatement(sql, params))).rows;
  // Cannot happen under the head lock; if it did, committing would leave a gap in seq.
  if (sealed !== seals.length) {
    throw new Error(`sealed ${sealed} of ${seals.length} ledger entries; batch rolled back`);
  }
}

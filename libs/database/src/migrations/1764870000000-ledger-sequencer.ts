import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The ledger's commit-order sequencer (docs/ledger-format.md, "Appending"). Use cases insert
 * entries without seq, at or hashes, stamped with their transaction's id; one sequencer (the
 * worker holding the advisory lock below) later seals them into the chain in one batch
 * transaction. Writers no longer queue for the chain-head row.
 *
 * - ledger_entry gets `id` (insertion order), `xact_id` (the writing transaction's 64-bit id,
 *   set by a trigger so that no writer can choose its place) and `written_at` (the writer's
 *   clock). seq, at, prev_hash and entry_hash become NULL until sealed; they are set together,
 *   once, by the sequencer only.
 * - handoff_note is keyed by the entry's id, which exists from the write on (seq does not).
 * - ledger_head remembers the last `at`, so that `at` never decreases along the chain.
 */
export class LedgerSequencer1764870000000 implements MigrationInterface {
  name = 'LedgerSequencer1764870000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE ledger_entry
        ADD COLUMN id bigint,
        ADD COLUMN xact_id bigint,
        ADD COLUMN written_at timestamptz;
      -- Existing entries are sealed already: their id follows their seq.
      ALTER TABLE ledger_entry DISABLE TRIGGER ledger_entry_append_only;
      UPDATE ledger_entry SET id = seq + 1, xact_id = 0, written_at = at;
      ALTER TABLE ledger_entry ENABLE TRIGGER ledger_entry_append_only;
      ALTER TABLE ledger_entry
        ALTER COLUMN id SET NOT NULL,
        ALTER COLUMN xact_id SET NOT NULL,
        ALTER COLUMN written_at SET NOT NULL;
      ALTER TABLE ledger_entry ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY;
      SELECT setval(pg_get_serial_sequence('ledger_entry', 'id'), COALESCE(max(id), 0) + 1, false)
        FROM ledger_entry;

      ALTER TABLE handoff_note ADD COLUMN entry_id bigint;
      UPDATE handoff_note SET entry_id = seq + 1;
      ALTER TABLE handoff_note DROP COLUMN seq;
      ALTER TABLE handoff_note ALTER COLUMN entry_id SET NOT NULL, ADD PRIMARY KEY (entry_id);

      ALTER TABLE ledger_entry DROP CONSTRAINT ledger_entry_pkey;
      ALTER TABLE ledger_entry ADD PRIMARY KEY (id);
      ALTER TABLE ledger_entry ADD CONSTRAINT ledger_entry_seq_key UNIQUE (seq);
      ALTER TABLE handoff_note ADD CONSTRAINT handoff_note_entry_fkey
        FOREIGN KEY (entry_id) REFERENCES ledger_entry (id);
      ALTER TABLE ledger_entry
        ALTER COLUMN seq DROP NOT NULL,
        ALTER COLUMN at DROP NOT NULL,
        ALTER COLUMN prev_hash DROP NOT NULL,
        ALTER COLUMN entry_hash DROP NOT NULL,
        ADD CONSTRAINT ledger_entry_sealed_at_once CHECK (
          (seq IS NULL) = (at IS NULL) AND (seq IS NULL) = (prev_hash IS NULL)
          AND (seq IS NULL) = (entry_hash IS NULL));
      -- What the sequencer takes next: the unsealed entries in the order it seals them.
      CREATE INDEX ledger_entry_unsealed_idx ON ledger_entry (xact_id, id) WHERE seq IS NULL;

      ALTER TABLE ledger_head ADD COLUMN last_at timestamptz;
      UPDATE ledger_head SET last_at = (SELECT max(at) FROM ledger_entry);

      -- A writer cannot seal an entry itself nor choose its place in the order.
      CREATE FUNCTION ledger_entry_stamp_writer() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.seq IS NOT NULL OR NEW.at IS NOT NULL OR NEW.prev_hash IS NOT NULL
            OR NEW.entry_hash IS NOT NULL THEN
          RAISE EXCEPTION 'ledger_entry: only the sequencer assigns seq, at and hashes'
            USING ERRCODE = 'insufficient_privilege';
        END IF;
        NEW.xact_id := pg_current_xact_id()::text::bigint;
        RETURN NEW;
      END $$;
      CREATE TRIGGER ledger_entry_stamp_writer
        BEFORE INSERT ON ledger_entry
        FOR EACH ROW EXECUTE FUNCTION ledger_entry_stamp_writer();

      -- UPDATE: only the one-time sealing of an unsealed row, by the session that holds the
      -- sequencer's advisory lock (classid 1397312848 = 'SIMP', objid 1); nothing else changes.
      CREATE FUNCTION ledger_entry_seal_once() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF OLD.seq IS NULL AND NEW.seq IS NOT NULL
            AND (NEW.id, NEW.xact_id, NEW.written_at, NEW.action, NEW.actor_id, NEW.from_unit_id,
                 NEW.to_unit_id, NEW.case_id, NEW.referral_id, NEW.alert_id, NEW.note_digest,
                 NEW.payload, NEW.payload_digest)
              IS NOT DISTINCT FROM
                (OLD.id, OLD.xact_id, OLD.written_at, OLD.action, OLD.actor_id, OLD.from_unit_id,
                 OLD.to_unit_id, OLD.case_id, OLD.referral_id, OLD.alert_id, OLD.note_digest,
                 OLD.payload, OLD.payload_digest) THEN
          RETURN NEW;
        END IF;
        RAISE EXCEPTION 'ledger_entry is append-only: UPDATE refused'
          USING ERRCODE = 'insufficient_privilege';
      END $$;
      CREATE FUNCTION ledger_entry_sealed_by_sequencer() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NOT EXISTS (SELECT 1 FROM pg_locks
                        WHERE locktype = 'advisory' AND pid = pg_backend_pid() AND granted
                          AND classid = 1397312848 AND objid = 1 AND objsubid = 2) THEN
          RAISE EXCEPTION 'ledger_entry is append-only: UPDATE refused'
            USING ERRCODE = 'insufficient_privilege';
        END IF;
        RETURN NULL;
      END $$;
      DROP TRIGGER ledger_entry_append_only ON ledger_entry;
      CREATE TRIGGER ledger_entry_seal_once
        BEFORE UPDATE ON ledger_entry
        FOR EACH ROW EXECUTE FUNCTION ledger_entry_seal_once();
      CREATE TRIGGER ledger_entry_sealed_by_sequencer
        BEFORE UPDATE ON ledger_entry
        FOR EACH STATEMENT EXECUTE FUNCTION ledger_entry_sealed_by_sequencer();
      CREATE TRIGGER ledger_entry_append_only
        BEFORE DELETE ON ledger_entry
        FOR EACH ROW EXECUTE FUNCTION ledger_entry_is_append_only();
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    // Only an empty backlog can go back: the old schema has no place for unsealed entries.
    await q.query(`
      DO $$ BEGIN
        IF EXISTS (SELECT 1 FROM ledger_entry WHERE seq IS NULL) THEN
          RAISE EXCEPTION 'unsealed ledger entries remain: run the worker until they are sealed';
        END IF;
      END $$;
      DROP TRIGGER ledger_entry_append_only ON ledger_entry;
      DROP TRIGGER ledger_entry_sealed_by_sequencer ON ledger_entry;
      DROP TRIGGER ledger_entry_seal_once ON ledger_entry;
      DROP TRIGGER ledger_entry_stamp_writer ON ledger_entry;
      DROP FUNCTION ledger_entry_sealed_by_sequencer(), ledger_entry_seal_once(),
        ledger_entry_stamp_writer();
      CREATE TRIGGER ledger_entry_append_only
        BEFORE UPDATE OR DELETE ON ledger_entry
        FOR EACH ROW EXECUTE FUNCTION ledger_entry_is_append_only();
      ALTER TABLE ledger_head DROP COLUMN last_at;
      DROP INDEX ledger_entry_unsealed_idx;
      ALTER TABLE ledger_entry DROP CONSTRAINT ledger_entry_sealed_at_once;
      ALTER TABLE ledger_entry
        ALTER COLUMN seq SET NOT NULL,
        ALTER COLUMN at SET NOT NULL,
        ALTER COLUMN prev_hash SET NOT NULL,
        ALTER COLUMN entry_hash SET NOT NULL;
      ALTER TABLE handoff_note DROP CONSTRAINT handoff_note_entry_fkey;
      ALTER TABLE ledger_entry DROP CONSTRAINT ledger_entry_seq_key;
      ALTER TABLE ledger_entry DROP CONSTRAINT ledger_entry_pkey;
      ALTER TABLE ledger_entry ADD PRIMARY KEY (seq);
      ALTER TABLE handoff_note ADD COLUMN seq bigint;
      UPDATE handoff_note n SET seq = e.seq FROM ledger_entry e WHERE e.id = n.entry_id;
      ALTER TABLE handoff_note DROP CONSTRAINT handoff_note_pkey;
      ALTER TABLE handoff_note DROP COLUMN entry_id;
      ALTER TABLE handoff_note ALTER COLUMN seq SET NOT NULL, ADD PRIMARY KEY (seq);
      ALTER TABLE handoff_note ADD CONSTRAINT handoff_note_seq_fkey
        FOREIGN KEY (seq) REFERENCES ledger_entry (seq);
      ALTER TABLE ledger_entry DROP COLUMN id, DROP COLUMN xact_id, DROP COLUMN written_at;
    `);
  }
}

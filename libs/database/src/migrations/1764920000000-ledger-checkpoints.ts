import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Signed checkpoints over the ledger (docs/ledger-format.md, "Checkpoints"):
 *
 * - merkle_node: the roots of the perfect subtrees of the RFC 9162 tree over sealed entries,
 *   (level, index) → 32-byte hash, appended by the worker as entries are sealed. Any root or proof
 *   reads O(log n) of them and never the ledger itself.
 * - ledger_checkpoint: signed tree heads {treeSize, rootHash, issuedAt, keyId, signature}.
 * - ledger_verification: ADMIN's verifyLedger runs and what they found.
 *
 * merkle_node and ledger_checkpoint are insert-only, like the ledger: a trigger refuses UPDATE,
 * DELETE and TRUNCATE whoever asks (a superuser going around it is what checkpoints held by
 * auditors detect).
 */
export class LedgerCheckpoints1764920000000 implements MigrationInterface {
  name = 'LedgerCheckpoints1764920000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE merkle_node (
        level smallint NOT NULL CHECK (level >= 0 AND level < 63),
        idx bigint NOT NULL CHECK (idx >= 0),
        hash bytea NOT NULL CHECK (length(hash) = 32),
        PRIMARY KEY (level, idx)
      );

      CREATE TABLE ledger_checkpoint (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        tree_size bigint NOT NULL CHECK (tree_size >= 0),
        root_hash text NOT NULL CHECK (root_hash ~ '^[0-9a-f]{64}$'),
        issued_at timestamptz NOT NULL,
        key_id text NOT NULL CHECK (key_id ~ '^[0-9a-f]{16}$'),
        signature text NOT NULL
      );
      CREATE INDEX ledger_checkpoint_tree_size_idx ON ledger_checkpoint (tree_size, id);

      CREATE TABLE ledger_verification (
        id uuid PRIMARY KEY,
        requested_by uuid NOT NULL,
        requested_at timestamptz NOT NULL DEFAULT now(),
        started_at timestamptz,
        finished_at timestamptz,
        status text NOT NULL DEFAULT 'QUEUED'
          CHECK (status IN ('QUEUED', 'RUNNING', 'PASSED', 'FAILED')),
        checked_entries bigint,
        checked_checkpoints integer,
        first_bad_seq bigint,
        reason text
      );
      CREATE INDEX ledger_verification_requested_idx ON ledger_verification (requested_at DESC);

      CREATE FUNCTION ledger_tree_is_insert_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION '% is insert-only: % refused', TG_TABLE_NAME, TG_OP
          USING ERRCODE = 'insufficient_privilege';
      END $$;
      CREATE TRIGGER merkle_node_insert_only
        BEFORE UPDATE OR DELETE ON merkle_node
        FOR EACH ROW EXECUTE FUNCTION ledger_tree_is_insert_only();
      CREATE TRIGGER merkle_node_no_truncate
        BEFORE TRUNCATE ON merkle_node
        FOR EACH STATEMENT EXECUTE FUNCTION ledger_tree_is_insert_only();
      CREATE TRIGGER ledger_checkpoint_insert_only
        BEFORE UPDATE OR DELETE ON ledger_checkpoint
        FOR EACH ROW EXECUTE FUNCTION ledger_tree_is_insert_only();
      CREATE TRIGGER ledger_checkpoint_no_truncate
        BEFORE TRUNCATE ON ledger_checkpoint
        FOR EACH STATEMENT EXECUTE FUNCTION ledger_tree_is_insert_only();
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE ledger_verification;
      DROP TABLE ledger_checkpoint;
      DROP TABLE merkle_node;
      DROP FUNCTION ledger_tree_is_insert_only();
    `);
  }
}

import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * simpul_require(holds, refusal): lets one statement re-check, under its own row locks, what a use
 * case read before it, and abort when it no longer holds: the statement then writes nothing and
 * fails with SQLSTATE SR001 and the refusal as its message (statementRefusal() in
 * libs/database/src/statement-refusal.ts). sendReferral writes in one such statement without a
 * transaction of its own (docs/performance.md).
 */
export class StatementRefusals1764975000000 implements MigrationInterface {
  name = 'StatementRefusals1764975000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION simpul_require(holds boolean, refusal text) RETURNS boolean
      LANGUAGE plpgsql AS $$
      BEGIN
        IF holds IS NOT TRUE THEN
          RAISE EXCEPTION USING ERRCODE = 'SR001', MESSAGE = refusal;
        END IF;
        RETURN true;
      END $$;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION simpul_require(boolean, text)`);
  }
}

import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The insight context (libs/insight): auditors' questions and evaluation statistics.
 *
 * - ping_pong_alert: one row per case that crossed the ping-pong threshold, written in the same
 *   transaction as the CASE_PING_PONG ledger entry that tells the province's Gugus Tugas, so a
 *   case is alerted once however many workers sweep.
 * - Indexes on ledger_entry for the two questions asked of the ledger: which referrals a unit held
 *   at a time (entries addressed to the unit, in ledger order) and how often a case's referrals
 *   were rejected or redirected.
 */
export class Insight1764930000000 implements MigrationInterface {
  name = 'Insight1764930000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE ping_pong_alert (
        case_id uuid PRIMARY KEY REFERENCES "case"(id),
        gugus_tugas_unit_id uuid NOT NULL REFERENCES unit(id),
        bounces int NOT NULL,
        alerted_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX ledger_entry_to_unit_idx ON ledger_entry (to_unit_id, seq)
        WHERE referral_id IS NOT NULL;
      CREATE INDEX ledger_entry_bounce_idx ON ledger_entry (case_id)
        WHERE action IN ('REFERRAL_REJECTED', 'REFERRAL_REDIRECTED');
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP INDEX ledger_entry_bounce_idx;
      DROP INDEX ledger_entry_to_unit_idx;
      DROP TABLE ping_pong_alert;
    `);
  }
}

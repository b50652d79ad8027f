import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Need-to-know inside a case (docs/access-model.md): a confidential referral is hidden from the
 * other parties of its case altogether. Referrals sent before this existed get the default a new
 * one gets — police investigations (INVESTIGATION requested, or sent to or by a POLRI unit) are
 * confidential — so that upgrading never shows an investigation to parties that could not see it
 * being made confidential.
 */
export class ReferralConfidential1764800000000 implements MigrationInterface {
  name = 'ReferralConfidential1764800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE referral ADD COLUMN confidential boolean NOT NULL DEFAULT false;
      UPDATE referral r SET confidential = true
       WHERE 'INVESTIGATION' = ANY(r.services)
          OR EXISTS (SELECT 1 FROM unit u JOIN agency a ON a.id = u.agency_id
                      WHERE u.id IN (r.from_unit_id, r.to_unit_id) AND a.kind = 'POLRI');
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE referral DROP COLUMN confidential');
  }
}

import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The inbox and the sent queue ordered URGENT_FIRST (`rankedKeysetPage` in
 * libs/database/src/keyset-page.ts): the pressing referrals are all open, so they are read from a
 * unit's open referrals only — these partial indexes — and the rest newest first from
 * `referral_inbox_idx` / `referral_sent_idx`. Their rank moves with the clock (an SLA state), so
 * no index can hold it; the open statuses it depends on can. The predicate is written as
 * `openReferralSql` writes it, which the planner needs to match a query to a partial index.
 */
export class ReferralOpenQueues1764980000000 implements MigrationInterface {
  name = 'ReferralOpenQueues1764980000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE INDEX referral_inbox_open_idx ON referral (to_unit_id, sent_at DESC, id DESC)
        WHERE status IN ('REQUESTED', 'RECEIVED', 'ACCEPTED', 'IN_PROGRESS', 'ON_HOLD');
      CREATE INDEX referral_sent_open_idx ON referral (from_unit_id, sent_at DESC, id DESC)
        WHERE status IN ('REQUESTED', 'RECEIVED', 'ACCEPTED', 'IN_PROGRESS', 'ON_HOLD');
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX referral_sent_open_idx, referral_inbox_open_idx');
  }
}

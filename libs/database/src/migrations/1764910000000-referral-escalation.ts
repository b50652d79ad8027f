import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Escalation of referrals (docs/architecture.md, "Escalation"): each escalation step that fired,
 * once — (referral, deadline, due time, step) is its identity, so a timer that fires twice (the
 * job and the sweep, a retry) records it once — with the level it raised the referral to and the
 * unit it reached. Partial indexes serve the sweep and the `overdue` query: referrals still
 * waiting on a deadline, by that deadline.
 */
export class ReferralEscalation1764910000000 implements MigrationInterface {
  name = 'ReferralEscalation1764910000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE referral_escalation (
        referral_id uuid NOT NULL REFERENCES referral (id),
        deadline text NOT NULL CHECK (deadline IN ('acknowledgeBy', 'acceptBy')),
        due_at timestamptz NOT NULL,
        step int NOT NULL CHECK (step BETWEEN 1 AND 3),
        level int NOT NULL CHECK (level BETWEEN 1 AND 4),
        target_unit_id uuid REFERENCES unit (id),
        escalated_at timestamptz NOT NULL,
        PRIMARY KEY (referral_id, deadline, due_at, step)
      );
      CREATE INDEX referral_awaiting_acknowledge_idx ON referral (acknowledge_by)
        WHERE status = 'REQUESTED';
      CREATE INDEX referral_awaiting_accept_idx ON referral (accept_by)
        WHERE status IN ('REQUESTED', 'RECEIVED');
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP INDEX referral_awaiting_accept_idx, referral_awaiting_acknowledge_idx;
      DROP TABLE referral_escalation;
    `);
  }
}

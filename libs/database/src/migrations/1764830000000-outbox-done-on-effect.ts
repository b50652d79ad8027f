import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The outbox row stays open until its job's effect is committed: `done_at` is set by the job, in
 * the same transaction as its effect. A dispatched row not done when its lease runs out is
 * re-driven; a row that keeps failing is parked with its error for an ADMIN
 * (docs/adr/0009-outbox-done-on-effect.md).
 */
export class OutboxDoneOnEffect1764830000000 implements MigrationInterface {
  name = 'OutboxDoneOnEffect1764830000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE outbox
        ADD COLUMN done_at timestamptz,
        -- When the relay may dispatch the row again if it is still not done (NULL: due now).
        ADD COLUMN lease_expires_at timestamptz,
        ADD COLUMN dispatch_count int NOT NULL DEFAULT 0,
        -- Attempts that failed because of the row itself: refused by BullMQ, or its job failed for good.
        ADD COLUMN failures int NOT NULL DEFAULT 0,
        ADD COLUMN last_error text,
        ADD COLUMN parked_at timestamptz;

      -- Rows dispatched before done-marking existed. Deliveries whose referral is delivered are
      -- done; live events are taken as done (clients that missed them catch up from PostgreSQL,
      -- and publishing them again now would only replay old news). Every other dispatched row —
      -- the referrals a lost Redis left PENDING — is due now and re-driven (handlers are idempotent).
      UPDATE outbox o SET done_at = o.dispatched_at
        FROM referral r
       WHERE o.dispatched_at IS NOT NULL AND o.job_name = 'deliver-referral'
         AND r.id::text = o.payload->>'referralId' AND r.delivery = 'DELIVERED';
      UPDATE outbox SET done_at = dispatched_at
       WHERE dispatched_at IS NOT NULL AND job_name = 'publish-handoff-events';

      DROP INDEX outbox_pending_idx;
      CREATE INDEX outbox_open_idx ON outbox (id) WHERE done_at IS NULL AND parked_at IS NULL;
      CREATE INDEX outbox_parked_idx ON outbox (parked_at) WHERE parked_at IS NOT NULL;
      -- Jobs mark their row done by job_key (their BullMQ id).
      CREATE UNIQUE INDEX outbox_job_key_idx ON outbox (job_key);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP INDEX outbox_job_key_idx, outbox_parked_idx, outbox_open_idx;
      CREATE INDEX outbox_pending_idx ON outbox (id) WHERE dispatched_at IS NULL;
      ALTER TABLE outbox
        DROP COLUMN done_at, DROP COLUMN lease_expires_at, DROP COLUMN dispatch_count,
        DROP COLUMN failures, DROP COLUMN last_error, DROP COLUMN parked_at;
    `);
  }
}

import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Notifications (libs/notification): in-app notifications per officer, derived from sealed ledger
 * entries; officers' work email addresses for the few events that email; outbound webhook
 * endpoints per unit. A notification holds codes, a reference and ids only — the text an officer
 * reads is built from them — so nothing here is personal data of a victim.
 */
export class Notifications1764940000000 implements MigrationInterface {
  name = 'Notifications1764940000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE notification (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        officer_id uuid NOT NULL REFERENCES officer(id),
        -- The sealed ledger entry it tells about: one notification per officer and entry, so a
        -- job that runs twice writes nothing twice.
        seq bigint NOT NULL,
        action text NOT NULL,
        unit_id uuid REFERENCES unit(id),
        referral_id uuid,
        alert_id uuid,
        case_id uuid,
        reference text,
        escalation_level int,
        created_at timestamptz NOT NULL DEFAULT now(),
        read_at timestamptz,
        UNIQUE (officer_id, seq)
      );
      CREATE INDEX notification_officer_idx ON notification (officer_id, created_at DESC, id DESC);
      CREATE INDEX notification_unread_idx ON notification (officer_id) WHERE read_at IS NULL;

      -- A work mailbox (never a victim's data, still never logged nor put on the ledger).
      CREATE TABLE officer_work_email (
        officer_id uuid PRIMARY KEY REFERENCES officer(id),
        address text NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      );

      CREATE TABLE webhook_endpoint (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        unit_id uuid NOT NULL REFERENCES unit(id),
        url text NOT NULL,
        -- Sealed like identities (AES-256-GCM, PII_KEYS key ring): the hub needs it to sign, and
        -- a database dump alone must not let anyone forge Simpul's signature.
        secret_sealed text NOT NULL,
        active boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        deleted_at timestamptz
      );
      CREATE INDEX webhook_endpoint_unit_idx ON webhook_endpoint (unit_id) WHERE deleted_at IS NULL;

      -- One delivery per endpoint and ledger entry: what makes a re-run of the notify job enqueue
      -- nothing twice, and what ADMIN reads to see how an endpoint fares. Its outbox row carries
      -- the retries and, after them, the parking (docs/adr/0009-outbox-done-on-effect.md).
      CREATE TABLE webhook_delivery (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        endpoint_id uuid NOT NULL REFERENCES webhook_endpoint(id),
        seq bigint NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        attempts int NOT NULL DEFAULT 0,
        last_status int,
        last_error text,
        delivered_at timestamptz,
        UNIQUE (endpoint_id, seq)
      );
      CREATE INDEX webhook_delivery_endpoint_idx ON webhook_delivery (endpoint_id, created_at DESC);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(
      'DROP TABLE webhook_delivery, webhook_endpoint, officer_work_email, notification',
    );
  }
}

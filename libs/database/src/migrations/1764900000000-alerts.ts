import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Alerts (libs/alert): an alert raised by police or immigration, one delivery row per receiving
 * unit (delivery state, when delivered, when and by whom acknowledged), and the ADMIN-managed
 * routing rules that choose the receiving units. A rule is never deleted, only marked deleted:
 * the reference rules are seeded by code, and a rule an ADMIN deleted must not come back on the
 * next start.
 */
export class Alerts1764900000000 implements MigrationInterface {
  name = 'Alerts1764900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE SEQUENCE alert_reference_seq;
      CREATE TABLE alert (
        id uuid PRIMARY KEY,
        reference text NOT NULL UNIQUE,
        type text NOT NULL,
        severity text NOT NULL,
        status text NOT NULL,
        summary text NOT NULL,
        region_code text,
        country_code text,
        exploitation_types text[] NOT NULL DEFAULT '{}',
        case_id uuid REFERENCES "case"(id),
        raised_by_id uuid NOT NULL REFERENCES officer(id),
        raised_by_unit_id uuid NOT NULL REFERENCES unit(id),
        raised_at timestamptz NOT NULL,
        closed_at timestamptz,
        closed_by_id uuid REFERENCES officer(id),
        dismissal_reason text,
        status_note text,
        escalation_level int NOT NULL DEFAULT 0,
        version int NOT NULL DEFAULT 1
      );
      CREATE INDEX alert_raised_at ON alert (raised_at DESC, id DESC);
      CREATE INDEX alert_raised_by_unit ON alert (raised_by_unit_id, raised_at DESC);
      CREATE TABLE alert_delivery (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        alert_id uuid NOT NULL REFERENCES alert(id),
        unit_id uuid NOT NULL REFERENCES unit(id),
        delivery text NOT NULL,
        delivered_at timestamptz,
        acknowledged_at timestamptz,
        acknowledged_by_id uuid REFERENCES officer(id),
        UNIQUE (alert_id, unit_id)
      );
      CREATE INDEX alert_delivery_unit ON alert_delivery (unit_id, alert_id);
      CREATE TABLE alert_routing_rule (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code text UNIQUE,
        name text NOT NULL,
        alert_types text[] NOT NULL DEFAULT '{}',
        min_severity text NOT NULL DEFAULT 'LOW',
        region_code text,
        country_code text,
        abroad_only boolean NOT NULL DEFAULT false,
        exploitation_types text[] NOT NULL DEFAULT '{}',
        unit_ids uuid[] NOT NULL DEFAULT '{}',
        missions_in_country boolean NOT NULL DEFAULT false,
        active boolean NOT NULL DEFAULT true,
        deleted_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      );
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE alert_routing_rule;
      DROP TABLE alert_delivery;
      DROP TABLE alert;
      DROP SEQUENCE alert_reference_seq;
    `);
  }
}

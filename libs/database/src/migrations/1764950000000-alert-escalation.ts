import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The units an alert escalated to (docs/access-model.md, "Alerts"): a unit an unacknowledged
 * alert reached at some level of its ladder reads it as a receiving unit does and may acknowledge
 * it. One row per alert and unit, from the first level that reached it; the ledger's
 * ALERT_ESCALATED entries stay the record, this is what access reads. Alerts escalated before
 * this table existed get their rows from those entries.
 */
export class AlertEscalation1764950000000 implements MigrationInterface {
  name = 'AlertEscalation1764950000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE alert_escalation (
        alert_id uuid NOT NULL REFERENCES alert(id),
        unit_id uuid NOT NULL REFERENCES unit(id),
        level int NOT NULL,
        escalated_at timestamptz NOT NULL,
        acknowledged_at timestamptz,
        acknowledged_by_id uuid REFERENCES officer(id),
        PRIMARY KEY (alert_id, unit_id)
      );
      CREATE INDEX alert_escalation_unit ON alert_escalation (unit_id, alert_id);
      INSERT INTO alert_escalation (alert_id, unit_id, level, escalated_at)
      SELECT alert_id, to_unit_id, min((payload->>'level')::int), min(coalesce(at, written_at))
        FROM ledger_entry
       WHERE action = 'ALERT_ESCALATED' AND alert_id IS NOT NULL AND to_unit_id IS NOT NULL
       GROUP BY alert_id, to_unit_id;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE alert_escalation`);
  }
}

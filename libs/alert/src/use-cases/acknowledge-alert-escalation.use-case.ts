import { Inject, Injectable } from '@nestjs/common';
import { conflict } from '@simpul/common';
import { CLOCK, type Clock } from '@simpul/config';
import type { Actor } from '@simpul/identity';
import { TransactionHost } from '@simpul/database';
import { CLOSED_ALERT_STATUSES } from '../alert-enums';
import { AlertAccess } from '../alert-access';
import { alertActs } from '../alert-visibility';
import type { AlertEscalationModel } from '../models/alert.model';
import { AlertAcknowledgement } from './alert-acknowledgement';

interface EscalationRow {
  level: number;
  escalated_at: Date;
  acknowledged_at: Date | null;
  acknowledged_by_id: string | null;
}

/**
 * acknowledgeAlertEscalation: a unit the alert escalated to (a head unit, a Gugus Tugas) says it
 * has it — its own alert_escalation row, once. Like a receiving unit's first acknowledgement it
 * makes the alert ACKNOWLEDGED, which stops the climb: the escalation found someone. A unit that
 * also received the alert acknowledges its delivery instead (acknowledgeAlert).
 */
@Injectable()
export class AcknowledgeAlertEscalationUseCase {
  constructor(
    private readonly tx: TransactionHost,
    private readonly access: AlertAccess,
    private readonly acknowledgement: AlertAcknowledgement,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  execute(actor: Actor, alertId: string, unitId?: string | null): Promise<AlertEscalationModel> {
    return this.tx.run(async () => {
      const found = await this.access.actable(actor, alertId, 'acknowledge');
      const { alert } = found;
      const acting = await this.access.unitsOf(actor);
      const mine = alertActs(acting, {
        raisedByUnitId: alert.raisedByUnitId,
        ...found,
      }).acknowledgeEscalationOf;
      const unit = this.acknowledgement.chooseUnit(actor, mine, unitId, {
        none: 'The alert did not escalate to your unit',
        notMine: 'is not a unit the alert escalated to',
        nameOne: 'name the unit you acknowledge for',
      });
      if (CLOSED_ALERT_STATUSES.includes(alert.status)) {
        throw conflict(`The alert is ${alert.status.toLowerCase()}`);
      }
      const [row]: EscalationRow[] = await this.tx.manager.query(
        `SELECT level, escalated_at, acknowledged_at, acknowledged_by_id FROM alert_escalation
          WHERE alert_id = $1 AND unit_id = $2 FOR UPDATE`,
        [alert.id, unit],
      );
      if (row.acknowledged_at) throw conflict('Your unit has acknowledged this alert already');
      // The clock of deadlines and escalation, which set raisedAt and escalatedAt: under a moved
      // test clock an acknowledgement must not precede the alert it acknowledges.
      const now = this.clock.now();
      await this.tx.manager.query(
        `UPDATE alert_escalation SET acknowledged_at = $3, acknowledged_by_id = $4
          WHERE alert_id = $1 AND unit_id = $2`,
        [alert.id, unit, now, actor.officerId],
      );
      await this.acknowledgement.record(actor, alert, unit, { escalatedTo: true });
      return {
        alertId: alert.id,
        unitId: unit,
        level: row.level,
        escalatedAt: row.escalated_at,
        acknowledgedAt: now,
        acknowledgedById: actor.officerId,
      };
    });
  }
}

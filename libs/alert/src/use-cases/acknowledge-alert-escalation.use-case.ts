import { Injectable } from '@nestjs/common';
import { badInput, conflict, forbidden } from '@simpul/common';
import type { Actor } from '@simpul/identity';
import { HandoffAction, LedgerWriter } from '@simpul/ledger';
import { TransactionHost } from '@simpul/database';
import { AlertStatus, CLOSED_ALERT_STATUSES } from '../alert-enums';
import { AlertAccess } from '../alert-access';
import { alertEntry } from '../alert-entry';
import { alertActs } from '../alert-visibility';
import { AlertEntity } from '../entities/alert.entity';
import type { AlertEscalationModel } from '../models/alert.model';

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
    private readonly ledger: LedgerWriter,
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
      const unit = chooseUnit(actor, mine, unitId);
      if (CLOSED_ALERT_STATUSES.includes(alert.status)) {
        throw conflict(`The alert is ${alert.status.toLowerCase()}`);
      }
      const [row]: EscalationRow[] = await this.tx.manager.query(
        `SELECT level, escalated_at, acknowledged_at, acknowledged_by_id FROM alert_escalation
          WHERE alert_id = $1 AND unit_id = $2 FOR UPDATE`,
        [alert.id, unit],
      );
      if (row.acknowledged_at) throw conflict('Your unit has acknowledged this alert already');
      const now = new Date();
      await this.tx.manager.query(
        `UPDATE alert_escalation SET acknowledged_at = $3, acknowledged_by_id = $4
          WHERE alert_id = $1 AND unit_id = $2`,
        [alert.id, unit, now, actor.officerId],
      );
      if (alert.status === AlertStatus.RAISED) {
        await this.tx.manager.update(
          AlertEntity,
          { id: alert.id },
          { status: AlertStatus.ACKNOWLEDGED, version: alert.version + 1 },
        );
      }
      await this.ledger.append([
        alertEntry(HandoffAction.ALERT_ACKNOWLEDGED, {
          actorId: actor.officerId,
          fromUnitId: unit,
          toUnitId: alert.raisedByUnitId,
          alertId: alert.id,
          payload: {
            reference: alert.reference,
            unitId: unit,
            status: AlertStatus.ACKNOWLEDGED,
            escalatedTo: true,
          },
        }),
      ]);
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

function chooseUnit(actor: Actor, mine: string[], unitId?: string | null): string {
  if (!mine.length) throw forbidden('The alert did not escalate to your unit');
  if (unitId) {
    if (!mine.includes(unitId)) throw badInput('unitId', 'is not a unit the alert escalated to');
    return unitId;
  }
  if (mine.includes(actor.unitId)) return actor.unitId;
  if (mine.length === 1) return mine[0];
  throw badInput('unitId', 'name the unit you acknowledge for');
}

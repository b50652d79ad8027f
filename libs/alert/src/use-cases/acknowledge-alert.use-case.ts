import { Injectable } from '@nestjs/common';
import { badInput, conflict, forbidden } from '@simpul/common';
import type { Actor } from '@simpul/identity';
import { HandoffAction, LedgerWriter } from '@simpul/ledger';
import { TransactionHost } from '@simpul/database';
import { AlertStatus, CLOSED_ALERT_STATUSES } from '../alert-enums';
import { AlertAccess } from '../alert-access';
import { alertEntry } from '../alert-entry';
import { AlertDeliveryEntity } from '../entities/alert-delivery.entity';
import { AlertEntity } from '../entities/alert.entity';

/**
 * acknowledgeAlert: a receiving unit confirms it has the alert — its own delivery row, once. The
 * alert becomes ACKNOWLEDGED with the first unit (the version changes then, not for later ones).
 * A SUPERVISOR acting for several receiving units names the one with `unitId`.
 */
@Injectable()
export class AcknowledgeAlertUseCase {
  constructor(
    private readonly tx: TransactionHost,
    private readonly access: AlertAccess,
    private readonly ledger: LedgerWriter,
  ) {}

  execute(actor: Actor, alertId: string, unitId?: string | null): Promise<AlertDeliveryEntity> {
    return this.tx.run(async () => {
      const { alert, receivingUnitIds } = await this.access.actable(actor, alertId, 'acknowledge');
      const acting = await this.access.unitsOf(actor);
      const mine = receivingUnitIds.filter((id) => acting.includes(id));
      const unit = this.chooseUnit(actor, mine, unitId);
      if (CLOSED_ALERT_STATUSES.includes(alert.status)) {
        throw conflict(`The alert is ${alert.status.toLowerCase()}`);
      }
      const delivery = await this.tx.manager.findOneOrFail(AlertDeliveryEntity, {
        where: { alertId: alert.id, unitId: unit },
        lock: { mode: 'pessimistic_write' },
      });
      if (delivery.acknowledgedAt) throw conflict('Your unit has acknowledged this alert already');
      const now = new Date();
      delivery.acknowledgedAt = now;
      delivery.acknowledgedById = actor.officerId;
      await this.tx.manager.update(
        AlertDeliveryEntity,
        { id: delivery.id },
        { acknowledgedAt: now, acknowledgedById: actor.officerId },
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
          payload: { reference: alert.reference, unitId: unit, status: AlertStatus.ACKNOWLEDGED },
        }),
      ]);
      return delivery;
    });
  }

  private chooseUnit(actor: Actor, mine: string[], unitId?: string | null): string {
    if (!mine.length) {
      // A unit the alert only escalated to has no delivery: acknowledgeAlertEscalation.
      throw forbidden('Your unit did not receive this alert');
    }
    if (unitId) {
      if (!mine.includes(unitId)) throw badInput('unitId', 'is not a receiving unit you act for');
      return unitId;
    }
    if (mine.includes(actor.unitId)) return actor.unitId;
    if (mine.length === 1) return mine[0];
    throw badInput('unitId', 'name the receiving unit you acknowledge for');
  }
}

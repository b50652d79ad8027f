import { Inject, Injectable } from '@nestjs/common';
import { conflict } from '@simpul/common';
import { CLOCK, type Clock } from '@simpul/config';
import type { Actor } from '@simpul/identity';
import { TransactionHost } from '@simpul/database';
import { CLOSED_ALERT_STATUSES } from '../alert-enums';
import { AlertAccess } from '../alert-access';
import { AlertDeliveryEntity } from '../entities/alert-delivery.entity';
import { AlertAcknowledgement } from './alert-acknowledgement';

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
    private readonly acknowledgement: AlertAcknowledgement,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  execute(actor: Actor, alertId: string, unitId?: string | null): Promise<AlertDeliveryEntity> {
    return this.tx.run(async () => {
      const { alert, receivingUnitIds } = await this.access.actable(actor, alertId, 'acknowledge');
      const acting = await this.access.unitsOf(actor);
      const mine = receivingUnitIds.filter((id) => acting.includes(id));
      const unit = this.acknowledgement.chooseUnit(actor, mine, unitId, {
        // A unit the alert only escalated to has no delivery: acknowledgeAlertEscalation.
        none: 'Your unit did not receive this alert',
        notMine: 'is not a receiving unit you act for',
        nameOne: 'name the receiving unit you acknowledge for',
      });
      if (CLOSED_ALERT_STATUSES.includes(alert.status)) {
        throw conflict(`The alert is ${alert.status.toLowerCase()}`);
      }
      const delivery = await this.tx.manager.findOneOrFail(AlertDeliveryEntity, {
        where: { alertId: alert.id, unitId: unit },
        lock: { mode: 'pessimistic_write' },
      });
      if (delivery.acknowledgedAt) throw conflict('Your unit has acknowledged this alert already');
      // The clock of deadlines and escalation, which set raisedAt and escalatedAt: under a moved
      // test clock an acknowledgement must not precede the alert it acknowledges.
      const now = this.clock.now();
      delivery.acknowledgedAt = now;
      delivery.acknowledgedById = actor.officerId;
      await this.tx.manager.update(
        AlertDeliveryEntity,
        { id: delivery.id },
        { acknowledgedAt: now, acknowledgedById: actor.officerId },
      );
      await this.acknowledgement.record(actor, alert, unit);
      return delivery;
    });
  }
}

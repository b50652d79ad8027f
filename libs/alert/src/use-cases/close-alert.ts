import { Inject, Injectable } from '@nestjs/common';
import { conflict, Limits, requiredText } from '@simpul/common';
import { CLOCK, type Clock } from '@simpul/config';
import type { Actor } from '@simpul/identity';
import { HandoffAction, LedgerWriter } from '@simpul/ledger';
import { TransactionHost } from '@simpul/database';
import { AlertStatus, CLOSED_ALERT_STATUSES, type AlertDismissalReason } from '../alert-enums';
import { AlertAccess } from '../alert-access';
import { alertEntry } from '../alert-entry';
import { AlertEntity } from '../entities/alert.entity';

/**
 * Ends an alert (RESOLVED or DISMISSED) with a note: the raising unit or a receiving unit, once.
 * The note is kept on the alert and beside the ledger (handoff_note), never in its payload.
 */
@Injectable()
export class CloseAlert {
  constructor(
    private readonly tx: TransactionHost,
    private readonly access: AlertAccess,
    private readonly ledger: LedgerWriter,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  run(
    actor: Actor,
    alertId: string,
    to: AlertStatus.RESOLVED | AlertStatus.DISMISSED,
    noteText: string,
    reason: AlertDismissalReason | null,
  ): Promise<AlertEntity> {
    const note = requiredText('note', noteText, Limits.note);
    return this.tx.run(async () => {
      const { alert } = await this.access.actable(actor, alertId);
      if (CLOSED_ALERT_STATUSES.includes(alert.status)) {
        throw conflict(`The alert is ${alert.status.toLowerCase()} already`);
      }
      // The clock that set raisedAt (a moved test clock too), so closedAt never precedes it.
      const now = this.clock.now();
      const changes = {
        status: to,
        closedAt: now,
        closedById: actor.officerId,
        statusNote: note,
        dismissalReason: reason,
        version: alert.version + 1,
      };
      Object.assign(alert, changes);
      await this.tx.manager.update(AlertEntity, { id: alert.id }, changes);
      await this.ledger.append([
        alertEntry(
          to === AlertStatus.RESOLVED
            ? HandoffAction.ALERT_RESOLVED
            : HandoffAction.ALERT_DISMISSED,
          {
            actorId: actor.officerId,
            fromUnitId: actor.unitId,
            toUnitId: alert.raisedByUnitId,
            alertId: alert.id,
            note,
            payload: { reference: alert.reference, status: to, reason, version: alert.version },
          },
        ),
      ]);
      return alert;
    });
  }
}

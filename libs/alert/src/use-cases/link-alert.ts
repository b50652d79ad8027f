import { Injectable } from '@nestjs/common';
import { conflict } from '@simpul/common';
import type { Actor } from '@simpul/identity';
import { HandoffAction, LedgerWriter } from '@simpul/ledger';
import { TransactionHost } from '@simpul/database';
import { AlertStatus } from '../alert-enums';
import { alertEntry } from '../alert-entry';
import { AlertEntity } from '../entities/alert.entity';

/** Records an alert's case and ALERT_LINKED, in the caller's transaction (link and promote). */
@Injectable()
export class LinkAlert {
  constructor(
    private readonly tx: TransactionHost,
    private readonly ledger: LedgerWriter,
  ) {}

  /** A dismissed alert was no case; an alert has at most one case. */
  static assertLinkable(alert: AlertEntity): void {
    if (alert.status === AlertStatus.DISMISSED) throw conflict('The alert was dismissed');
    if (alert.caseId) throw conflict('The alert is linked to a case already');
  }

  async link(
    actor: Actor,
    alert: AlertEntity,
    caseId: string,
    promoted: boolean,
  ): Promise<AlertEntity> {
    const changes = { caseId, version: alert.version + 1 };
    Object.assign(alert, changes);
    await this.tx.manager.update(AlertEntity, { id: alert.id }, changes);
    await this.ledger.append([
      alertEntry(HandoffAction.ALERT_LINKED, {
        actorId: actor.officerId,
        fromUnitId: actor.unitId,
        toUnitId: alert.raisedByUnitId,
        alertId: alert.id,
        payload: { reference: alert.reference, caseId, promoted, version: alert.version },
      }),
    ]);
    return alert;
  }
}

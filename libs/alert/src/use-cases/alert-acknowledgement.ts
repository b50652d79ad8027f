import { Injectable } from '@nestjs/common';
import { badInput, forbidden } from '@simpul/common';
import type { Actor } from '@simpul/identity';
import { HandoffAction, LedgerWriter, type LedgerPayload } from '@simpul/ledger';
import { TransactionHost } from '@simpul/database';
import { AlertStatus } from '../alert-enums';
import { alertEntry } from '../alert-entry';
import { AlertEntity } from '../entities/alert.entity';

/** What a caller is told when it cannot acknowledge for the unit it named or left out. */
export interface UnitChoiceErrors {
  /** It acts for none of the units that may acknowledge. */
  none: string;
  /** The unit it named is not one of them. */
  notMine: string;
  /** It acts for several and named none. */
  nameOne: string;
}

/**
 * What a receiving unit's acknowledgement (acknowledgeAlert) and an escalated-to unit's
 * (acknowledgeAlertEscalation) share. Each marks its own row; the rest is the same alert
 * acknowledged by one more unit.
 */
@Injectable()
export class AlertAcknowledgement {
  constructor(
    private readonly tx: TransactionHost,
    private readonly ledger: LedgerWriter,
  ) {}

  /**
   * Which unit acknowledges: the one named, else the caller's own unit when it may, else the only
   * one the caller acts for. A SUPERVISOR acting for several names one.
   */
  chooseUnit(
    actor: Actor,
    mine: string[],
    unitId: string | null | undefined,
    errors: UnitChoiceErrors,
  ): string {
    if (!mine.length) throw forbidden(errors.none);
    if (unitId) {
      if (!mine.includes(unitId)) throw badInput('unitId', errors.notMine);
      return unitId;
    }
    if (mine.includes(actor.unitId)) return actor.unitId;
    if (mine.length === 1) return mine[0];
    throw badInput('unitId', errors.nameOne);
  }

  /**
   * In the caller's transaction, once the unit's own row is marked: the first acknowledgement
   * makes the alert ACKNOWLEDGED (the version changes then, not for later ones; it stops the
   * climb), and each goes on the ledger from the unit to the raising unit, so that the raising
   * unit's live events carry it.
   */
  async record(
    actor: Actor,
    alert: AlertEntity,
    unitId: string,
    payload: LedgerPayload = {},
  ): Promise<void> {
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
        fromUnitId: unitId,
        toUnitId: alert.raisedByUnitId,
        alertId: alert.id,
        payload: {
          reference: alert.reference,
          unitId,
          status: AlertStatus.ACKNOWLEDGED,
          ...payload,
        },
      }),
    ]);
  }
}

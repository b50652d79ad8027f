import { Injectable } from '@nestjs/common';
import type { Actor } from '@simpul/identity';
import { AlertDismissalReason, AlertStatus } from '../alert-enums';
import { CloseAlert } from './close-alert';

/**
 * dismissAlert: not a case after all (DISMISSED), with a coded reason and a note. A client written
 * against the contract sends no reason: it is recorded as OTHER.
 */
@Injectable()
export class DismissAlertUseCase {
  constructor(private readonly close: CloseAlert) {}

  execute(actor: Actor, alertId: string, note: string, reason?: AlertDismissalReason | null) {
    return this.close.run(
      actor,
      alertId,
      AlertStatus.DISMISSED,
      note,
      reason ?? AlertDismissalReason.OTHER,
    );
  }
}

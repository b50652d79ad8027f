import { Injectable } from '@nestjs/common';
import type { Actor } from '@simpul/identity';
import { AlertStatus } from '../alert-enums';
import { CloseAlert } from './close-alert';

/** resolveAlert: the warning was acted on (RESOLVED), with a note. */
@Injectable()
export class ResolveAlertUseCase {
  constructor(private readonly close: CloseAlert) {}

  execute(actor: Actor, alertId: string, note: string) {
    return this.close.run(actor, alertId, AlertStatus.RESOLVED, note, null);
  }
}

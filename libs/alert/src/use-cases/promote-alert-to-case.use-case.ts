import { Injectable } from '@nestjs/common';
import { Limits, requiredText } from '@simpul/common';
import { ExploitationType, OpenCaseUseCase } from '@simpul/case';
import { IdempotencyStore, requestDigest, TransactionHost } from '@simpul/database';
import type { Actor } from '@simpul/identity';
import { AlertAccess } from '../alert-access';
import type { PromoteAlertInput } from '../dto/raise-alert.input';
import { AlertEntity } from '../entities/alert.entity';
import { LinkAlert } from './link-alert';

/**
 * promoteAlertToCase: the alert becomes a case — opened in the same transaction with the caller's
 * unit as lead unit (CASE_OPENED), the alert's province and exploitation types, and linked to it
 * (ALERT_LINKED, promoted). The case starts without persons: the lead unit adds them.
 */
@Injectable()
export class PromoteAlertToCaseUseCase {
  constructor(
    private readonly tx: TransactionHost,
    private readonly access: AlertAccess,
    private readonly openCase: OpenCaseUseCase,
    private readonly idempotency: IdempotencyStore,
    private readonly linker: LinkAlert,
  ) {}

  execute(actor: Actor, alertId: string, input: PromoteAlertInput): Promise<AlertEntity> {
    return this.tx.run(async () => {
      const { alert } = await this.access.actable(actor, alertId);
      if (input.idempotencyKey) {
        // A repeat of the same promotion answers the alert as the first one left it.
        const earlier = await this.idempotency.claim({
          officerId: actor.officerId,
          operation: 'promoteAlertToCase',
          key: requiredText('input.idempotencyKey', input.idempotencyKey, Limits.idempotencyKey),
          digest: requestDigest({ ...input, alertId, idempotencyKey: undefined }),
          newId: alert.id,
        });
        if (earlier) return alert;
      }
      LinkAlert.assertLinkable(alert);
      const types = input.exploitationTypes?.length
        ? input.exploitationTypes
        : alert.exploitationTypes.length
          ? alert.exploitationTypes
          : [ExploitationType.UNKNOWN];
      const opened = await this.openCase.openIn(actor, {
        title: input.title,
        exploitationTypes: types,
        regionCode: alert.regionCode,
      });
      return this.linker.link(actor, alert, opened.id, true);
    });
  }
}

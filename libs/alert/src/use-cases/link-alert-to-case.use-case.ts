import { Injectable } from '@nestjs/common';
import { conflict, isUuid, notFound } from '@simpul/common';
import { CaseAccess, CaseStatus } from '@simpul/case';
import type { Actor } from '@simpul/identity';
import { TransactionHost } from '@simpul/database';
import { AlertAccess } from '../alert-access';
import type { AlertEntity } from '../entities/alert.entity';
import { LinkAlert } from './link-alert';

/**
 * linkAlertToCase: an officer who sees the alert in full and whose unit is a party of an open case
 * says the alert is about that case. The case's other parties do not gain the alert by it.
 */
@Injectable()
export class LinkAlertToCaseUseCase {
  constructor(
    private readonly tx: TransactionHost,
    private readonly access: AlertAccess,
    private readonly cases: CaseAccess,
    private readonly linker: LinkAlert,
  ) {}

  execute(actor: Actor, alertId: string, caseId: string): Promise<AlertEntity> {
    return this.tx.run(async () => {
      const { alert } = await this.access.actable(actor, alertId);
      if (!isUuid(caseId)) throw notFound('Case');
      const status = await this.cases.shareLockedStatus(caseId);
      if (!status || !(await this.cases.isParty(actor, caseId))) throw notFound('Case');
      if (status !== CaseStatus.OPEN) throw conflict('The case is closed');
      LinkAlert.assertLinkable(alert);
      return this.linker.link(actor, alert, caseId, false);
    });
  }
}

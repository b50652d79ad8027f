import { Inject, Injectable } from '@nestjs/common';
import { conflict, notFound } from '@simpul/common';
import { TransactionHost, type TxHost } from '@simpul/database';
import {
  LoginThrottle,
  OfficerAdminService,
  type Actor,
  type OfficerEntity,
} from '@simpul/identity';
import { HandoffAction, LedgerWriter } from '@simpul/ledger';
import { adminEntry, assertAdmin } from '../admin-entry';

/**
 * reactivateOfficer: the officer may sign in again (tokens from before the deactivation stay
 * dead: their sessions were ended). A sign-in lockout of the username is lifted with it.
 */
@Injectable()
export class ReactivateOfficerUseCase {
  constructor(
    @Inject(TransactionHost) private readonly txHost: TxHost,
    private readonly ledger: LedgerWriter,
    private readonly officers: OfficerAdminService,
    private readonly throttle: LoginThrottle,
  ) {}

  async execute(actor: Actor, id: string): Promise<OfficerEntity> {
    assertAdmin(actor);
    return this.txHost.withTransaction(async () => {
      const officer = await this.officers.lock(id);
      if (!officer) throw notFound('Officer');
      if (officer.active) throw conflict('The officer is already active');
      officer.active = true;
      await this.officers.update(officer.id, { active: true });
      await this.throttle.clearUsername(officer.username);
      await this.ledger.append([
        adminEntry(HandoffAction.OFFICER_REACTIVATED, actor, {
          officerId: officer.id,
          unitId: officer.unitId,
        }),
      ]);
      return officer;
    });
  }
}

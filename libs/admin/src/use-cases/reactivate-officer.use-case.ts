import { Injectable } from '@nestjs/common';
import { conflict } from '@simpul/common';
import { LoginThrottle, OfficerStore, type Actor, type OfficerEntity } from '@simpul/identity';
import { HandoffAction, LedgerWriter } from '@simpul/ledger';
import { TransactionHost } from '@simpul/database';
import { adminEntry, assertAdmin } from '../admin-entry';
import { lockOfficer } from '../officer-lock';

/**
 * reactivateOfficer: the officer may sign in again (tokens from before the deactivation stay
 * dead: their sessions were ended). A sign-in lockout of the username is lifted with it.
 */
@Injectable()
export class ReactivateOfficerUseCase {
  constructor(
    private readonly tx: TransactionHost,
    private readonly ledger: LedgerWriter,
    private readonly throttle: LoginThrottle,
    private readonly officers: OfficerStore,
  ) {}

  async execute(actor: Actor, id: string): Promise<OfficerEntity> {
    assertAdmin(actor);
    return this.tx.run(async () => {
      const officer = await lockOfficer(this.officers, id);
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

import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { conflict } from '@simpul/common';
import { LoginThrottle, OfficerStore, type Actor, type OfficerEntity } from '@simpul/identity';
import { HandoffAction, LedgerWriter } from '@simpul/ledger';
import { adminEntry, assertAdmin } from '../admin-entry';
import { lockOfficer } from '../officer-lock';

/**
 * reactivateOfficer: the officer may sign in again (tokens from before the deactivation stay
 * dead: their sessions were ended). A sign-in lockout of the username is lifted with it.
 */
@Injectable()
export class ReactivateOfficerUseCase {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly ledger: LedgerWriter,
    private readonly throttle: LoginThrottle,
    private readonly officers: OfficerStore,
  ) {}

  async execute(actor: Actor, id: string): Promise<OfficerEntity> {
    assertAdmin(actor);
    return this.dataSource.transaction(async (manager) => {
      const officer = await lockOfficer(this.officers, manager, id);
      if (officer.active) throw conflict('The officer is already active');
      officer.active = true;
      await this.officers.update(manager, officer.id, { active: true });
      await this.throttle.clearUsername(officer.username, manager);
      await this.ledger.append(manager, [
        adminEntry(HandoffAction.OFFICER_REACTIVATED, actor, {
          officerId: officer.id,
          unitId: officer.unitId,
        }),
      ]);
      return officer;
    });
  }
}

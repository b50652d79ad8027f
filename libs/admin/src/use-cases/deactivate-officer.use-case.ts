import { Injectable } from '@nestjs/common';
import { badInput, conflict } from '@simpul/common';
import {
  OfficerStore,
  SessionRevocation,
  SessionStore,
  type Actor,
  type OfficerEntity,
} from '@simpul/identity';
import { HandoffAction, LedgerWriter } from '@simpul/ledger';
import { TransactionHost } from '@simpul/database';
import { adminEntry, assertAdmin } from '../admin-entry';
import { lockOfficer } from '../officer-lock';

/**
 * deactivateOfficer: no more sign-in, and every token of the officer (Simpul's and SSO) stops
 * working at the next request; its sessions end; open WebSockets close at their next check. The
 * officer stays in history (timelines still name who did what).
 */
@Injectable()
export class DeactivateOfficerUseCase {
  constructor(
    private readonly tx: TransactionHost,
    private readonly ledger: LedgerWriter,
    private readonly sessions: SessionStore,
    private readonly officers: OfficerStore,
  ) {}

  async execute(actor: Actor, id: string): Promise<OfficerEntity> {
    assertAdmin(actor);
    if (id === actor.officerId) throw badInput('id', 'cannot deactivate your own account');
    return this.tx.run(async () => {
      const officer = await lockOfficer(this.officers, id);
      if (!officer.active) throw conflict('The officer is already deactivated');
      officer.active = false;
      await this.officers.update(officer.id, { active: false });
      await this.sessions.revokeOfficerSessions(officer.id, SessionRevocation.DEACTIVATED);
      await this.ledger.append([
        adminEntry(HandoffAction.OFFICER_DEACTIVATED, actor, {
          officerId: officer.id,
          unitId: officer.unitId,
        }),
      ]);
      return officer;
    });
  }
}

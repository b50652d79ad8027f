import { Inject, Injectable } from '@nestjs/common';
import { badInput, conflict, notFound } from '@simpul/common';
import { TransactionHost, type TxHost } from '@simpul/database';
import {
  OfficerAdminService,
  SessionRevocation,
  SessionStore,
  type Actor,
  type OfficerEntity,
} from '@simpul/identity';
import { HandoffAction, LedgerWriter } from '@simpul/ledger';
import { adminEntry, assertAdmin } from '../admin-entry';

/**
 * deactivateOfficer: no more sign-in, and every token of the officer (Simpul's and SSO) stops
 * working at the next request; its sessions end; open WebSockets close at their next check. The
 * officer stays in history (timelines still name who did what).
 */
@Injectable()
export class DeactivateOfficerUseCase {
  constructor(
    @Inject(TransactionHost) private readonly txHost: TxHost,
    private readonly ledger: LedgerWriter,
    private readonly officers: OfficerAdminService,
    private readonly sessions: SessionStore,
  ) {}

  async execute(actor: Actor, id: string): Promise<OfficerEntity> {
    assertAdmin(actor);
    if (id === actor.officerId) throw badInput('id', 'cannot deactivate your own account');
    return this.txHost.withTransaction(async () => {
      const officer = await this.officers.lock(id);
      if (!officer) throw notFound('Officer');
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

import { Inject, Injectable } from '@nestjs/common';
import { notFound } from '@simpul/common';
import { TransactionHost, type TxHost } from '@simpul/database';
import {
  LoginThrottle,
  OfficerAdminService,
  PasswordHasher,
  SessionRevocation,
  SessionStore,
  validNewPassword,
  type Actor,
} from '@simpul/identity';
import { HandoffAction, LedgerWriter } from '@simpul/ledger';
import { adminEntry, assertAdmin } from '../admin-entry';

/**
 * resetOfficerPassword: the admin sets a new password (and hands it over out of band); every
 * session of the officer ends and a sign-in lockout is lifted. OFFICER_PASSWORD_RESET carries the
 * officer's id only: no password, and no digest of one.
 */
@Injectable()
export class ResetOfficerPasswordUseCase {
  constructor(
    @Inject(TransactionHost) private readonly txHost: TxHost,
    private readonly ledger: LedgerWriter,
    private readonly officers: OfficerAdminService,
    private readonly hasher: PasswordHasher,
    private readonly sessions: SessionStore,
    private readonly throttle: LoginThrottle,
  ) {}

  async execute(actor: Actor, id: string, newPassword: string): Promise<void> {
    assertAdmin(actor);
    const password = validNewPassword('newPassword', newPassword);
    const passwordHash = await this.hasher.hash(password);
    await this.txHost.withTransaction(async () => {
      const officer = await this.officers.lock(id);
      if (!officer) throw notFound('Officer');
      validNewPassword('newPassword', password, officer.username);
      await this.officers.update(officer.id, { passwordHash });
      await this.sessions.revokeOfficerSessions(officer.id, SessionRevocation.PASSWORD_RESET);
      await this.throttle.clearUsername(officer.username);
      await this.ledger.append([
        adminEntry(HandoffAction.OFFICER_PASSWORD_RESET, actor, {
          officerId: officer.id,
          unitId: officer.unitId,
        }),
      ]);
    });
  }
}

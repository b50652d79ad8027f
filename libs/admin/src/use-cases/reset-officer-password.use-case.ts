import { Injectable } from '@nestjs/common';
import {
  LoginThrottle,
  OfficerStore,
  PasswordHasher,
  SessionRevocation,
  SessionStore,
  validNewPassword,
  type Actor,
} from '@simpul/identity';
import { HandoffAction, LedgerWriter } from '@simpul/ledger';
import { TransactionHost } from '@simpul/database';
import { adminEntry, assertAdmin } from '../admin-entry';
import { lockOfficer } from '../officer-lock';

/**
 * resetOfficerPassword: the admin sets a new password (and hands it over out of band); every
 * session of the officer ends and a sign-in lockout is lifted. OFFICER_PASSWORD_RESET carries the
 * officer's id only: no password, and no digest of one.
 */
@Injectable()
export class ResetOfficerPasswordUseCase {
  constructor(
    private readonly tx: TransactionHost,
    private readonly ledger: LedgerWriter,
    private readonly hasher: PasswordHasher,
    private readonly sessions: SessionStore,
    private readonly throttle: LoginThrottle,
    private readonly officers: OfficerStore,
  ) {}

  async execute(actor: Actor, id: string, newPassword: string): Promise<void> {
    assertAdmin(actor);
    const password = validNewPassword('newPassword', newPassword);
    const passwordHash = await this.hasher.hash(password);
    await this.tx.run(async () => {
      const officer = await lockOfficer(this.officers, id);
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

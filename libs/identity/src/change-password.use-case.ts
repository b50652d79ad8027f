import { Inject, Injectable } from '@nestjs/common';
import { badInput, unauthenticated } from '@simpul/common';
import { TransactionHost, type TxHost } from '@simpul/database';
import type { Actor } from './actor';
import type { Credential } from './credential';
import { LoginThrottle } from './login-throttle';
import { OfficerReader } from './officer.reader';
import { OfficerRepository } from './officer.repository';
import { PasswordHasher } from './password-hasher';
import { MAX_PASSWORD_LENGTH, validNewPassword } from './password-policy';
import { SessionRevocation, SessionStore } from './sessions/session.store';

/**
 * changePassword for the caller: needs the current password (a stolen access token alone cannot
 * take the account over; wrong guesses count towards the sign-in lockout), sets the new one and
 * ends every other session of the officer. The caller's own session continues.
 */
@Injectable()
export class ChangePasswordUseCase {
  constructor(
    @Inject(TransactionHost) private readonly txHost: TxHost,
    private readonly officers: OfficerReader,
    private readonly officerRows: OfficerRepository,
    private readonly hasher: PasswordHasher,
    private readonly sessions: SessionStore,
    private readonly throttle: LoginThrottle,
  ) {}

  async execute(
    actor: Actor,
    credential: Credential,
    currentPassword: string,
    newPassword: string,
    clientAddress?: string,
  ): Promise<void> {
    const valid = validNewPassword('newPassword', newPassword, actor.username);
    const ticket = await this.throttle.begin(actor.username, clientAddress);
    const officer = await this.officers.byId(actor.officerId);
    if (!officer) throw unauthenticated();
    const matches =
      currentPassword.length <= MAX_PASSWORD_LENGTH &&
      (await this.hasher.verify(currentPassword, officer.passwordHash));
    if (!matches) {
      await this.throttle.failed(ticket);
      throw badInput('currentPassword', 'is not the current password');
    }
    await this.throttle.succeeded(ticket);
    if (valid === currentPassword) {
      throw badInput('newPassword', 'must differ from the current password');
    }
    const passwordHash = await this.hasher.hash(valid);
    // Only the writes are one transaction: the throttle's rows above must commit either way.
    await this.txHost.withTransaction(async () => {
      await this.officerRows.update(officer.id, { passwordHash });
      await this.sessions.revokeOfficerSessions(
        officer.id,
        SessionRevocation.PASSWORD_CHANGED,
        credential.sessionId,
      );
    });
  }
}

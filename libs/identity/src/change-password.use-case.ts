import { Injectable } from '@nestjs/common';
import { badInput, unauthenticated } from '@simpul/common';
import { TransactionHost } from '@simpul/database';
import type { Actor } from './actor';
import type { Credential } from './credential';
import { OfficerEntity } from './entities/officer.entity';
import { LoginThrottle } from './login-throttle';
import { OfficerReader } from './officer.reader';
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
    private readonly tx: TransactionHost,
    private readonly officers: OfficerReader,
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
    await this.tx.run(async () => {
      await this.tx.manager.update(OfficerEntity, { id: officer.id }, { passwordHash });
      await this.sessions.revokeOfficerSessions(
        officer.id,
        SessionRevocation.PASSWORD_CHANGED,
        credential.sessionId,
      );
    });
  }
}

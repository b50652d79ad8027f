import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@simpul/database';
import type { Credential } from './credential';
import { announceAccessChange } from './sessions/session-events';
import { SessionRevocation, SessionStore } from './sessions/session.store';

/**
 * logout: the caller's access token stops working at once (its id is recorded as revoked until it
 * expires) and so does its session, with every refresh token of it. Open WebSockets on that token
 * close at their next check. Other sessions of the officer (another device) are left alone.
 */
@Injectable()
export class LogoutUseCase {
  constructor(
    private readonly tx: TransactionHost,
    private readonly sessions: SessionStore,
  ) {}

  async execute(credential: Credential): Promise<void> {
    await this.tx.run(async () => {
      await this.sessions.revokeToken(credential.tokenId, credential.expiresAt);
      if (credential.sessionId) {
        await this.sessions.revokeSession(credential.sessionId, SessionRevocation.LOGOUT);
      }
      await announceAccessChange(this.tx.manager, credential.officerId);
    });
  }
}

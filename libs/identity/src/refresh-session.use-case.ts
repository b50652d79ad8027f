import { Injectable } from '@nestjs/common';
import { unauthenticated } from '@simpul/common';
import type { LoginResult } from './login.use-case';
import { OfficerReader } from './officer.reader';
import { MAX_REFRESH_TOKEN_LENGTH } from './sessions/refresh-token';
import { SessionStore } from './sessions/session.store';
import { TokenService } from './token.service';

const INVALID_REFRESH = 'Invalid or expired refresh token';

/**
 * refreshSession: a refresh token buys one new access token and the next refresh token of the
 * same session (rotation). A refresh token that was already used revokes the whole session: one of
 * the two holders is not the officer. Unknown, expired, revoked: all the same error.
 */
@Injectable()
export class RefreshSessionUseCase {
  constructor(
    private readonly sessions: SessionStore,
    private readonly officers: OfficerReader,
    private readonly tokens: TokenService,
  ) {}

  async execute(refreshToken: string): Promise<LoginResult> {
    if (refreshToken.length === 0 || refreshToken.length > MAX_REFRESH_TOKEN_LENGTH) {
      throw unauthenticated(INVALID_REFRESH);
    }
    const rotation = await this.sessions.rotate(refreshToken);
    if (rotation.status !== 'rotated') throw unauthenticated(INVALID_REFRESH);
    const officer = await this.officers.byId(rotation.officerId);
    if (!officer?.active) throw unauthenticated(INVALID_REFRESH);
    const { accessToken, expiresAt } = await this.tokens.issue(officer, rotation.sessionId);
    return {
      accessToken,
      expiresAt,
      refreshToken: rotation.refreshToken,
      sessionId: rotation.sessionId,
      officer,
    };
  }
}

import { Injectable } from '@nestjs/common';
import { unauthenticated } from '@simpul/common';
import type { OfficerEntity } from './entities/officer.entity';
import { LoginThrottle } from './login-throttle';
import { OfficerReader } from './officer.reader';
import { PasswordHasher } from './password-hasher';
import { MAX_PASSWORD_LENGTH } from './password-policy';
import { SessionStore } from './sessions/session.store';
import { TokenService } from './token.service';

export interface LoginResult {
  accessToken: string;
  expiresAt: Date;
  /** Exchanged through refreshSession for the next access token; used once. */
  refreshToken: string;
  sessionId: string;
  officer: OfficerEntity;
}

/** Longer inputs are refused like a wrong password, without hashing megabytes first. */
const MAX_USERNAME_LENGTH = 200;

export const INVALID_CREDENTIALS = 'Invalid username or password';

/**
 * Exchanges username and password for an access token and a refresh token (a new sign-in
 * session). Unknown username, wrong password and deactivated officer are indistinguishable to the
 * caller: same error, and every attempt runs exactly one scrypt verification so the response time
 * does not tell them apart either. Failures count towards a lockout per username and per client
 * address; a locked login is refused before any lookup, the same way for real and unknown names.
 */
@Injectable()
export class LoginUseCase {
  constructor(
    private readonly officers: OfficerReader,
    private readonly hasher: PasswordHasher,
    private readonly tokens: TokenService,
    private readonly sessions: SessionStore,
    private readonly throttle: LoginThrottle,
  ) {}

  async login(username: string, password: string, clientAddress?: string): Promise<LoginResult> {
    const ticket = await this.throttle.begin(username, clientAddress);
    const plausible =
      username.length <= MAX_USERNAME_LENGTH && password.length <= MAX_PASSWORD_LENGTH;
    const officer = plausible ? await this.officers.byUsername(username.trim()) : null;
    const passwordMatches = officer
      ? await this.hasher.verify(password, officer.passwordHash)
      : await this.hasher.verifyDummy(plausible ? password : '');
    if (!officer || !passwordMatches || !officer.active) {
      await this.throttle.failed(ticket);
      throw unauthenticated(INVALID_CREDENTIALS);
    }
    await this.throttle.succeeded(ticket);
    const session = await this.sessions.start(officer.id);
    const { accessToken, expiresAt } = await this.tokens.issue(officer, session.sessionId);
    return {
      accessToken,
      expiresAt,
      refreshToken: session.refreshToken,
      sessionId: session.sessionId,
      officer,
    };
  }
}

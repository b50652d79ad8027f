import { Injectable } from '@nestjs/common';
import { unauthenticated } from '@simpul/common';
import type { OfficerEntity } from './entities/officer.entity';
import { OfficerReader } from './officer.reader';
import { PasswordHasher } from './password-hasher';
import { TokenService } from './token.service';

export interface LoginResult {
  accessToken: string;
  expiresAt: Date;
  officer: OfficerEntity;
}

/** Longer inputs are refused like a wrong password, without hashing megabytes first. */
const MAX_USERNAME_LENGTH = 200;
const MAX_PASSWORD_LENGTH = 1024;

export const INVALID_CREDENTIALS = 'Invalid username or password';

/**
 * Exchanges username and password for an access token. Unknown username, wrong password and
 * deactivated officer are indistinguishable to the caller: same error, and every attempt runs
 * exactly one scrypt verification so the response time does not tell them apart either.
 */
@Injectable()
export class LoginUseCase {
  constructor(
    private readonly officers: OfficerReader,
    private readonly hasher: PasswordHasher,
    private readonly tokens: TokenService,
  ) {}

  async login(username: string, password: string): Promise<LoginResult> {
    const plausible =
      username.length <= MAX_USERNAME_LENGTH && password.length <= MAX_PASSWORD_LENGTH;
    const officer = plausible ? await this.officers.byUsername(username.trim()) : null;
    const passwordMatches = officer
      ? await this.hasher.verify(password, officer.passwordHash)
      : await this.hasher.verifyDummy(plausible ? password : '');
    if (!officer || !passwordMatches || !officer.active) throw unauthenticated(INVALID_CREDENTIALS);
    const { accessToken, expiresAt } = await this.tokens.issue(officer);
    return { accessToken, expiresAt, officer };
  }
}

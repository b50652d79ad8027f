import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { SignJWT, jwtVerify } from 'jose';
import { unauthenticated } from '@simpul/common';
import { APP_CONFIG, type AppConfig } from '@simpul/config';
import type { Actor } from './actor';
import { OfficerReader } from './officer.reader';

export const TOKEN_ISSUER = 'simpul';
const ALGORITHM = 'HS256';
/** sub must be a uuid: it goes into a uuid-typed query. */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface IssuedToken {
  accessToken: string;
  expiresAt: Date;
}

/** Where verification looks the officer up (the OfficerReader; a stub in unit tests). */
export type ActorSource = Pick<OfficerReader, 'activeActor'>;

/**
 * Simpul's own access tokens: HS256 JWTs, short-lived. Verification is stateful on purpose: it
 * reloads the officer, so a deactivated officer (or one moved to another unit) is refused or
 * re-scoped at the next request, not when the token expires.
 */
@Injectable()
export class TokenService {
  private readonly key: Uint8Array;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(OfficerReader) private readonly officers: ActorSource,
  ) {
    this.key = new TextEncoder().encode(config.tokenSecret);
  }

  async issue(officer: { id: string; username: string }, now = new Date()): Promise<IssuedToken> {
    const issuedAt = Math.floor(now.getTime() / 1000);
    const expiresAt = issuedAt + this.config.tokenTtlSeconds;
    const accessToken = await new SignJWT({ username: officer.username })
      .setProtectedHeader({ alg: ALGORITHM, typ: 'JWT' })
      .setSubject(officer.id)
      .setIssuer(TOKEN_ISSUER)
      .setIssuedAt(issuedAt)
      .setExpirationTime(expiresAt)
      .setJti(randomUUID())
      .sign(this.key);
    return { accessToken, expiresAt: new Date(expiresAt * 1000) };
  }

  /** The Actor of a valid token; UNAUTHENTICATED for anything else, with no detail why. */
  async verify(token: string): Promise<Actor> {
    let subject: string | undefined;
    try {
      const { payload } = await jwtVerify(token, this.key, {
        algorithms: [ALGORITHM],
        issuer: TOKEN_ISSUER,
        requiredClaims: ['sub', 'exp', 'iat', 'jti'],
      });
      subject = payload.sub;
    } catch {
      throw unauthenticated('Invalid or expired token');
    }
    if (!subject || !UUID.test(subject)) throw unauthenticated('Invalid or expired token');
    const actor = await this.officers.activeActor(subject);
    if (!actor) throw unauthenticated('Invalid or expired token');
    return actor;
  }
}

import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { SignJWT, jwtVerify } from 'jose';
import { isUuid, unauthenticated } from '@simpul/common';
import { APP_CONFIG, type AppConfig } from '@simpul/config';
import type { Actor } from './actor';
import type { Authentication, Credential } from './credential';
import { SessionStore } from './sessions/session.store';

export const TOKEN_ISSUER = 'simpul';
const ALGORITHM = 'HS256';

export interface IssuedToken {
  accessToken: string;
  expiresAt: Date;
}

/** Where verification looks the officer up (the SessionStore; a stub in unit tests). */
export type ActorSource = Pick<SessionStore, 'currentActor'>;

const invalidToken = () => unauthenticated('Invalid or expired token');

/** Verified tokens remembered at most (the oldest are forgotten first). */
const VERIFIED_TOKENS = 10_000;

/**
 * Simpul's own access tokens: HS256 JWTs of at most 15 minutes, each bound to a sign-in session
 * (claim `sid`). Verification is stateful on purpose: it reloads the officer and checks that
 * neither the session nor the token was revoked, so logout, deactivation and a moved officer take
 * effect at the next request, not when the token expires.
 */
@Injectable()
export class TokenService {
  private readonly key: Uint8Array;
  /**
   * Tokens whose signature and claims were verified, with their credential, until they expire: a
   * client sends the same token with every request for up to 15 minutes, and verifying an HMAC
   * through WebCrypto costs a thread-pool round trip each time. Only the cryptography is
   * remembered: every request still checks the session and the officer in PostgreSQL.
   */
  private readonly verified = new Map<string, Credential>();

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(SessionStore) private readonly actors: ActorSource,
  ) {
    this.key = new TextEncoder().encode(config.tokenSecret);
  }

  /** An access token of this session; `now` lets tests issue one that is about to expire. */
  async issue(
    officer: { id: string; username: string },
    sessionId: string,
    now = new Date(),
  ): Promise<IssuedToken> {
    const issuedAt = Math.floor(now.getTime() / 1000);
    const expiresAt = issuedAt + this.config.tokenTtlSeconds;
    const accessToken = await new SignJWT({ username: officer.username, sid: sessionId })
      .setProtectedHeader({ alg: ALGORITHM, typ: 'JWT' })
      .setSubject(officer.id)
      .setIssuer(TOKEN_ISSUER)
      .setIssuedAt(issuedAt)
      .setExpirationTime(expiresAt)
      .setJti(randomUUID())
      .sign(this.key);
    return { accessToken, expiresAt: new Date(expiresAt * 1000) };
  }

  /** Checks signature, issuer, expiry and claims only (no database): the token's credential. */
  async credentialOf(token: string, now = new Date()): Promise<Credential> {
    const known = this.verified.get(token);
    if (known) {
      if (now.getTime() < known.expiresAt.getTime()) return known;
      this.verified.delete(token);
      throw invalidToken();
    }
    const credential = await this.verifiedCredential(token);
    if (this.verified.size >= VERIFIED_TOKENS) {
      this.verified.delete(this.verified.keys().next().value as string);
    }
    this.verified.set(token, credential);
    return credential;
  }

  private async verifiedCredential(token: string): Promise<Credential> {
    let claims: { sub?: unknown; sid?: unknown; jti?: unknown; exp?: unknown };
    try {
      ({ payload: claims } = await jwtVerify(token, this.key, {
        algorithms: [ALGORITHM],
        issuer: TOKEN_ISSUER,
        requiredClaims: ['sub', 'exp', 'iat', 'jti', 'sid'],
      }));
    } catch {
      throw invalidToken();
    }
    const { sub, sid, jti, exp } = claims;
    // Ids go into uuid-typed queries: anything else is refused here, not by a SQL cast error.
    const uuid = (value: unknown): value is string => typeof value === 'string' && isUuid(value);
    if (!uuid(sub) || !uuid(sid) || !uuid(jti) || typeof exp !== 'number') throw invalidToken();
    return {
      kind: 'local',
      officerId: sub,
      sessionId: sid,
      tokenId: jti,
      expiresAt: new Date(exp * 1000),
    };
  }

  /** The Actor and credential of a valid, unrevoked token; UNAUTHENTICATED for anything else. */
  async authenticate(token: string): Promise<Authentication> {
    const credential = await this.credentialOf(token);
    const actor = await this.actors.currentActor(credential);
    if (!actor) throw invalidToken();
    return { actor, credential };
  }

  /** The Actor of a valid token; UNAUTHENTICATED for anything else, with no detail why. */
  async verify(token: string): Promise<Actor> {
    return (await this.authenticate(token)).actor;
  }
}

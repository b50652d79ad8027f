import { Inject, Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { createRemoteJWKSet, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import { unauthenticated } from '@simpul/common';
import { APP_CONFIG, type AppConfig, type OidcConfig } from '@simpul/config';

/**
 * Signature algorithms accepted from an SSO provider: asymmetric only. A symmetric algorithm here
 * would let anyone who knows a public key forge tokens (algorithm confusion). Keycloak signs RS256
 * by default.
 */
export const OIDC_ALGORITHMS = [
  'RS256',
  'RS384',
  'RS512',
  'PS256',
  'PS384',
  'PS512',
  'ES256',
  'ES384',
  'ES512',
  'EdDSA',
];

/** A little tolerance for the clocks of two organisations' servers. */
const CLOCK_TOLERANCE_SECONDS = 5;
const MAX_USERNAME_LENGTH = 200;

export interface VerifiedSsoToken {
  username: string;
  /** What logout records for this token: a digest, so the provider's jti is not stored. */
  tokenId: string;
  expiresAt: Date;
}

/** `oidc:<hex sha-256>` of issuer and jti (or of the whole token when it has no jti). */
export function ssoTokenId(issuer: string, jti: string | undefined, token: string): string {
  const basis = jti ? `${issuer}\njti\n${jti}` : `${issuer}\ntoken\n${token}`;
  return `oidc:${createHash('sha256').update(basis, 'utf8').digest('hex')}`;
}

/**
 * The officer username an SSO access token names, or null. Keycloak marks its tokens with `typ`:
 * only access tokens ('Bearer') are accepted, never ID or refresh tokens of the same client.
 */
export function ssoUsername(payload: JWTPayload, claim: string): string | null {
  if (payload.typ !== undefined && payload.typ !== 'Bearer') return null;
  const value = payload[claim];
  if (typeof value !== 'string') return null;
  const username = value.trim();
  return username.length > 0 && username.length <= MAX_USERNAME_LENGTH ? username : null;
}

/**
 * Verifies access tokens of the agencies' OpenID Connect provider (Keycloak and the like) against
 * its published keys (JWKS, fetched and cached by jose, refetched when an unknown key id appears).
 * Issuer, audience, expiry and signature must all hold; which officer it is comes from the
 * username claim and is looked up by the caller.
 */
@Injectable()
export class OidcTokenVerifier {
  private readonly oidc: OidcConfig | null;
  private readonly keys: JWTVerifyGetKey | null;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.oidc = config.oidc;
    this.keys = config.oidc
      ? createRemoteJWKSet(new URL(config.oidc.jwksUrl), {
          timeoutDuration: 5_000,
          cooldownDuration: 30_000,
          cacheMaxAge: 10 * 60_000,
        })
      : null;
  }

  /** The issuer whose tokens this verifier accepts; null when single sign-on is off. */
  get issuer(): string | null {
    return this.oidc?.issuer ?? null;
  }

  async verify(token: string): Promise<VerifiedSsoToken> {
    if (!this.oidc || !this.keys) throw unauthenticated('Invalid or expired token');
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, this.keys, {
        issuer: this.oidc.issuer,
        audience: this.oidc.audience,
        algorithms: OIDC_ALGORITHMS,
        requiredClaims: ['exp'],
        clockTolerance: CLOCK_TOLERANCE_SECONDS,
      }));
    } catch {
      // Bad signature, wrong issuer or audience, expired, or the provider's keys unreachable.
      throw unauthenticated('Invalid or expired token');
    }
    const username = ssoUsername(payload, this.oidc.usernameClaim);
    if (!username || payload.exp === undefined) throw unauthenticated('Invalid or expired token');
    return {
      username,
      tokenId: ssoTokenId(this.oidc.issuer, payload.jti, token),
      expiresAt: new Date(payload.exp * 1000),
    };
  }
}

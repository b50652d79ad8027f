import { Inject, Injectable, Optional } from '@nestjs/common';
import { decodeJwt } from 'jose';
import { unauthenticated } from '@simpul/common';
import type { Actor } from './actor';
import type { Authentication, Credential } from './credential';
import { OidcTokenVerifier } from './oidc/oidc-token.verifier';
import { SessionEvents } from './sessions/session-events';
import { SessionStore } from './sessions/session.store';
import { TOKEN_ISSUER, TokenService } from './token.service';

const BEARER = /^Bearer\s+(\S+)\s*$/i;

/** What an open WebSocket learns at each check of its token. */
export type SessionState = 'valid' | 'expired' | 'revoked';

/** Where SSO tokens are verified and their officers found (stubs in unit tests). */
export type SsoVerifier = Pick<OidcTokenVerifier, 'issuer' | 'verify'>;
export type SessionLookup = Pick<SessionStore, 'currentActor' | 'actorByUsername'>;

const sameAccess = (a: Actor, b: Actor) =>
  a.unitId === b.unitId &&
  a.agencyId === b.agencyId &&
  a.roles.length === b.roles.length &&
  a.roles.every((role) => b.roles.includes(role));

/**
 * Turns an `Authorization` value into an Actor. Accepts Simpul's own tokens and, when single
 * sign-on is configured, the SSO provider's; the `iss` claim (read unverified) only chooses which
 * verifier runs, and each verifier checks everything itself. Used by the GraphQL guard for HTTP
 * operations and by the gateway's graphql-ws `onConnect` (connection_init `authorization`).
 */
@Injectable()
export class AccessTokenAuthenticator {
  constructor(
    private readonly tokens: TokenService,
    @Inject(OidcTokenVerifier) private readonly sso: SsoVerifier,
    @Inject(SessionStore) private readonly sessions: SessionLookup,
    @Optional() private readonly events?: SessionEvents,
  ) {}

  /**
   * Calls `react` as soon as a change of this officer's access (logout, revocation, deactivation,
   * new unit or roles) commits, on any replica; returns the unsubscribe. A shortcut for open
   * WebSockets: their periodic sessionState check stays the guarantee.
   */
  onAccessChange(officerId: string, react: () => void): () => void {
    return this.events?.watch(officerId, react) ?? (() => undefined);
  }

  async authenticateBearer(header: string | undefined): Promise<Actor> {
    return (await this.authenticate(header)).actor;
  }

  /** Actor and credential of an `Authorization: Bearer <token>` value. */
  async authenticate(header: string | undefined): Promise<Authentication> {
    const match = header ? BEARER.exec(header) : null;
    if (!match) throw unauthenticated();
    return this.authenticateToken(match[1]);
  }

  async authenticateToken(token: string): Promise<Authentication> {
    const issuer = issuerOf(token);
    if (issuer === TOKEN_ISSUER) return this.tokens.authenticate(token);
    if (issuer === undefined || issuer !== this.sso.issuer) {
      throw unauthenticated('Invalid or expired token');
    }
    const verified = await this.sso.verify(token);
    // Unknown username, deactivated officer or a revoked token: all the same to the caller.
    const actor = await this.sessions.actorByUsername(verified.username, verified.tokenId);
    if (!actor) throw unauthenticated('Invalid or expired token');
    return {
      actor,
      credential: {
        kind: 'sso',
        officerId: actor.officerId,
        sessionId: null,
        tokenId: verified.tokenId,
        expiresAt: verified.expiresAt,
      },
    };
  }

  /**
   * Re-checks a credential that was valid when a WebSocket opened: expired, revoked (logout,
   * session ended, officer deactivated) or still valid. A change of unit or roles also counts as
   * revoked: the connection's filters were computed for the old access, so the client must
   * reconnect to get the new one.
   */
  async sessionState(
    credential: Credential,
    opened: Actor,
    now = new Date(),
  ): Promise<SessionState> {
    if (now.getTime() >= credential.expiresAt.getTime()) return 'expired';
    const actor = await this.sessions.currentActor(credential);
    return actor && sameAccess(actor, opened) ? 'valid' : 'revoked';
  }
}

/** The `iss` claim of a JWT, without verifying anything; undefined for non-JWTs. */
function issuerOf(token: string): string | undefined {
  try {
    const { iss } = decodeJwt(token);
    return typeof iss === 'string' ? iss : undefined;
  } catch {
    return undefined;
  }
}

import type { Actor } from './actor';

/** Where a bearer token came from: Simpul's own login, or the agency's SSO provider. */
export type CredentialKind = 'local' | 'sso';

/**
 * The token behind an Actor: what logout revokes, when a WebSocket must close, which sign-in
 * session a password change keeps. Never sent to clients and never logged (it names no person, but
 * a token id is still a handle on a session).
 */
export interface Credential {
  kind: CredentialKind;
  officerId: string;
  /** The sign-in session (refresh-token family) of a Simpul token; null for SSO tokens. */
  sessionId: string | null;
  /** What revocation records: the jti of a Simpul token, `oidc:<digest>` for an SSO token. */
  tokenId: string;
  expiresAt: Date;
}

export interface Authentication {
  actor: Actor;
  credential: Credential;
}

/** A GraphQL context the auth guard (HTTP) or graphql-ws onConnect (WebSocket) authenticated. */
export interface CredentialCarrier {
  credential?: Credential;
}

/** The credential of an authenticated operation, if any. */
export function credentialOf(context: object): Credential | undefined {
  return (context as CredentialCarrier).credential;
}

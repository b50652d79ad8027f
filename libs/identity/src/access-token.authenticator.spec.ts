import { DomainError, ErrorCode } from '@simpul/common';
import {
  AccessTokenAuthenticator,
  type SessionLookup,
  type SsoVerifier,
} from './access-token.authenticator';
import type { Actor } from './actor';
import type { Credential } from './credential';
import { Role } from './role';
import type { TokenService } from './token.service';

const actor: Actor = {
  officerId: 'o',
  username: 'polda.ntt',
  unitId: 'u',
  agencyId: 'a',
  roles: [Role.INVESTIGATOR],
};

const SSO_ISSUER = 'https://sso.example.go.id/realms/simpul';

/** A JWT-shaped string with these claims (signatures are the verifiers' business, stubbed here). */
const jwt = (claims: Record<string, unknown>) =>
  [{ alg: 'none' }, claims]
    .map((part) => Buffer.from(JSON.stringify(part)).toString('base64url'))
    .join('.') + '.sig';

const LOCAL = jwt({ iss: 'simpul', sub: 'o' });
const SSO = jwt({ iss: SSO_ISSUER, preferred_username: 'polda.ntt' });

const localCredential: Credential = {
  kind: 'local',
  officerId: 'o',
  sessionId: 's',
  tokenId: 'j',
  expiresAt: new Date(Date.now() + 60_000),
};

// Accepts exactly one local token, so the tests show which part of the header reached verification.
const tokens = {
  authenticate: async (token: string) => {
    if (token !== LOCAL) throw new DomainError(ErrorCode.UNAUTHENTICATED, 'bad');
    return { actor, credential: localCredential };
  },
} as unknown as TokenService;

function authenticator(
  options: { ssoIssuer?: string | null; known?: Actor | null; current?: Actor | null } = {},
) {
  const sso: SsoVerifier = {
    issuer: options.ssoIssuer === undefined ? SSO_ISSUER : options.ssoIssuer,
    verify: async (token: string) => {
      if (token !== SSO) throw new DomainError(ErrorCode.UNAUTHENTICATED, 'bad');
      return { username: 'polda.ntt', tokenId: 'oidc:abc', expiresAt: new Date(Date.now() + 1e5) };
    },
  };
  const sessions: SessionLookup = {
    actorByUsername: async () => (options.known === undefined ? actor : options.known),
    currentActor: async () => (options.current === undefined ? actor : options.current),
  };
  return new AccessTokenAuthenticator(tokens, sso, sessions);
}

const unauthenticated = { code: ErrorCode.UNAUTHENTICATED };

describe('authenticateBearer', () => {
  it('accepts "Bearer <token>" with any casing of the scheme', async () => {
    await expect(authenticator().authenticateBearer(`Bearer ${LOCAL}`)).resolves.toBe(actor);
    await expect(authenticator().authenticateBearer(`bearer  ${LOCAL} `)).resolves.toBe(actor);
  });

  it.each([undefined, '', LOCAL, 'Basic dXNlcjpwYXNz', 'Bearer', `Bearer ${LOCAL} b`])(
    'refuses %p as UNAUTHENTICATED',
    async (header) => {
      await expect(authenticator().authenticateBearer(header)).rejects.toMatchObject(
        unauthenticated,
      );
    },
  );
});

describe('authenticate: Simpul tokens and SSO tokens', () => {
  it('sends a Simpul token to the TokenService', async () => {
    await expect(authenticator().authenticate(`Bearer ${LOCAL}`)).resolves.toEqual({
      actor,
      credential: localCredential,
    });
  });

  it('maps an SSO token to the officer its username claim names', async () => {
    const { actor: found, credential } = await authenticator().authenticate(`Bearer ${SSO}`);
    expect(found).toBe(actor);
    expect(credential).toMatchObject({
      kind: 'sso',
      officerId: 'o',
      sessionId: null,
      tokenId: 'oidc:abc',
    });
  });

  it('refuses an SSO token when SSO is off, its officer is unknown, or its issuer is foreign', async () => {
    const header = `Bearer ${SSO}`;
    await expect(authenticator({ ssoIssuer: null }).authenticate(header)).rejects.toMatchObject(
      unauthenticated,
    );
    await expect(authenticator({ known: null }).authenticate(header)).rejects.toMatchObject(
      unauthenticated,
    );
    const foreign = jwt({ iss: 'https://evil.example', preferred_username: 'admin' });
    await expect(authenticator().authenticate(`Bearer ${foreign}`)).rejects.toMatchObject(
      unauthenticated,
    );
    await expect(authenticator().authenticate('Bearer not-a-jwt')).rejects.toMatchObject(
      unauthenticated,
    );
  });
});

describe('sessionState', () => {
  it('is expired once the token expired, whatever the database says', async () => {
    const expired = { ...localCredential, expiresAt: new Date(Date.now() - 1) };
    await expect(authenticator().sessionState(expired, actor)).resolves.toBe('expired');
  });

  it('is revoked when the credential no longer finds an active officer', async () => {
    await expect(
      authenticator({ current: null }).sessionState(localCredential, actor),
    ).resolves.toBe('revoked');
  });

  it('is revoked when the officer moved unit or changed roles since the socket opened', async () => {
    const moved = { ...actor, unitId: 'other' };
    const promoted = { ...actor, roles: [Role.INVESTIGATOR, Role.SUPERVISOR] };
    await expect(
      authenticator({ current: moved }).sessionState(localCredential, actor),
    ).resolves.toBe('revoked');
    await expect(
      authenticator({ current: promoted }).sessionState(localCredential, actor),
    ).resolves.toBe('revoked');
    await expect(authenticator().sessionState(localCredential, actor)).resolves.toBe('valid');
  });
});

import { SignJWT, decodeJwt } from 'jose';
import { DomainError, ErrorCode } from '@simpul/common';
import type { AppConfig } from '@simpul/config';
import type { Actor } from './actor';
import type { Credential } from './credential';
import { Role } from './role';
import { TokenService, type ActorSource } from './token.service';

const SECRET = 'a-test-secret-that-is-long-enough-for-hs256!!';
const OFFICER_ID = '0b6b7f36-6f5e-4b8e-9a39-1f1a3c0e8d11';
const SESSION_ID = '5d0c2a7e-8b1f-4c3d-9e6a-2f4b8c1d0e33';
const JTI = '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d';
const actor: Actor = {
  officerId: OFFICER_ID,
  username: 'bp3mi.ntt',
  unitId: '7d1f2a54-1f0b-4c3e-8f4a-3b7a9e2c1d00',
  agencyId: 'c3a1e0b2-5d4f-4a6b-9c8d-7e6f5a4b3c2d',
  roles: [Role.DESK_OFFICER],
};

/** A stand-in for the SessionStore: these officers are active, these sessions open. */
function service(active = new Set([OFFICER_ID]), openSessions = new Set([SESSION_ID])) {
  const config = { tokenSecret: SECRET, tokenTtlSeconds: 900 } as AppConfig;
  const seen: Credential[] = [];
  const actors: ActorSource = {
    currentActor: async (credential: Credential) => {
      seen.push(credential);
      return active.has(credential.officerId) && openSessions.has(credential.sessionId ?? '')
        ? actor
        : null;
    },
  };
  return Object.assign(new TokenService(config, actors), { seen });
}

const officer = { id: OFFICER_ID, username: 'bp3mi.ntt' };

async function expectUnauthenticated(pending: Promise<unknown>) {
  const error = await pending.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DomainError);
  expect((error as DomainError).code).toBe(ErrorCode.UNAUTHENTICATED);
}

const sign = (claims: Record<string, unknown>, secret = SECRET) =>
  new SignJWT(claims).setProtectedHeader({ alg: 'HS256' }).sign(new TextEncoder().encode(secret));

const validClaims = () => {
  const now = Math.floor(Date.now() / 1000);
  return { sub: OFFICER_ID, sid: SESSION_ID, iss: 'simpul', iat: now, exp: now + 60, jti: JTI };
};

describe('TokenService', () => {
  it('issues a token of the session that verifies to the officer as Actor', async () => {
    const tokens = service();
    const now = new Date();
    const { accessToken, expiresAt } = await tokens.issue(officer, SESSION_ID, now);
    const claims = decodeJwt(accessToken);
    expect(claims).toMatchObject({
      sub: OFFICER_ID,
      sid: SESSION_ID,
      username: 'bp3mi.ntt',
      iss: 'simpul',
    });
    expect(typeof claims.jti).toBe('string');
    expect(claims.exp! - claims.iat!).toBe(900);
    expect(expiresAt.getTime()).toBe(claims.exp! * 1000);
    await expect(tokens.verify(accessToken)).resolves.toEqual(actor);
  });

  it('hands the session, token id and expiry to the revocation check', async () => {
    const tokens = service();
    const { accessToken, expiresAt } = await tokens.issue(officer, SESSION_ID);
    const { credential } = await tokens.authenticate(accessToken);
    expect(credential).toEqual({
      kind: 'local',
      officerId: OFFICER_ID,
      sessionId: SESSION_ID,
      tokenId: decodeJwt(accessToken).jti,
      expiresAt,
    });
    expect(tokens.seen).toEqual([credential]);
  });

  it('refuses an expired token without asking the database', async () => {
    const tokens = service();
    const longAgo = new Date(Date.now() - 3600_000);
    const { accessToken } = await tokens.issue(officer, SESSION_ID, longAgo);
    await expectUnauthenticated(tokens.verify(accessToken));
    expect(tokens.seen).toEqual([]);
  });

  it('verifies a token’s signature once, yet checks the session at every request', async () => {
    const openSessions = new Set([SESSION_ID]);
    const tokens = service(undefined, openSessions);
    const { accessToken } = await tokens.issue(officer, SESSION_ID);
    await expect(tokens.verify(accessToken)).resolves.toEqual(actor);
    await expect(tokens.verify(accessToken)).resolves.toEqual(actor);
    expect(tokens.seen).toHaveLength(2);
    openSessions.clear(); // logout
    await expectUnauthenticated(tokens.verify(accessToken));
  });

  it('forgets a remembered token when it expires', async () => {
    const tokens = service();
    const { accessToken, expiresAt } = await tokens.issue(officer, SESSION_ID);
    await tokens.credentialOf(accessToken);
    await expectUnauthenticated(tokens.credentialOf(accessToken, expiresAt));
    // A tampered copy is another string: verified afresh, and refused.
    await expectUnauthenticated(tokens.credentialOf(`${accessToken.slice(0, -2)}AA`));
  });

  it('refuses a token of a deactivated officer or of an ended session', async () => {
    const { accessToken } = await service().issue(officer, SESSION_ID);
    await expectUnauthenticated(service(new Set()).verify(accessToken));
    await expectUnauthenticated(service(undefined, new Set()).verify(accessToken));
  });

  it('refuses tokens signed with another secret, of another issuer, or tampered with', async () => {
    const tokens = service();
    const claims = validClaims();
    await expect(tokens.verify(await sign(claims))).resolves.toEqual(actor);
    await expectUnauthenticated(tokens.verify(await sign(claims, `${SECRET}-other`)));
    await expectUnauthenticated(tokens.verify(await sign({ ...claims, iss: 'someone-else' })));
    const { accessToken } = await tokens.issue(officer, SESSION_ID);
    const [header, , signature] = accessToken.split('.');
    const forged = Buffer.from(JSON.stringify({ ...claims, sub: actor.unitId })).toString(
      'base64url',
    );
    await expectUnauthenticated(tokens.verify(`${header}.${forged}.${signature}`));
  });

  it('refuses a token without a session (issued before sessions existed)', async () => {
    const { sid: _sid, ...withoutSession } = validClaims();
    await expectUnauthenticated(service().verify(await sign(withoutSession)));
  });

  it('refuses unsigned tokens and garbage', async () => {
    const tokens = service();
    const body = Buffer.from(JSON.stringify(validClaims()));
    const none = `${Buffer.from('{"alg":"none"}').toString('base64url')}.${body.toString('base64url')}.`;
    await expectUnauthenticated(tokens.verify(none));
    await expectUnauthenticated(tokens.verify('not-a-jwt'));
    await expectUnauthenticated(tokens.verify(''));
  });

  it.each([
    ['subject', { sub: "1' OR 1=1" }],
    ['session', { sid: 'not-a-uuid' }],
    ['token id', { jti: 'x' }],
  ])('refuses a validly signed token whose %s is not a uuid', async (_what, override) => {
    const tokens = service();
    await expectUnauthenticated(tokens.verify(await sign({ ...validClaims(), ...override })));
    expect(tokens.seen).toEqual([]);
  });
});

import { SignJWT, decodeJwt } from 'jose';
import { DomainError, ErrorCode } from '@simpul/common';
import type { AppConfig } from '@simpul/config';
import type { Actor } from './actor';
import { Role } from './role';
import { TokenService, type ActorSource } from './token.service';

const SECRET = 'a-test-secret-that-is-long-enough-for-hs256!!';
const OFFICER_ID = '0b6b7f36-6f5e-4b8e-9a39-1f1a3c0e8d11';
const actor: Actor = {
  officerId: OFFICER_ID,
  username: 'bp3mi.ntt',
  unitId: '7d1f2a54-1f0b-4c3e-8f4a-3b7a9e2c1d00',
  agencyId: 'c3a1e0b2-5d4f-4a6b-9c8d-7e6f5a4b3c2d',
  roles: [Role.DESK_OFFICER],
};

function service(active = new Set([OFFICER_ID])) {
  const config = { tokenSecret: SECRET, tokenTtlSeconds: 900 } as AppConfig;
  const officers: ActorSource = {
    activeActor: async (id: string) => (active.has(id) ? actor : null),
  };
  return new TokenService(config, officers);
}

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

describe('TokenService', () => {
  it('issues a token that verifies to the officer as Actor', async () => {
    const tokens = service();
    const now = new Date();
    const { accessToken, expiresAt } = await tokens.issue(
      { id: OFFICER_ID, username: 'bp3mi.ntt' },
      now,
    );
    const claims = decodeJwt(accessToken);
    expect(claims).toMatchObject({ sub: OFFICER_ID, username: 'bp3mi.ntt', iss: 'simpul' });
    expect(typeof claims.jti).toBe('string');
    expect(claims.exp! - claims.iat!).toBe(900);
    expect(expiresAt.getTime()).toBe(claims.exp! * 1000);
    await expect(tokens.verify(accessToken)).resolves.toEqual(actor);
  });

  it('refuses an expired token', async () => {
    const tokens = service();
    const longAgo = new Date(Date.now() - 3600_000);
    const { accessToken } = await tokens.issue({ id: OFFICER_ID, username: 'bp3mi.ntt' }, longAgo);
    await expectUnauthenticated(tokens.verify(accessToken));
  });

  it('refuses a token of a deactivated or unknown officer', async () => {
    const { accessToken } = await service().issue({ id: OFFICER_ID, username: 'bp3mi.ntt' });
    await expectUnauthenticated(service(new Set()).verify(accessToken));
  });

  it('refuses tokens signed with another secret, of another issuer, or tampered with', async () => {
    const tokens = service();
    const now = Math.floor(Date.now() / 1000);
    const claims = { sub: OFFICER_ID, iss: 'simpul', iat: now, exp: now + 60, jti: 'x' };
    await expectUnauthenticated(tokens.verify(await sign(claims, `${SECRET}-other`)));
    await expectUnauthenticated(tokens.verify(await sign({ ...claims, iss: 'someone-else' })));
    const { accessToken } = await tokens.issue({ id: OFFICER_ID, username: 'bp3mi.ntt' });
    const [header, , signature] = accessToken.split('.');
    const forged = Buffer.from(JSON.stringify({ ...claims, sub: actor.unitId })).toString(
      'base64url',
    );
    await expectUnauthenticated(tokens.verify(`${header}.${forged}.${signature}`));
  });

  it('refuses unsigned tokens and garbage', async () => {
    const tokens = service();
    const now = Math.floor(Date.now() / 1000);
    const body = Buffer.from(JSON.stringify({ sub: OFFICER_ID, iss: 'simpul', exp: now + 60 }));
    const none = `${Buffer.from('{"alg":"none"}').toString('base64url')}.${body.toString('base64url')}.`;
    await expectUnauthenticated(tokens.verify(none));
    await expectUnauthenticated(tokens.verify('not-a-jwt'));
    await expectUnauthenticated(tokens.verify(''));
  });

  it('refuses a validly signed token whose subject is not an officer id', async () => {
    const now = Math.floor(Date.now() / 1000);
    const token = await sign({
      sub: "1' OR 1=1",
      iss: 'simpul',
      iat: now,
      exp: now + 60,
      jti: 'x',
    });
    await expectUnauthenticated(service().verify(token));
  });
});

import { decodeJwt } from 'jose';
import type { DataSource } from 'typeorm';
import { LOCKED_OUT } from '@simpul/identity';
import { dataSourceOf } from '../support/boot-in-process';
import { createTestOfficer, testAddress, type TestOfficer } from '../support/create-test-officer';
import {
  LOGIN,
  dataOf,
  errorCode,
  graphqlRequest,
  signIn,
  type AuthPayload,
} from '../support/graphql-http';
import { listenSessionGateway, type SessionGateway } from '../support/listen-session-gateway';
import { RedisProxy } from '../support/redis-proxy';
import { removeRedisKeys } from '../support/remove-redis-keys';

const REFRESH = `mutation Refresh($refreshToken: String!) {
  refreshSession(refreshToken: $refreshToken) { accessToken expiresAt refreshToken officer { id username } }
}`;
const ME = '{ me { id username active } }';
const LOGOUT = 'mutation { logout }';
const CHANGE_PASSWORD = `mutation Change($currentPassword: String!, $newPassword: String!) {
  changePassword(currentPassword: $currentPassword, newPassword: $newPassword)
}`;

/**
 * Sessions over real HTTP: refresh-token rotation and reuse detection, logout, lockouts and
 * password changes, with revocations held in PostgreSQL only. The gateway talks to Redis through a
 * proxy this file can cut, under a key prefix of its own.
 */
describe('sessions', () => {
  let proxy: RedisProxy;
  let gateway: SessionGateway;
  let url: string;
  let dataSource: DataSource;
  const redisPrefix = `${process.env.REDIS_PREFIX}-sessions`;

  // Every failing sign-in of this file comes from an address of its own: the run's other files
  // sign in from 127.0.0.1 and must never meet an address lockout made here.
  const from = (address = testAddress()) => ({ 'x-forwarded-for': address });
  const login = (username: string, password: string, address = testAddress()) =>
    graphqlRequest<{ login: AuthPayload }>(
      url,
      LOGIN,
      { username, password },
      { headers: from(address) },
    );
  const me = (token: string) =>
    graphqlRequest<{ me: { username: string } }>(url, ME, {}, { token });
  const refresh = (refreshToken: string) =>
    graphqlRequest<{ refreshSession: AuthPayload }>(url, REFRESH, { refreshToken });
  const newOfficer = (): Promise<TestOfficer> => createTestOfficer(gateway.app);
  const signInAs = (officer: TestOfficer) =>
    signIn(url, officer.username, officer.password, from());

  beforeAll(async () => {
    proxy = await RedisProxy.start(process.env.REDIS_URL as string);
    gateway = await listenSessionGateway({ REDIS_URL: proxy.url, REDIS_PREFIX: redisPrefix });
    url = gateway.graphqlUrl;
    dataSource = dataSourceOf(gateway.app);
  }, 60_000);

  afterAll(async () => {
    await proxy.restore();
    await gateway.app.close();
    await proxy.close();
    await removeRedisKeys(process.env.REDIS_URL as string, redisPrefix);
  }, 60_000);

  describe('login', () => {
    it('returns an access token of at most 15 minutes and a refresh token', async () => {
      const officer = await newOfficer();
      const session = await signInAs(officer);
      expect(session.refreshToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
      const claims = decodeJwt(session.accessToken);
      expect(claims.exp! - claims.iat!).toBeLessThanOrEqual(900);
      expect(typeof claims.sid).toBe('string');
      expect(new Date(session.expiresAt).getTime()).toBe(claims.exp! * 1000);
      expect(dataOf(await me(session.accessToken)).me.username).toBe(officer.username);
      // Only a digest of the refresh token is stored.
      const stored: { token_digest: string }[] = await dataSource.query(
        'SELECT token_digest FROM refresh_token WHERE session_id = $1',
        [claims.sid],
      );
      expect(stored).toHaveLength(1);
      expect(stored[0].token_digest).not.toContain(session.refreshToken!);
    });
  });

  describe('refreshSession', () => {
    it('rotates: each refresh token buys new tokens once', async () => {
      const first = await signInAs(await newOfficer());
      const second = dataOf(await refresh(first.refreshToken!)).refreshSession;
      expect(second.refreshToken).not.toBe(first.refreshToken);
      expect(second.accessToken).not.toBe(first.accessToken);
      expect(decodeJwt(second.accessToken).sid).toBe(decodeJwt(first.accessToken).sid);
      expect(errorCode(await me(second.accessToken))).toBeUndefined();
      const third = dataOf(await refresh(second.refreshToken!)).refreshSession;
      expect(errorCode(await me(third.accessToken))).toBeUndefined();
    });

    it('ends the whole session when a used refresh token comes back', async () => {
      const first = await signInAs(await newOfficer());
      const second = dataOf(await refresh(first.refreshToken!)).refreshSession;

      const replay = await refresh(first.refreshToken!);
      expect(errorCode(replay)).toBe('UNAUTHENTICATED');

      // The legitimate holder's newer tokens die with it: one of the two holders is a thief.
      expect(errorCode(await me(second.accessToken))).toBe('UNAUTHENTICATED');
      expect(errorCode(await me(first.accessToken))).toBe('UNAUTHENTICATED');
      expect(errorCode(await refresh(second.refreshToken!))).toBe('UNAUTHENTICATED');
      const [session]: { revoked_reason: string }[] = await dataSource.query(
        'SELECT revoked_reason FROM auth_session WHERE id = $1',
        [decodeJwt(first.accessToken).sid],
      );
      expect(session.revoked_reason).toBe('REFRESH_REUSE');
    });

    it('answers an unknown or malformed refresh token with UNAUTHENTICATED', async () => {
      for (const token of ['', 'x'.repeat(43), 'x'.repeat(5000)]) {
        const result = await refresh(token);
        expect(errorCode(result)).toBe('UNAUTHENTICATED');
        expect(result.errors![0].message).toBe('Invalid or expired refresh token');
      }
    });

    it('refuses the refresh token of a deactivated officer', async () => {
      const officer = await newOfficer();
      const session = await signInAs(officer);
      await dataSource.query('UPDATE officer SET active = false WHERE id = $1', [officer.id]);
      expect(errorCode(await refresh(session.refreshToken!))).toBe('UNAUTHENTICATED');
    });
  });

  describe('logout', () => {
    it('revokes the access token at once, and its refresh tokens, but not other sessions', async () => {
      const officer = await newOfficer();
      const laptop = await signInAs(officer);
      const phone = await signInAs(officer);

      expect(dataOf(await graphqlRequest(url, LOGOUT, {}, { token: laptop.accessToken }))).toEqual({
        logout: true,
      });

      expect(errorCode(await me(laptop.accessToken))).toBe('UNAUTHENTICATED');
      expect(errorCode(await refresh(laptop.refreshToken!))).toBe('UNAUTHENTICATED');
      expect(errorCode(await graphqlRequest(url, LOGOUT, {}, { token: laptop.accessToken }))).toBe(
        'UNAUTHENTICATED',
      );
      expect(dataOf(await me(phone.accessToken)).me.username).toBe(officer.username);
      const revoked: unknown[] = await dataSource.query(
        'SELECT 1 FROM revoked_token WHERE token_id = $1',
        [decodeJwt(laptop.accessToken).jti],
      );
      expect(revoked).toHaveLength(1);
    });

    it('needs a token', async () => {
      expect(errorCode(await graphqlRequest(url, LOGOUT))).toBe('UNAUTHENTICATED');
    });

    it('holds when Redis is gone and its keys are flushed: revocations live in PostgreSQL', async () => {
      const officer = await newOfficer();
      const session = await signInAs(officer);
      await graphqlRequest(url, LOGOUT, {}, { token: session.accessToken });

      await proxy.cut();
      await removeRedisKeys(process.env.REDIS_URL as string, redisPrefix);
      try {
        expect(errorCode(await me(session.accessToken))).toBe('UNAUTHENTICATED');
        expect(errorCode(await refresh(session.refreshToken!))).toBe('UNAUTHENTICATED');
        // Signing in needs no Redis either.
        const again = await signInAs(officer);
        expect(dataOf(await me(again.accessToken)).me.username).toBe(officer.username);
      } finally {
        await proxy.restore();
      }
      expect(errorCode(await me(session.accessToken))).toBe('UNAUTHENTICATED');
    });
  });

  describe('lockout', () => {
    it('locks a username at one address after 5 failures, answering exactly as for a username that does not exist', async () => {
      const officer = await newOfficer();
      const ghost = `ghost.${officer.username}`;
      const address = testAddress();
      const answers = async (username: string, password: string) => {
        const result = await login(username, password, address);
        return { code: errorCode(result), message: result.errors?.[0]?.message, result };
      };

      for (let attempt = 1; attempt <= 5; attempt++) {
        for (const username of [officer.username, ghost]) {
          expect(await answers(username, `wrong-${attempt}`)).toMatchObject({
            code: 'UNAUTHENTICATED',
            message: 'Invalid username or password',
          });
        }
      }
      const real = await answers(officer.username, officer.password);
      const unknown = await answers(ghost, officer.password);
      expect(real.code).toBe('RATE_LIMITED');
      expect(real.message).toBe(LOCKED_OUT);
      // The same answer, the same wait (give or take the second between the two locks).
      const waitOf = (answer: typeof real) =>
        answer.result.errors?.[0]?.extensions?.retryAfterSeconds;
      expect(waitOf(real)).toBeGreaterThan(890);
      expect(Math.abs(waitOf(unknown)! - waitOf(real)!)).toBeLessThanOrEqual(1);
      const withoutWait = (answer: typeof real) =>
        answer.result.errors?.map(({ message, extensions }) => ({
          message,
          code: extensions?.code,
        }));
      expect(withoutWait(unknown)).toEqual(withoutWait(real));
      // Changing the case of the username buys no more guesses.
      expect((await answers(officer.username.toUpperCase(), officer.password)).code).toBe(
        'RATE_LIMITED',
      );
      // Nothing in the lockout tables names the officer or the address.
      const stored: { subject: string }[] = await dataSource.query(
        `SELECT subject FROM login_lockout UNION ALL SELECT subject FROM login_failure
         UNION ALL SELECT subject FROM login_known_pair`,
      );
      expect(stored.some((row) => row.subject.includes(officer.username))).toBe(false);
      expect(stored.some((row) => row.subject.includes(address))).toBe(false);
    }, 120_000);

    it('forgives earlier failures of the pair after a successful sign-in', async () => {
      const officer = await newOfficer();
      const address = testAddress();
      for (let i = 0; i < 4; i++) await login(officer.username, 'wrong-password', address);
      expect(errorCode(await login(officer.username, officer.password, address))).toBeUndefined();
      for (let i = 0; i < 4; i++) await login(officer.username, 'wrong-password', address);
      expect(errorCode(await login(officer.username, officer.password, address))).toBeUndefined();
    }, 120_000);

    it('locks an address after 20 failures, whatever the usernames, and only that address', async () => {
      const address = testAddress();
      for (let i = 0; i < 20; i++) {
        const result = await login(`nobody.${i}.${address}`, 'wrong-password', address);
        expect(errorCode(result)).toBe('UNAUTHENTICATED');
      }
      const officer = await newOfficer();
      const locked = await login(officer.username, officer.password, address);
      expect(errorCode(locked)).toBe('RATE_LIMITED');
      expect(errorCode(await login(officer.username, officer.password))).toBeUndefined();
    }, 120_000);
  });

  describe('changePassword', () => {
    const change = (token: string, currentPassword: string, newPassword: string) =>
      graphqlRequest<{ changePassword: boolean }>(
        url,
        CHANGE_PASSWORD,
        { currentPassword, newPassword },
        { token, headers: from() },
      );

    it('sets the new password and ends the other sessions, keeping the caller signed in', async () => {
      const officer = await newOfficer();
      const here = await signInAs(officer);
      const elsewhere = await signInAs(officer);
      const newPassword = 'a brand new passphrase';

      expect(dataOf(await change(here.accessToken, officer.password, newPassword))).toEqual({
        changePassword: true,
      });

      expect(errorCode(await me(here.accessToken))).toBeUndefined();
      expect(errorCode(await refresh(here.refreshToken!))).toBeUndefined();
      expect(errorCode(await me(elsewhere.accessToken))).toBe('UNAUTHENTICATED');
      expect(errorCode(await refresh(elsewhere.refreshToken!))).toBe('UNAUTHENTICATED');
      expect(errorCode(await login(officer.username, officer.password))).toBe('UNAUTHENTICATED');
      expect(errorCode(await login(officer.username, newPassword))).toBeUndefined();
    }, 60_000);

    it('refuses a short new password and a wrong current one, naming the field', async () => {
      const officer = await newOfficer();
      const { accessToken } = await signInAs(officer);

      const short = await change(accessToken, officer.password, 'too-short');
      expect(errorCode(short)).toBe('BAD_USER_INPUT');
      expect(short.errors![0].extensions!.field).toBe('newPassword');
      expect(short.errors![0].message).not.toContain('too-short');

      const wrong = await change(accessToken, 'not-my-password', 'a long enough password');
      expect(errorCode(wrong)).toBe('BAD_USER_INPUT');
      expect(wrong.errors![0].extensions!.field).toBe('currentPassword');
      expect(errorCode(await login(officer.username, officer.password))).toBeUndefined();
    }, 60_000);

    it('needs a token', async () => {
      const result = await graphqlRequest(url, CHANGE_PASSWORD, {
        currentPassword: 'whatever-it-is',
        newPassword: 'whatever-it-will-be',
      });
      expect(errorCode(result)).toBe('UNAUTHENTICATED');
    });
  });
});

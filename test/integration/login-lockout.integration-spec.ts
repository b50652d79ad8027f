import { LOCKED_OUT } from '@simpul/identity';
import { createTestOfficer, testAddress, type TestOfficer } from '../support/create-test-officer';
import { LOGIN, errorCode, graphqlRequest, type GraphqlResult } from '../support/graphql-http';
import { listenSessionGateway, type SessionGateway } from '../support/listen-session-gateway';
import { RedisProxy } from '../support/redis-proxy';
import { removeRedisKeys } from '../support/remove-redis-keys';
import { waitForCondition } from '../support/wait-for-condition';

/**
 * The sign-in lockout as an attacker meets it (docs/security.md, "Login lockout"), with the
 * default numbers: 5 failures lock a username-and-address pair, 20 an address, 30 of one username
 * from anywhere slow that username down with short locks growing from 5 s — and none of them keeps the
 * officer out of the address it signs in from. Addresses are X-Forwarded-For entries the run's
 * TRUST_PROXY (loopback) believes. Redis is reached through a proxy this file cuts: the lockout
 * lives in PostgreSQL and holds without it.
 */
describe('login lockout policy', () => {
  let proxy: RedisProxy;
  let gateway: SessionGateway;
  const redisPrefix = `${process.env.REDIS_PREFIX}-lockout`;

  const login = (username: string, password: string, address: string) =>
    graphqlRequest(
      gateway.graphqlUrl,
      LOGIN,
      { username, password },
      { headers: { 'x-forwarded-for': address } },
    );
  const retryAfterOf = (result: GraphqlResult<unknown>) =>
    result.errors?.[0]?.extensions?.retryAfterSeconds;
  const newOfficer = (): Promise<TestOfficer> => createTestOfficer(gateway.app);

  /** A RATE_LIMITED answer as the lockout gives it: same words for every reason and username. */
  function expectLockedOut(result: GraphqlResult<unknown>, maxSeconds: number): void {
    expect(result.errors?.[0]).toMatchObject({
      message: LOCKED_OUT,
      extensions: { code: 'RATE_LIMITED' },
    });
    expect(retryAfterOf(result)).toBeGreaterThanOrEqual(1);
    expect(retryAfterOf(result)).toBeLessThanOrEqual(maxSeconds);
  }

  beforeAll(async () => {
    proxy = await RedisProxy.start(process.env.REDIS_URL as string);
    gateway = await listenSessionGateway({
      REDIS_URL: proxy.url,
      REDIS_PREFIX: redisPrefix,
      LOGIN_LOCKOUT_USERNAME_MAX_DELAY_SECONDS: '20',
    });
  }, 60_000);

  afterAll(async () => {
    await proxy.restore();
    await gateway?.app.close();
    await proxy.close();
    await removeRedisKeys(process.env.REDIS_URL as string, redisPrefix);
  }, 30_000);

  it('an attacker at one address cannot lock out the officer who signs in from another', async () => {
    const officer = await newOfficer();
    const home = testAddress();
    const attacker = testAddress();
    expect(errorCode(await login(officer.username, officer.password, home))).toBeUndefined();

    for (let attempt = 1; attempt <= 30; attempt++) {
      const result = await login(officer.username, `guess-${attempt}`, attacker);
      if (attempt <= 5) expect(errorCode(result)).toBe('UNAUTHENTICATED');
      else expectLockedOut(result, 900);
    }
    // The attacker's right password is refused too: guessing from there is over for 15 minutes.
    expectLockedOut(await login(officer.username, officer.password, attacker), 900);
    // The officer, at its usual desk and from an address it never used, signs in.
    expect(errorCode(await login(officer.username, officer.password, home))).toBeUndefined();
    expect(
      errorCode(await login(officer.username, officer.password, testAddress())),
    ).toBeUndefined();
  }, 180_000);

  it('spraying many usernames from one address stops that address, not officers who signed in there before', async () => {
    const office = testAddress();
    const colleague = await newOfficer();
    expect(errorCode(await login(colleague.username, colleague.password, office))).toBeUndefined();

    for (let i = 0; i < 20; i++) {
      const result = await login(`sprayed.${i}.${office}`, 'Password123!', office);
      expect(errorCode(result)).toBe('UNAUTHENTICATED');
    }
    const stranger = await newOfficer();
    expectLockedOut(await login(stranger.username, stranger.password, office), 900);
    expectLockedOut(await login('nobody.at.all', 'Password123!', office), 900);
    // The stranger elsewhere, and the colleague who signs in from that office every day, are fine.
    expect(
      errorCode(await login(stranger.username, stranger.password, testAddress())),
    ).toBeUndefined();
    expect(errorCode(await login(colleague.username, colleague.password, office))).toBeUndefined();
  }, 180_000);

  it('guessing one username from many addresses is slowed down with short, growing locks', async () => {
    const officer = await newOfficer();
    const ghost = `ghost.${officer.username}`;
    const home = testAddress();
    expect(errorCode(await login(officer.username, officer.password, home))).toBeUndefined();

    // 30 addresses, one guess each: no pair and no address reaches its limit. Then an address
    // that guessed already waits 5 s — at a real and an unknown username alike.
    const waits: number[] = [];
    const guessedFrom = new Map<string, string[]>();
    for (const username of [officer.username, ghost]) {
      const addresses = Array.from({ length: 30 }, () => testAddress());
      for (const [i, address] of addresses.entries()) {
        expect(errorCode(await login(username, `guess-${i}`, address))).toBe('UNAUTHENTICATED');
      }
      const refused = await login(username, officer.password, addresses[0]);
      expectLockedOut(refused, 5);
      waits.push(retryAfterOf(refused)!);
      guessedFrom.set(username, addresses);
    }
    const attackers = guessedFrom.get(officer.username)!;

    // The officer at its known address is not slowed at all.
    expect(errorCode(await login(officer.username, officer.password, home))).toBeUndefined();

    // After the wait one attempt is checked; when many arrive at once, only one of them is.
    await new Promise((resolve) => setTimeout(resolve, waits[0] * 1000 + 200));
    const burst = await Promise.all(
      attackers.slice(0, 8).map((address, i) => login(officer.username, `burst-${i}`, address)),
    );
    const codes = burst.map((result) => errorCode(result));
    expect(codes.filter((code) => code === 'UNAUTHENTICATED')).toHaveLength(1);
    expect(codes.filter((code) => code === 'RATE_LIMITED')).toHaveLength(7);
    // Each further failure doubles the wait, up to LOGIN_LOCKOUT_USERNAME_MAX_DELAY_SECONDS (20
    // in this file instead of 60, to keep it short).
    const next = await login(officer.username, officer.password, attackers[9]);
    expectLockedOut(next, 20);
    // The checked failure doubled the first wait of 5 s (the refused ones, counted or not, may
    // have doubled it further).
    expect(retryAfterOf(next)).toBeGreaterThan(5);

    // The attacker holds the usual slot, but an officer arriving from an address that never
    // guessed has a slot of its own: signed in at once. The next new address waits for it.
    expect(
      errorCode(await login(officer.username, officer.password, testAddress())),
    ).toBeUndefined();
    const phone = testAddress();
    expectLockedOut(await login(officer.username, officer.password, phone), 20);
    // Refused, not checked: the phone keeps its turn at that slot and signs in once it is free,
    // while the attacker's addresses still wait for theirs.
    await waitForCondition(
      'the first-attempt slot to come free',
      async () => errorCode(await login(officer.username, officer.password, phone)) === undefined,
      25_000,
      1000,
    );
  }, 300_000);

  it('gives an address whose guesses were never checked one attempt per wait, not more', async () => {
    const officer = await newOfficer();
    for (let i = 0; i < 30; i++) {
      expect(errorCode(await login(officer.username, `guess-${i}`, testAddress()))).toBe(
        'UNAUTHENTICATED',
      );
    }
    // The 30th failure started the slow-down (5 s) for addresses new and old. Then many new
    // addresses at once: one of them is checked, the others wait for the next turn.
    await new Promise((resolve) => setTimeout(resolve, 5_200));
    const burst = await Promise.all(
      Array.from({ length: 6 }, (_, i) => login(officer.username, `new-${i}`, testAddress())),
    );
    const codes = burst.map((result) => errorCode(result));
    expect(codes.filter((code) => code === 'UNAUTHENTICATED')).toHaveLength(1);
    expect(codes.filter((code) => code === 'RATE_LIMITED')).toHaveLength(5);
  }, 180_000);

  it('holds while Redis is away', async () => {
    const officer = await newOfficer();
    const attacker = testAddress();
    for (let i = 0; i < 5; i++) await login(officer.username, `guess-${i}`, attacker);
    await proxy.cut();
    try {
      expectLockedOut(await login(officer.username, officer.password, attacker), 900);
      expect(
        errorCode(await login(officer.username, officer.password, testAddress())),
      ).toBeUndefined();
    } finally {
      await proxy.restore();
    }
  }, 120_000);
});

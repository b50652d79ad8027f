import { randomInt } from 'node:crypto';
import { createClient } from 'graphql-ws';
import { WebSocket, type ClientOptions } from 'ws';
import { LOCKED_OUT } from '@simpul/identity';
import { createTestOfficer, testAddress } from '../support/create-test-officer';
import { postFrom, type RawReply } from '../support/raw-http';
import { startHardenedGateway, type RunningGateway } from '../support/start-hardened-gateway';

const LOGIN =
  'mutation ($username: String!, $password: String!) { login(username: $username, password: $password) { accessToken } }';
const TYPENAME = '{ __typename }';
const ADDRESS_FAILURES = 6;

const codeOf = (reply: RawReply) => reply.body.errors?.[0]?.extensions?.code;

/** The sign-in lockout's answer (HTTP 200, a GraphQL error), not the rate limit's (HTTP 429). */
function expectLockedOut(reply: RawReply): void {
  expect(reply.status).toBe(200);
  expect(reply.body.errors?.[0]?.message).toBe(LOCKED_OUT);
  expect(codeOf(reply)).toBe('RATE_LIMITED');
}

/**
 * Sends requests until one is refused with 429, at most `max`; returns how many were sent. The
 * rate limiter fails open when Redis answers slower than 250 ms (a loaded machine), so a test
 * asks for a refusal within a few requests past the limit, not at exactly the limit.
 */
async function requestsUntilRefused(send: () => Promise<RawReply>, max: number): Promise<number> {
  for (let sent = 1; sent <= max; sent++) {
    const reply = await send();
    if (reply.status === 429) {
      expect(codeOf(reply)).toBe('RATE_LIMITED');
      return sent;
    }
    expect(reply.status).toBe(200);
  }
  return Number.POSITIVE_INFINITY;
}

/** An address of the documentation range nobody else in the run uses (RFC 5737). */
let last = randomInt(1, 200) * 250;
const documentationAddress = () => {
  const n = ++last;
  return `198.51.${(n >> 8) & 255}.${n & 255}`;
};

/**
 * The client address as TRUST_PROXY defines it, against the whole gateway over real sockets.
 * Loopback source addresses (127.0.0.x) play clients and proxies: a request "from 127.0.0.7" is a
 * TCP connection whose source address is 127.0.0.7. Observed through what the address decides:
 * the per-address rate limit and the sign-in lockout. The lockout's address threshold is lowered
 * to 6 here (default 20; login-lockout.integration-spec.ts tests the defaults) to keep the file short.
 */
describe('client addresses', () => {
  const gateways: RunningGateway[] = [];
  const start = async (env: Record<string, string>) => {
    const gateway = await startHardenedGateway({
      REDIS_PREFIX: `${process.env.REDIS_PREFIX}-addr-${gateways.length}`,
      LOGIN_LOCKOUT_ADDRESS_FAILURES: String(ADDRESS_FAILURES),
      ...env,
    });
    gateways.push(gateway);
    return gateway;
  };

  afterAll(async () => {
    for (const gateway of gateways) await gateway.close();
  });

  const login = (
    gateway: RunningGateway,
    username: string,
    password: string,
    from: { localAddress?: string; forwardedFor?: string },
  ) =>
    postFrom(
      gateway.graphqlUrl,
      { query: LOGIN, variables: { username, password } },
      {
        localAddress: from.localAddress,
        headers: from.forwardedFor ? { 'x-forwarded-for': from.forwardedFor } : {},
      },
    );

  const typename = (
    gateway: RunningGateway,
    from: { localAddress?: string; forwardedFor?: string },
  ) =>
    postFrom(
      gateway.graphqlUrl,
      { query: TYPENAME },
      {
        localAddress: from.localAddress,
        headers: from.forwardedFor ? { 'x-forwarded-for': from.forwardedFor } : {},
      },
    );

  describe('TRUST_PROXY off (the default): X-Forwarded-For changes nothing', () => {
    let gateway: RunningGateway;

    beforeAll(async () => {
      gateway = await start({ TRUST_PROXY: '', RATE_LIMIT_ADDRESS_RPM: '40' });
    }, 60_000);

    it('failed sign-ins, each with a new X-Forwarded-For, lock the socket address', async () => {
      const localAddress = '127.0.0.7';
      const replies: RawReply[] = [];
      for (let i = 0; i < ADDRESS_FAILURES + 4; i++) {
        replies.push(
          await login(gateway, `spoofer.${i}.${randomInt(1e9)}`, 'Password123!', {
            localAddress,
            forwardedFor: testAddress(),
          }),
        );
      }
      for (const reply of replies.slice(0, ADDRESS_FAILURES)) {
        expect(codeOf(reply)).toBe('UNAUTHENTICATED');
      }
      for (const reply of replies.slice(ADDRESS_FAILURES)) expectLockedOut(reply);
      const officer = await createTestOfficer(gateway.app);
      const locked = await login(gateway, officer.username, officer.password, {
        localAddress,
        forwardedFor: testAddress(),
      });
      expectLockedOut(locked);
      expect(locked.body.errors?.[0]?.extensions?.retryAfterSeconds).toBeGreaterThan(0);
      // Another socket address is not locked.
      const elsewhere = await login(gateway, officer.username, officer.password, {
        localAddress: '127.0.0.8',
      });
      expect(codeOf(elsewhere)).toBeUndefined();
    }, 180_000);

    it("naming an officer's address in X-Forwarded-For locks nothing there", async () => {
      const officer = await createTestOfficer(gateway.app);
      const desk = '127.0.0.10';
      for (let i = 0; i < ADDRESS_FAILURES + 2; i++) {
        await login(gateway, i % 2 ? officer.username : `framed.${i}`, 'Password123!', {
          localAddress: '127.0.0.9',
          forwardedFor: desk,
        });
      }
      const stranger = await createTestOfficer(gateway.app);
      for (const who of [officer, stranger]) {
        const reply = await login(gateway, who.username, who.password, { localAddress: desk });
        expect(codeOf(reply)).toBeUndefined();
      }
    }, 180_000);

    it('a new X-Forwarded-For on each request does not lift the per-address rate limit', async () => {
      const sent = await requestsUntilRefused(
        () =>
          typename(gateway, { localAddress: '127.0.0.11', forwardedFor: documentationAddress() }),
        60,
      );
      expect(sent).toBeGreaterThan(40);
      expect(sent).toBeLessThanOrEqual(60);
      expect((await typename(gateway, { localAddress: '127.0.0.12' })).status).toBe(200);
    }, 120_000);

    it('counts sign-ins over a WebSocket against the socket address too', async () => {
      const localAddress = '127.0.0.13';
      const officer = await createTestOfficer(gateway.app);
      const signedIn = await login(gateway, officer.username, officer.password, { localAddress });
      const { accessToken } = (signedIn.body.data as { login: { accessToken: string } }).login;
      // A WebSocket from 127.0.0.13 whose upgrade request claims another address.
      class FromThere extends WebSocket {
        constructor(address: string, protocols?: string | string[]) {
          const options: ClientOptions = {
            localAddress,
            headers: { 'x-forwarded-for': documentationAddress() },
          };
          super(address, protocols, options);
        }
      }
      const client = createClient({
        url: gateway.graphqlUrl.replace(/^http/, 'ws'),
        webSocketImpl: FromThere,
        connectionParams: { authorization: `Bearer ${accessToken}` },
        retryAttempts: 0,
      });
      try {
        const codes: unknown[] = [];
        for (let i = 0; i < ADDRESS_FAILURES; i++) {
          codes.push(
            await new Promise((resolve) => {
              client.subscribe(
                {
                  query: LOGIN,
                  variables: { username: `ws.${i}.${randomInt(1e9)}`, password: 'Password123!' },
                },
                {
                  next: (result) => resolve(result.errors?.[0]?.extensions?.code),
                  error: (error) => resolve(error),
                  complete: () => undefined,
                },
              );
            }),
          );
        }
        expect(codes.every((code) => code === 'UNAUTHENTICATED')).toBe(true);
      } finally {
        await client.dispose();
      }
      // Those failures came from 127.0.0.13: the address is locked for a stranger over HTTP.
      const stranger = await createTestOfficer(gateway.app);
      expectLockedOut(await login(gateway, stranger.username, stranger.password, { localAddress }));
    }, 180_000);
  });

  // Rate limit 8 a minute: enough for the sign-ins each test makes from one address.
  describe('TRUST_PROXY=1: the entry the one proxy appended', () => {
    let gateway: RunningGateway;

    beforeAll(async () => {
      gateway = await start({ TRUST_PROXY: '1', RATE_LIMIT_ADDRESS_RPM: '8' });
    }, 60_000);

    it('counts the right-most entry; a forged left-most entry changes nothing', async () => {
      const client = documentationAddress();
      const sent = await requestsUntilRefused(
        () => typename(gateway, { forwardedFor: `${documentationAddress()}, ${client}` }),
        14,
      );
      expect(sent).toBeGreaterThan(8);
      expect(sent).toBeLessThanOrEqual(14);
      expect((await typename(gateway, { forwardedFor: documentationAddress() })).status).toBe(200);
    }, 120_000);

    it('locks the pair of the real address, whatever is forged in front of it', async () => {
      const officer = await createTestOfficer(gateway.app);
      const attacker = documentationAddress();
      for (let i = 0; i < 5; i++) {
        const reply = await login(gateway, officer.username, `guess-${i}`, {
          forwardedFor: `${documentationAddress()}, ${attacker}`,
        });
        expect(codeOf(reply)).toBe('UNAUTHENTICATED');
      }
      expectLockedOut(
        await login(gateway, officer.username, officer.password, {
          forwardedFor: `${documentationAddress()}, ${attacker}`,
        }),
      );
      const officerItself = await login(gateway, officer.username, officer.password, {
        forwardedFor: documentationAddress(),
      });
      expect(codeOf(officerItself)).toBeUndefined();
    }, 180_000);

    it('locks the real address after spraying, whatever is forged in front of it', async () => {
      const attacker = documentationAddress();
      for (let i = 0; i < ADDRESS_FAILURES; i++) {
        const reply = await login(gateway, `sprayed.${i}.${attacker}`, 'Password123!', {
          forwardedFor: `${documentationAddress()}, ${attacker}`,
        });
        expect(codeOf(reply)).toBe('UNAUTHENTICATED');
      }
      const stranger = await createTestOfficer(gateway.app);
      expectLockedOut(
        await login(gateway, stranger.username, stranger.password, {
          forwardedFor: `${documentationAddress()},${attacker}`,
        }),
      );
    }, 180_000);
  });

  describe('TRUST_PROXY as a list of proxies', () => {
    let gateway: RunningGateway;

    beforeAll(async () => {
      gateway = await start({
        TRUST_PROXY: '127.0.0.1, 10.0.0.0/8, fd00::/8',
        RATE_LIMIT_ADDRESS_RPM: '8',
      });
    }, 60_000);

    it('walks from the right past listed proxies to the client; forged entries further left are ignored', async () => {
      const client = documentationAddress();
      let hop = 0;
      const sent = await requestsUntilRefused(() => {
        hop++;
        return typename(gateway, {
          forwardedFor: `${documentationAddress()}, ${client}, 10.1.2.${hop}, fd00::${hop}`,
        });
      }, 14);
      expect(sent).toBeGreaterThan(8);
      expect(sent).toBeLessThanOrEqual(14);
      expect(
        (await typename(gateway, { forwardedFor: `${client}, ${documentationAddress()}` })).status,
      ).toBe(200);

      const officer = await createTestOfficer(gateway.app);
      const attacker = documentationAddress();
      for (let i = 0; i < 5; i++) {
        const reply = await login(gateway, officer.username, `guess-${i}`, {
          forwardedFor: `${documentationAddress()}, ${attacker}, 10.0.0.${i}`,
        });
        expect(codeOf(reply)).toBe('UNAUTHENTICATED');
      }
      expectLockedOut(
        await login(gateway, officer.username, officer.password, {
          forwardedFor: `${attacker}, 10.0.0.99`,
        }),
      );
    }, 180_000);

    it('believes nothing from a peer that is not a listed proxy', async () => {
      const officer = await createTestOfficer(gateway.app);
      const localAddress = '127.0.0.14';
      for (let i = 0; i < 5; i++) {
        const reply = await login(gateway, officer.username, `guess-${i}`, {
          localAddress,
          forwardedFor: documentationAddress(),
        });
        expect(codeOf(reply)).toBe('UNAUTHENTICATED');
      }
      expectLockedOut(
        await login(gateway, officer.username, officer.password, {
          localAddress,
          forwardedFor: documentationAddress(),
        }),
      );
    }, 180_000);
  });
});

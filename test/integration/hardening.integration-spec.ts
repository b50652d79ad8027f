import { randomInt } from 'node:crypto';
import { createClient } from 'graphql-ws';
import { WebSocket } from 'ws';
import { bootGateway } from '../support/boot-in-process';
import { awayFromRateLimitWindowEdge } from '../support/away-from-rate-limit-window-edge';
import { startHardenedGateway, type RunningGateway } from '../support/start-hardened-gateway';

/**
 * GraphQL hardening over real HTTP: operation limits, introspection, body size, CSRF, batching and
 * rate limits per officer and per address, on the whole gateway with the hardening wired in.
 * Every request carries its own X-Forwarded-For address (the gateway trusts the proxy header), so
 * the per-address counts of different tests never mix.
 */

interface Reply {
  status: number;
  headers: Headers;
  body: {
    data?: Record<string, unknown> | null;
    errors?: { message: string; extensions?: Record<string, unknown> }[];
  };
}

const OFFICER_RPM = 5;
const ADDRESS_RPM = 8;

const LOGIN = `mutation Login($username: String!, $password: String!) {
  login(username: $username, password: $password) { accessToken }
}`;

/** A client address no other request of this run used (10.0.0.0/8, sequential). */
let lastAddress = randomInt(1, 1 << 20);
const newAddress = () => {
  const n = ++lastAddress;
  return `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`;
};

describe('GraphQL hardening', () => {
  let gateway: RunningGateway;

  async function post(
    query: string,
    options: { variables?: Record<string, unknown>; token?: string; address?: string } = {},
  ): Promise<Reply> {
    const address = options.address ?? newAddress();
    const response = await fetch(gateway.graphqlUrl, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-forwarded-for': address,
        ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
      },
      body: JSON.stringify({ query, variables: options.variables ?? {} }),
    });
    return {
      status: response.status,
      headers: response.headers,
      body: (await response.json()) as Reply['body'],
    };
  }

  const codeOf = (reply: Reply) => reply.body.errors?.[0]?.extensions?.code;

  async function tokenOf(username: string, address?: string): Promise<string> {
    const reply = await post(LOGIN, { variables: { username, password: 'simpul-demo' }, address });
    const login = reply.body.data?.login as { accessToken: string } | undefined;
    if (!login) throw new Error(`login failed: ${JSON.stringify(reply.body)}`);
    return login.accessToken;
  }

  beforeAll(async () => {
    gateway = await startHardenedGateway({
      RATE_LIMIT_OFFICER_RPM: String(OFFICER_RPM),
      RATE_LIMIT_ADDRESS_RPM: String(ADDRESS_RPM),
    });
  }, 60_000);

  afterAll(async () => {
    await gateway?.close();
  }, 30_000);

  describe('operation limits', () => {
    it('answers a documented operation normally', async () => {
      const token = await tokenOf('kemlu.pwni');
      const reply = await post(
        `{ inbox { totalCount edges { node { id reference status delivery deliveredAt sla
          case { reference persons { label fullName } } } } } }`,
        { token },
      );
      expect(reply.body.errors).toBeUndefined();
      expect(reply.body.data?.inbox).toMatchObject({ totalCount: expect.any(Number) });
    });

    it('refuses a query deeper than 8 levels with GRAPHQL_VALIDATION_FAILED, unexecuted', async () => {
      const reply = await post(
        '{ agencies { units { agency { units { agency { units { agency { units { code } } } } } } } } }',
      );
      expect(reply.status).toBe(400);
      expect(reply.body.data).toBeUndefined();
      expect(reply.body.errors).toEqual([
        expect.objectContaining({
          message: 'Query depth limit of 8 exceeded, found 9.',
          extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
        }),
      ]);
    });

    it('refuses more than 15 aliases', async () => {
      const aliases = Array.from({ length: 16 }, (_, i) => `a${i}: me { username }`).join(' ');
      const reply = await post(`{ ${aliases} }`);
      expect(reply.status).toBe(400);
      expect(codeOf(reply)).toBe('GRAPHQL_VALIDATION_FAILED');
      expect(reply.body.errors?.[0].message).toBe('Aliases limit of 15 exceeded, found 16.');
    });

    it('refuses more than 10 directives', async () => {
      const reply = await post(`{ ${'__typename @skip(if: false) '.repeat(11)} }`);
      expect(reply.status).toBe(400);
      expect(reply.body.errors?.[0].message).toBe('Directives limit of 10 exceeded, found 11.');
    });

    it('refuses more than 2,000 tokens before parsing', async () => {
      const reply = await post(`{ me { ${'username '.repeat(2_000)} } }`);
      expect(reply.status).toBe(400);
      expect(reply.body.errors).toEqual([
        {
          message: 'Token limit of 2000 exceeded.',
          extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
        },
      ]);
    });

    it('refuses a query whose estimated cost exceeds 5,000', async () => {
      const reply = await post(
        `{ inbox(first: 100) { totalCount edges { node { id reference status delivery deliveredAt
          sla case { reference persons { label fullName } } } } } }`,
      );
      expect(reply.status).toBe(400);
      expect(codeOf(reply)).toBe('GRAPHQL_VALIDATION_FAILED');
      expect(reply.body.errors?.[0].message).toMatch(/^Query Cost limit of 5000 exceeded, found /);
    });

    it('refuses a subscription deeper than 8 levels over WebSocket', async () => {
      const token = await tokenOf('kemensos.rptc');
      const client = createClient({
        url: gateway.graphqlUrl.replace(/^http/, 'ws'),
        webSocketImpl: WebSocket,
        connectionParams: { authorization: `Bearer ${token}` },
        retryAttempts: 0,
      });
      try {
        const errors = await new Promise<readonly { message: string }[]>((resolve, reject) => {
          client.subscribe(
            {
              query: `subscription { unitEvents { referral { case { referrals { case { referrals {
                case { referrals { id } } } } } } } } }`,
            },
            {
              next: () => reject(new Error('the subscription was accepted')),
              error: (error) => resolve(error as { message: string }[]),
              complete: () => reject(new Error('the subscription completed without an error')),
            },
          );
        });
        expect(errors.map((error) => error.message)).toEqual([
          'Query depth limit of 8 exceeded, found 9.',
        ]);
      } finally {
        await client.dispose();
      }
    });
  });

  describe('introspection outside production', () => {
    it('answers introspection and suggests field names in the test environment', async () => {
      const introspection = await post('{ __schema { queryType { name } } }');
      expect(introspection.body).toEqual({ data: { __schema: { queryType: { name: 'Query' } } } });
      const typo = await post('{ mee { username } }');
      expect(typo.body.errors?.[0].message).toContain('Did you mean "me"?');
    });
  });

  describe('HTTP boundaries', () => {
    it('sends the security headers on GraphQL and health responses', async () => {
      for (const url of [gateway.graphqlUrl, `${gateway.baseUrl}/health/live`]) {
        const response = await fetch(url, {
          method: url === gateway.graphqlUrl ? 'POST' : 'GET',
          headers: { 'content-type': 'application/json', 'x-forwarded-for': newAddress() },
          body:
            url === gateway.graphqlUrl ? JSON.stringify({ query: '{ __typename }' }) : undefined,
        });
        expect(response.headers.get('content-security-policy')).toContain("default-src 'self'");
        expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
        expect(response.headers.get('x-content-type-options')).toBe('nosniff');
        expect(response.headers.get('x-frame-options')).toBe('DENY');
        expect(response.headers.get('referrer-policy')).toBe('no-referrer');
        expect(response.headers.get('strict-transport-security')).toContain('max-age=31536000');
        expect(response.headers.get('x-powered-by')).toBeNull();
      }
    });

    it('refuses a body over 1 MB with HTTP 413', async () => {
      const response = await fetch(gateway.graphqlUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': newAddress() },
        body: JSON.stringify({ query: `{ __typename } # ${'x'.repeat(1024 * 1024)}` }),
      });
      expect(response.status).toBe(413);
    });

    it('refuses a GET without a CSRF preflight header, and answers it with one', async () => {
      const url = `${gateway.graphqlUrl}?query=${encodeURIComponent('{ __typename }')}`;
      const blocked = await fetch(url, { headers: { 'x-forwarded-for': newAddress() } });
      expect(blocked.status).toBe(400);
      expect(await blocked.text()).toContain('Cross-Site Request Forgery');
      const allowed = await fetch(url, {
        headers: { 'x-forwarded-for': newAddress(), 'apollo-require-preflight': 'true' },
      });
      expect(await allowed.json()).toEqual({ data: { __typename: 'Query' } });
    });

    it('refuses a text/plain POST (a "simple" cross-site request)', async () => {
      const response = await fetch(gateway.graphqlUrl, {
        method: 'POST',
        headers: { 'content-type': 'text/plain', 'x-forwarded-for': newAddress() },
        body: JSON.stringify({ query: '{ __typename }' }),
      });
      expect(response.status).toBe(400);
      expect(await response.text()).toContain('Cross-Site Request Forgery');
    });

    it('refuses a batch (a JSON array of operations)', async () => {
      const response = await fetch(gateway.graphqlUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': newAddress() },
        body: JSON.stringify([{ query: '{ __typename }' }, { query: '{ __typename }' }]),
      });
      expect(response.status).toBe(400);
      const body = (await response.json()) as Reply['body'];
      expect(body.errors?.[0].message).toMatch(/batching/i);
    });
  });

  describe('rate limits', () => {
    it(`refuses the ${OFFICER_RPM + 1}th operation of an officer within a minute`, async () => {
      const token = await tokenOf('lpsk');
      await awayFromRateLimitWindowEdge();
      // Three root fields are one operation, counted once; each request from another address.
      const operation = '{ me { username } units { code } agencies { code } }';
      for (let i = 0; i < OFFICER_RPM; i++) {
        const reply = await post(operation, { token });
        expect(reply.body.errors).toBeUndefined();
        expect(reply.headers.get('retry-after')).toBeNull();
      }
      const refused = await post(operation, { token });
      expect(refused.body.data).toBeNull();
      for (const { extensions } of refused.body.errors!)
        expect(extensions?.code).toBe('RATE_LIMITED');
      const [error] = refused.body.errors!;
      expect(error.message).toBe('Too many requests; retry later');
      expect(error.extensions).toEqual({
        code: 'RATE_LIMITED',
        retryAfterSeconds: expect.any(Number),
      });
      const seconds = error.extensions!.retryAfterSeconds as number;
      expect(seconds).toBeGreaterThanOrEqual(1);
      expect(seconds).toBeLessThanOrEqual(60);
      expect(refused.headers.get('retry-after')).toBe(String(seconds));

      // Another officer is not affected.
      const other = await post('{ me { username } }', { token: await tokenOf('auditor') });
      expect(other.body.data).toEqual({ me: { username: 'auditor' } });
    }, 30_000);

    it(`refuses the ${ADDRESS_RPM + 1}th request of an address with HTTP 429 and Retry-After`, async () => {
      await awayFromRateLimitWindowEdge();
      const address = newAddress();
      for (let i = 0; i < ADDRESS_RPM; i++) {
        // Unauthenticated requests count per address too.
        const reply = await post('{ me { username } }', { address });
        expect(codeOf(reply)).toBe('UNAUTHENTICATED');
      }
      const refused = await post('{ __typename }', { address });
      expect(refused.status).toBe(429);
      expect(refused.body.data).toBeUndefined();
      expect(refused.body.errors).toEqual([
        {
          message: 'Too many requests; retry later',
          extensions: { code: 'RATE_LIMITED', retryAfterSeconds: expect.any(Number) },
        },
      ]);
      const seconds = refused.body.errors![0].extensions!.retryAfterSeconds as number;
      expect(refused.headers.get('retry-after')).toBe(String(seconds));

      // Malformed requests count as well, and another address is not affected.
      expect((await post('{ __typename', { address })).status).toBe(429);
      expect((await post('{ __typename }')).body).toEqual({ data: { __typename: 'Query' } });
    }, 30_000);

    it('counts subscription starts over WebSocket per officer', async () => {
      const token = await tokenOf('polri.ppo');
      await awayFromRateLimitWindowEdge();
      const client = createClient({
        url: gateway.graphqlUrl.replace(/^http/, 'ws'),
        webSocketImpl: WebSocket,
        connectionParams: { authorization: `Bearer ${token}` },
        retryAttempts: 0,
      });
      const errors: string[] = [];
      const subscribe = () =>
        new Promise<void>((resolve) => {
          client.subscribe(
            { query: 'subscription { unitEvents { seq } }' },
            {
              next: (result) => {
                for (const error of result.errors ?? [])
                  errors.push(String(error.extensions?.code));
              },
              error: () => resolve(),
              complete: () => resolve(),
            },
          );
          setTimeout(resolve, 300); // an admitted subscription stays open and silent
        });
      try {
        for (let i = 0; i < OFFICER_RPM; i++) await subscribe();
        expect(errors).toEqual([]);
        await subscribe();
        expect(errors).toEqual(['RATE_LIMITED']);
      } finally {
        await client.dispose();
      }
    }, 30_000);

    it('counts login attempts per address', async () => {
      await awayFromRateLimitWindowEdge();
      const address = newAddress();
      // Successful sign-ins of different officers: the sign-in lockout stays out of the way.
      const officers = ['kbri.phnompenh', 'kemlu.pwni', 'kp2mi.pusat', 'bp3mi.ntt', 'lpsk'];
      for (let i = 0; i < ADDRESS_RPM; i++) {
        await tokenOf(officers[i % officers.length], address);
      }
      const refused = await post(LOGIN, {
        variables: { username: 'admin', password: 'simpul-demo' },
        address,
      });
      expect(refused.status).toBe(429);
      expect(codeOf(refused)).toBe('RATE_LIMITED');
    }, 30_000);
  });
});

describe('createGateway', () => {
  it('registers the security headers on every route', async () => {
    const app = await bootGateway();
    try {
      await app.listen(0, '127.0.0.1');
      const response = await fetch(`${await app.getUrl()}/health/live`);
      expect(response.headers.get('content-security-policy')).toMatch(/^default-src 'self';/);
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    } finally {
      await app.close();
    }
  }, 60_000);
});

import { randomUUID } from 'node:crypto';
import { createServer, type Server, type Socket } from 'node:net';
import { Logger, type LoggerService } from '@nestjs/common';
import { Redis } from 'ioredis';
import { createRedis } from '@simpul/queue';
import { RateLimiter } from '../../apps/gateway/src/hardening/rate-limit/rate-limiter';
import { awayFromRateLimitWindowEdge } from '../support/away-from-rate-limit-window-edge';
import { RedisProxy } from '../support/redis-proxy';
import { startHardenedGateway, type RunningGateway } from '../support/start-hardened-gateway';

/**
 * The rate limiter against the real Redis (keys under the run's REDIS_PREFIX), and what happens
 * when Redis is unreachable or silent: requests are admitted (fail open) with one warning that
 * names neither the address nor the officer.
 */

const REDIS_URL = process.env.REDIS_URL as string;
const PREFIX = process.env.REDIS_PREFIX as string;
/** 20 s into a window: far from both edges. */
const NOW = 1_000 * 60_000 + 20_000;

/** Captures what the application logs through Nest's Logger. */
class CapturingLogger implements LoggerService {
  readonly warnings: string[] = [];
  log(): void {}
  error(): void {}
  debug(): void {}
  verbose(): void {}
  warn(message: unknown): void {
    this.warnings.push(String(message));
  }
}

/** A TCP server that accepts connections and never answers: a Redis that hangs. */
async function startSilentServer(): Promise<{ url: string; close: () => Promise<void> }> {
  const sockets = new Set<Socket>();
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.on('error', () => undefined);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const address = server.address();
  const port = address && typeof address === 'object' ? address.port : 0;
  return {
    url: `redis://127.0.0.1:${port}`,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** A limiter as the gateway builds one; `ready` waits for its connection (it fails open before). */
async function limiterOn(
  url: string,
  { now = () => NOW, ready = true }: { now?: () => number; ready?: boolean } = {},
): Promise<RateLimiter> {
  const redis = createRedis(url, 'producer');
  if (ready) await new Promise((resolve) => redis.once('ready', resolve));
  return new RateLimiter(redis, {
    redisPrefix: PREFIX,
    subjectSecret: 'a-test-secret-of-at-least-thirty-two-characters',
    now,
  });
}

describe('rate limiter on Redis', () => {
  let limiter: RateLimiter;
  let redis: Redis;

  beforeAll(async () => {
    limiter = await limiterOn(REDIS_URL);
    redis = new Redis(REDIS_URL);
  });
  afterAll(async () => {
    await limiter.close();
    redis.disconnect();
  });

  it('admits exactly the limit of concurrent requests, across connections', async () => {
    const other = await limiterOn(REDIS_URL);
    try {
      const subject = randomUUID();
      const decisions = await Promise.all(
        Array.from({ length: 30 }, (_, i) =>
          (i % 2 ? limiter : other).consume('officer', subject, 10),
        ),
      );
      expect(decisions.filter((d) => d.admitted)).toHaveLength(10);
      for (const refused of decisions.filter((d) => !d.admitted)) {
        // 20 s into the window: its remaining 40 s; at the boundary itself 10 still count, so 41.
        expect(refused.retryAfterSeconds).toBe(41);
      }
    } finally {
      await other.close();
    }
  });

  it('weighs the previous window as it slides out', async () => {
    let now = NOW;
    const clocked = await limiterOn(REDIS_URL, { now: () => now });
    try {
      const subject = randomUUID();
      for (let i = 0; i < 4; i++)
        expect((await clocked.consume('address', subject, 4)).admitted).toBe(true);
      // 30 s into the next window, half of the 4 still count: two more are admitted, not four.
      now = NOW + 40_000 + 30_000;
      const next = [];
      for (let i = 0; i < 4; i++)
        next.push((await clocked.consume('address', subject, 4)).admitted);
      expect(next).toEqual([true, true, false, false]);
    } finally {
      await clocked.close();
    }
  });

  it('keeps opaque, expiring keys under the run prefix and nothing when the limit is 0', async () => {
    const address = '203.0.113.77';
    await limiter.consume('address', address, 5);
    const keys = await redis.keys(`${PREFIX}:rl:*`);
    expect(keys.length).toBeGreaterThan(0);
    for (const key of keys) {
      expect(key).not.toContain(address);
      expect(key).toMatch(
        new RegExp(`^${PREFIX}:rl:\\{(officer|address):[A-Za-z0-9_-]{22}\\}:\\d+$`),
      );
      const ttl = await redis.pttl(key);
      expect(ttl).toBeGreaterThan(0);
      expect(ttl).toBeLessThanOrEqual(120_000);
    }
    const before = keys.length;
    expect(await limiter.consume('address', '203.0.113.78', 0)).toEqual({
      admitted: true,
      retryAfterSeconds: 0,
    });
    expect(await redis.keys(`${PREFIX}:rl:*`)).toHaveLength(before);
  });
});

describe('rate limiter without Redis', () => {
  let logger: CapturingLogger;

  beforeEach(() => {
    logger = new CapturingLogger();
    Logger.overrideLogger(logger);
  });
  afterEach(() => {
    Logger.overrideLogger(new Logger());
  });

  it('admits requests when Redis refuses connections, and warns once without the subject', async () => {
    const proxy = await RedisProxy.start(REDIS_URL);
    const limiter = await limiterOn(proxy.url);
    try {
      const address = '203.0.113.9';
      expect((await limiter.consume('address', address, 1)).admitted).toBe(true);
      expect((await limiter.consume('address', address, 1)).admitted).toBe(false);
      await proxy.cut();
      for (let i = 0; i < 3; i++) {
        expect(await limiter.consume('address', address, 1)).toEqual({
          admitted: true,
          retryAfterSeconds: 0,
        });
      }
      expect(logger.warnings).toHaveLength(1);
      expect(logger.warnings[0]).toMatch(
        /^Redis unavailable for rate limiting, admitting requests/,
      );
      expect(logger.warnings[0]).not.toContain(address);
    } finally {
      await limiter.close();
      await proxy.close();
    }
  });

  it('admits requests when Redis does not answer, within the timeout', async () => {
    const silent = await startSilentServer();
    const limiter = await limiterOn(silent.url, { ready: false });
    try {
      const started = Date.now();
      expect((await limiter.consume('officer', randomUUID(), 1)).admitted).toBe(true);
      expect(Date.now() - started).toBeLessThan(1_000);
      expect(logger.warnings).toHaveLength(1);
    } finally {
      await limiter.close();
      await silent.close();
    }
  });
});

describe('gateway rate limits during a Redis outage', () => {
  let proxy: RedisProxy;
  let gateway: RunningGateway;

  const me = (token: string | undefined, address: string) =>
    fetch(gateway.graphqlUrl, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-forwarded-for': address,
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: JSON.stringify({ query: '{ me { username } }' }),
    });

  beforeAll(async () => {
    proxy = await RedisProxy.start(REDIS_URL);
    gateway = await startHardenedGateway({
      REDIS_URL: proxy.url,
      RATE_LIMIT_OFFICER_RPM: '2',
      RATE_LIMIT_ADDRESS_RPM: '2',
    });
  }, 60_000);
  afterAll(async () => {
    await proxy.restore();
    await gateway?.close();
    await proxy.close();
  }, 30_000);

  it('fails open: the limits stop applying while Redis is away and apply again after', async () => {
    await awayFromRateLimitWindowEdge(20_000);
    const login = await fetch(gateway.graphqlUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': '192.0.2.1' },
      body: JSON.stringify({
        query:
          'mutation { login(username: "uptdppa.ntt", password: "simpul-demo") { accessToken } }',
      }),
    });
    const { data } = (await login.json()) as { data: { login: { accessToken: string } } };
    const token = data.login.accessToken;

    expect((await me(undefined, '192.0.2.2')).status).toBe(200);
    expect((await me(undefined, '192.0.2.2')).status).toBe(200);
    expect((await me(undefined, '192.0.2.2')).status).toBe(429);

    await proxy.cut();
    for (let i = 0; i < 4; i++) {
      expect((await me(undefined, '192.0.2.2')).status).toBe(200);
      const reply = (await (await me(token, `192.0.2.${10 + i}`)).json()) as {
        data: unknown;
      };
      expect(reply.data).toEqual({ me: { username: 'uptdppa.ntt' } });
    }

    await proxy.restore();
    await new Promise((resolve) => setTimeout(resolve, 2_500)); // ioredis reconnects (≤ 2 s)
    expect((await me(undefined, '192.0.2.2')).status).toBe(429);
  }, 60_000);
});

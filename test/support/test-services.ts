import { createConnection } from 'node:net';
import { randomBytes } from 'node:crypto';

/** Resolves true when something accepts TCP connections at host:port within the timeout. */
export function answers(host: string, port: number, timeoutMs = 500): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host, port });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

export interface TestServices {
  /** Server URL without a database name. */
  postgresServerUrl: string;
  redisUrl: string;
  stop: () => Promise<void>;
}

/**
 * PostgreSQL and Redis for a test run: DATABASE_URL/REDIS_URL when given, the local services when
 * they answer, otherwise containers (testcontainers is imported only then: it is slow to load).
 */
export async function startTestServices(): Promise<TestServices> {
  const stops: (() => Promise<void>)[] = [];
  let postgresServerUrl: string;
  if (process.env.DATABASE_URL) {
    const url = new URL(process.env.DATABASE_URL);
    url.pathname = '/';
    postgresServerUrl = url.toString();
  } else if (await answers('127.0.0.1', 5432)) {
    postgresServerUrl = 'postgres://postgres@127.0.0.1:5432/';
  } else {
    const { PostgreSqlContainer } = await import('@testcontainers/postgresql');
    // Trust: the hub connects as the passwordless roles db:prepare creates (ADR 0013).
    const container = await new PostgreSqlContainer('postgres:15-alpine')
      .withEnvironment({ POSTGRES_HOST_AUTH_METHOD: 'trust' })
      .start();
    postgresServerUrl = `postgres://${container.getUsername()}:${container.getPassword()}@${container.getHost()}:${container.getPort()}/`;
    stops.push(async () => void (await container.stop()));
  }
  let redisUrl: string;
  if (process.env.REDIS_URL) {
    redisUrl = process.env.REDIS_URL;
  } else if (await answers('127.0.0.1', 6379)) {
    redisUrl = 'redis://127.0.0.1:6379';
  } else {
    const { RedisContainer } = await import('@testcontainers/redis');
    const container = await new RedisContainer('redis:7-alpine')
      .withCommand(['redis-server', '--maxmemory-policy', 'noeviction'])
      .start();
    redisUrl = container.getConnectionUrl();
    stops.push(async () => void (await container.stop()));
  }
  return {
    postgresServerUrl,
    redisUrl,
    stop: async () => {
      for (const stop of stops) await stop();
    },
  };
}

export const runId = () => `t${Date.now().toString(36)}${randomBytes(3).toString('hex')}`;

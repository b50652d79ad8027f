import { Redis, type RedisOptions } from 'ioredis';

export type RedisRole = 'producer' | 'worker' | 'pubsub';

/**
 * One place that knows how Simpul connects to Redis. Producers fail fast while Redis is away
 * (the outbox keeps the work in PostgreSQL); workers and subscribers wait and reconnect.
 */
export function createRedis(url: string, role: RedisRole): Redis {
  const options: RedisOptions = {
    lazyConnect: false,
    maxRetriesPerRequest: role === 'producer' ? 1 : null,
    enableOfflineQueue: role !== 'producer',
    retryStrategy: (times) => Math.min(times * 200, 2000),
    connectionName: `simpul-${role}`,
  };
  const redis = new Redis(url, options);
  // Connection errors are expected during an outage; reconnection is automatic. Without a listener
  // ioredis would print every failed attempt as an unhandled error event.
  redis.on('error', () => undefined);
  return redis;
}

/** BullMQ keys: `{prefix}` as a hash tag keeps a queue's keys in one Redis Cluster slot. */
export const bullPrefix = (redisPrefix: string) => `{${redisPrefix}}`;

/** The worker refuses to run on a Redis that may evict queue keys. */
export async function assertNoEviction(redis: Redis): Promise<void> {
  const reply = (await redis.config('GET', 'maxmemory-policy')) as string[];
  const policy = reply[1];
  if (policy !== 'noeviction') {
    throw new Error(
      `Redis maxmemory-policy is '${policy}'; Simpul needs 'noeviction' (redis-cli CONFIG SET maxmemory-policy noeviction)`,
    );
  }
}

/**
 * Closes a connection politely (QUIT lets pending replies arrive) but never waits on a Redis that
 * is away: after `graceMs` the socket is dropped. Shutdown must not hang during an outage.
 */
export async function closeRedis(redis: Redis, graceMs = 1000): Promise<void> {
  if (redis.status === 'end') return;
  if (redis.status === 'ready') {
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      redis.quit().catch(() => undefined),
      new Promise((resolve) => (timer = setTimeout(resolve, graceMs))),
    ]);
    clearTimeout(timer);
  }
  redis.disconnect();
}

import { Redis } from 'ioredis';

/**
 * Deletes the keys a test created under its own prefix — plain and BullMQ's `{prefix}` form, and
 * the sub-prefixes tests derive from it (`<prefix>-delivery`, …).
 */
export async function removeRedisKeys(redisUrl: string, prefix: string): Promise<void> {
  const redis = new Redis(redisUrl);
  try {
    for (const pattern of [`${prefix}*`, `{${prefix}*`]) {
      let cursor = '0';
      do {
        const [next, keys] = await redis.scan(cursor, 'MATCH', pattern, 'COUNT', 500);
        if (keys.length) await redis.del(...keys);
        cursor = next;
      } while (cursor !== '0');
    }
  } finally {
    redis.disconnect();
  }
}

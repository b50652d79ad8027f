import { RedisPubSub } from 'graphql-redis-subscriptions';
import type { Redis } from 'ioredis';
import { closeRedis, createRedis } from './redis-connection';

/**
 * A RedisPubSub whose two connections open on first use (a gateway only subscribes, the worker
 * only publishes) and close without waiting for a Redis that is away. The buses (handoff events,
 * notifications) each hold one for their own channel.
 */
export class LazyRedisPubSub {
  private pubsub: RedisPubSub | undefined;
  private connections: Redis[] = [];

  constructor(private readonly redisUrl: string) {}

  engine(): RedisPubSub {
    if (!this.pubsub) {
      // Both wait through an outage and reconnect: a publish in a job then waits instead of failing
      // (the job is stalled anyway without Redis), and the subscriber resubscribes by itself.
      const publisher = createRedis(this.redisUrl, 'pubsub');
      const subscriber = createRedis(this.redisUrl, 'pubsub');
      this.connections = [publisher, subscriber];
      this.pubsub = new RedisPubSub({ publisher, subscriber });
    }
    return this.pubsub;
  }

  /** Every message published on `channel` from now on (graphql-ws subscriptions use it). */
  iterate<T>(channel: string): AsyncIterableIterator<T> {
    return this.engine().asyncIterableIterator<T>(channel) as AsyncIterableIterator<T>;
  }

  /** For onApplicationShutdown; a later engine() opens new connections. */
  async close(): Promise<void> {
    // Not RedisPubSub.close(): its QUIT would wait forever for a Redis that is away.
    const connections = this.connections;
    this.pubsub = undefined;
    this.connections = [];
    await Promise.all(connections.map((redis) => closeRedis(redis)));
  }
}

import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { RedisPubSub } from 'graphql-redis-subscriptions';
import { APP_CONFIG, type AppConfig } from '@simpul/config';
import { closeRedis, createRedis } from '@simpul/queue';
import type { Redis } from 'ioredis';
import type { HandoffEventEnricher, HandoffEventMessage } from './handoff-event-message';

/** Messages per PUBLISH at most: one sealed batch is usually one PUBLISH. */
const MESSAGES_PER_PUBLISH = 200;

/**
 * Carries committed ledger entries to every gateway replica over Redis pub/sub, a sealed batch's
 * messages together in one PUBLISH (an array; subscribers get them one by one). Delivery is at
 * least once from the worker's side (a retried job publishes again) and at most once per
 * subscriber connection (pub/sub keeps nothing for the absent): consumers dedupe by `seq` and
 * PostgreSQL stays the record.
 */
@Injectable()
export class HandoffEventBus implements OnApplicationShutdown {
  readonly channel: string;
  /** Created on first use: the gateway only subscribes, the worker only publishes. */
  private pubsub: RedisPubSub | undefined;
  private connections: Redis[] = [];
  private readonly enrichers: HandoffEventEnricher[] = [];

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    this.channel = `${config.redisPrefix}:handoff-events`;
  }

  /** Lets a context attach its facts to every message this process publishes from now on. */
  enrichWith(enricher: HandoffEventEnricher): void {
    this.enrichers.push(enricher);
  }

  /** Enriches the messages (one read per enricher for all of them), then publishes them. */
  async publish(messages: HandoffEventMessage[]): Promise<void> {
    for (const enricher of this.enrichers) await enricher.enrich(messages);
    const engine = this.engine();
    for (let i = 0; i < messages.length; i += MESSAGES_PER_PUBLISH) {
      await engine.publish(this.channel, messages.slice(i, i + MESSAGES_PER_PUBLISH));
    }
  }

  /** An async iterator of every message published from now on (graphql-ws subscriptions use it). */
  subscribe(): AsyncIterableIterator<HandoffEventMessage> {
    return oneByOne(
      this.engine().asyncIterableIterator<HandoffEventMessage[]>(
        this.channel,
      ) as AsyncIterableIterator<HandoffEventMessage[]>,
    );
  }

  /** Calls `listener` for every message until the returned function is called. */
  async listen(listener: (message: HandoffEventMessage) => void): Promise<() => void> {
    const engine = this.engine();
    const id = await engine.subscribe<HandoffEventMessage[]>(this.channel, (batch) =>
      batch.forEach(listener),
    );
    return () => engine.unsubscribe(id);
  }

  // Not onModuleDestroy: closing there crashed test processes with "Connection is closed" while
  // subscriptions were still being torn down (docs/stack.md).
  async onApplicationShutdown(): Promise<void> {
    // Not RedisPubSub.close(): its QUIT would wait forever for a Redis that is away.
    const connections = this.connections;
    this.pubsub = undefined;
    this.connections = [];
    await Promise.all(connections.map((redis) => closeRedis(redis)));
  }

  private engine(): RedisPubSub {
    if (!this.pubsub) {
      // Both wait through an outage and reconnect: a publish in a job then waits instead of failing
      // (the job is stalled anyway without Redis), and the subscriber resubscribes by itself.
      const publisher = createRedis(this.config.redisUrl, 'pubsub');
      const subscriber = createRedis(this.config.redisUrl, 'pubsub');
      this.connections = [publisher, subscriber];
      this.pubsub = new RedisPubSub({ publisher, subscriber });
    }
    return this.pubsub;
  }
}

/**
 * The messages of each published batch in turn. Returning (a client unsubscribing) returns the
 * batches' iterator too, which ends its Redis subscription.
 */
function oneByOne(
  batches: AsyncIterableIterator<HandoffEventMessage[]>,
): AsyncIterableIterator<HandoffEventMessage> {
  let pending: HandoffEventMessage[] = [];
  const iterator: AsyncIterableIterator<HandoffEventMessage> = {
    async next() {
      while (!pending.length) {
        const batch = await batches.next();
        if (batch.done) return { done: true, value: undefined };
        pending = [...batch.value];
      }
      return { done: false, value: pending.shift() as HandoffEventMessage };
    },
    async return() {
      pending = [];
      await batches.return?.();
      return { done: true, value: undefined };
    },
    [Symbol.asyncIterator]() {
      return iterator;
    },
  };
  return iterator;
}

import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@simpul/config';
import { LazyRedisPubSub } from '@simpul/queue';
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
  private readonly pubsub: LazyRedisPubSub;
  private readonly enrichers: HandoffEventEnricher[] = [];

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.channel = `${config.redisPrefix}:handoff-events`;
    this.pubsub = new LazyRedisPubSub(config.redisUrl);
  }

  /** Lets a context attach its facts to every message this process publishes from now on. */
  enrichWith(enricher: HandoffEventEnricher): void {
    this.enrichers.push(enricher);
  }

  /** Enriches the messages (one read per enricher for all of them), then publishes them. */
  async publish(messages: HandoffEventMessage[]): Promise<void> {
    for (const enricher of this.enrichers) await enricher.enrich(messages);
    const engine = this.pubsub.engine();
    for (let i = 0; i < messages.length; i += MESSAGES_PER_PUBLISH) {
      await engine.publish(this.channel, messages.slice(i, i + MESSAGES_PER_PUBLISH));
    }
  }

  /** An async iterator of every message published from now on (graphql-ws subscriptions use it). */
  subscribe(): AsyncIterableIterator<HandoffEventMessage> {
    return oneByOne(this.pubsub.iterate<HandoffEventMessage[]>(this.channel));
  }

  /** Calls `listener` for every message until the returned function is called. */
  async listen(listener: (message: HandoffEventMessage) => void): Promise<() => void> {
    const engine = this.pubsub.engine();
    const id = await engine.subscribe<HandoffEventMessage[]>(this.channel, (batch) =>
      batch.forEach(listener),
    );
    return () => engine.unsubscribe(id);
  }

  // Not onModuleDestroy: closing there crashed test processes with "Connection is closed" while
  // subscriptions were still being torn down (docs/stack.md).
  async onApplicationShutdown(): Promise<void> {
    await this.pubsub.close();
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

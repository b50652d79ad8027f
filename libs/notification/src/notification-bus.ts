import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { RedisPubSub } from 'graphql-redis-subscriptions';
import { APP_CONFIG, type AppConfig } from '@simpul/config';
import { closeRedis, createRedis } from '@simpul/queue';
import type { Redis } from 'ioredis';

/** What crosses Redis for a new notification: ids only; the gateway reads the rest. */
export interface NotificationAddedMessage {
  notificationId: string;
  officerId: string;
}

/**
 * Tells every gateway replica that notifications were written, for `notificationAdded`. At most
 * once per subscriber (pub/sub keeps nothing for the absent): the list and the unread count in
 * PostgreSQL are the record, the live message only saves a reload.
 */
@Injectable()
export class NotificationBus implements OnApplicationShutdown {
  readonly channel: string;
  private pubsub: RedisPubSub | undefined;
  private connections: Redis[] = [];

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    this.channel = `${config.redisPrefix}:notifications`;
  }

  async publish(message: NotificationAddedMessage): Promise<void> {
    await this.engine().publish(this.channel, message);
  }

  subscribe(): AsyncIterableIterator<NotificationAddedMessage> {
    return this.engine().asyncIterableIterator<NotificationAddedMessage>(
      this.channel,
    ) as AsyncIterableIterator<NotificationAddedMessage>;
  }

  async onApplicationShutdown(): Promise<void> {
    const connections = this.connections;
    this.pubsub = undefined;
    this.connections = [];
    await Promise.all(connections.map((redis) => closeRedis(redis)));
  }

  private engine(): RedisPubSub {
    if (!this.pubsub) {
      const publisher = createRedis(this.config.redisUrl, 'pubsub');
      const subscriber = createRedis(this.config.redisUrl, 'pubsub');
      this.connections = [publisher, subscriber];
      this.pubsub = new RedisPubSub({ publisher, subscriber });
    }
    return this.pubsub;
  }
}

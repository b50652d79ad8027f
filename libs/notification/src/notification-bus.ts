import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@simpul/config';
import { LazyRedisPubSub } from '@simpul/queue';

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
  private readonly pubsub: LazyRedisPubSub;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.channel = `${config.redisPrefix}:notifications`;
    this.pubsub = new LazyRedisPubSub(config.redisUrl);
  }

  async publish(message: NotificationAddedMessage): Promise<void> {
    await this.pubsub.engine().publish(this.channel, message);
  }

  subscribe(): AsyncIterableIterator<NotificationAddedMessage> {
    return this.pubsub.iterate<NotificationAddedMessage>(this.channel);
  }

  // Not onModuleDestroy: as for HandoffEventBus, subscriptions may still be tearing down then.
  async onApplicationShutdown(): Promise<void> {
    await this.pubsub.close();
  }
}

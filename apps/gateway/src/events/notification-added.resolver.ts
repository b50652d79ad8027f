import { Resolver, Subscription } from '@nestjs/graphql';
import { SignedIn } from '@simpul/common';
import { CurrentActor, type Actor } from '@simpul/identity';
import {
  NotificationBus,
  NotificationModel,
  NotificationReader,
  type NotificationAddedMessage,
} from '@simpul/notification';
import { filterMapIterator } from './filter-map-iterator';

/**
 * The notifications bell, live: each message names an officer; a subscriber gets only its own,
 * read from PostgreSQL (where a notification another officer's subscriber would see is simply
 * not found).
 */
@SignedIn()
@Resolver(() => NotificationModel)
export class NotificationAddedResolver {
  constructor(
    private readonly bus: NotificationBus,
    private readonly reader: NotificationReader,
  ) {}

  @Subscription(() => NotificationModel, {
    description: 'Notifications of the signed-in officer, as they are written',
    resolve: (notification: NotificationModel) => notification,
  })
  notificationAdded(@CurrentActor() actor: Actor): AsyncIterableIterator<NotificationModel> {
    const seen = new Set<string>();
    return filterMapIterator(this.bus.subscribe(), async (message: NotificationAddedMessage) => {
      if (message.officerId !== actor.officerId || seen.has(message.notificationId)) {
        return undefined;
      }
      seen.add(message.notificationId);
      if (seen.size > 10_000) seen.delete(seen.values().next().value as string);
      return (await this.reader.ownById(actor.officerId, message.notificationId)) ?? undefined;
    });
  }
}

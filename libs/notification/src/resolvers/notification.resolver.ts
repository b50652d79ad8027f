import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { SignedIn } from '@simpul/common';
import { CurrentActor, type Actor } from '@simpul/identity';
import { NotificationConnectionModel, NotificationModel } from '../models/notification.model';
import { NotificationReader } from '../notification.reader';
import { MarkAllNotificationsReadUseCase } from '../use-cases/mark-all-notifications-read.use-case';
import { MarkNotificationReadUseCase } from '../use-cases/mark-notification-read.use-case';

/**
 * The signed-in officer's own notifications. Every signed-in officer may ask; an auditor or an
 * administrator simply has none (notifications go to caseworkers of the units told).
 */
@SignedIn()
@Resolver(() => NotificationModel)
export class NotificationResolver {
  constructor(
    private readonly reader: NotificationReader,
    private readonly markRead: MarkNotificationReadUseCase,
    private readonly markAllRead: MarkAllNotificationsReadUseCase,
  ) {}

  @Query(() => NotificationConnectionModel, {
    description: "The signed-in officer's notifications, newest first",
  })
  notifications(
    @CurrentActor() actor: Actor,
    @Args('unreadOnly', { type: () => Boolean, nullable: true, defaultValue: false })
    unreadOnly: boolean,
    @Args('first', { type: () => Int, nullable: true }) first?: number | null,
    @Args('after', { type: () => String, nullable: true }) after?: string | null,
  ): Promise<NotificationConnectionModel> {
    return this.reader.page(actor.officerId, { unreadOnly: unreadOnly === true, first, after });
  }

  @Query(() => Int, { description: "How many of the signed-in officer's notifications are unread" })
  unreadNotificationCount(@CurrentActor() actor: Actor): Promise<number> {
    return this.reader.unreadCount(actor.officerId);
  }

  @Mutation(() => NotificationModel, { description: 'Marks one of your notifications read' })
  markNotificationRead(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<NotificationModel> {
    return this.markRead.execute(actor, id);
  }

  @Mutation(() => Int, {
    description: 'Marks all your notifications read; returns how many were unread',
  })
  markAllNotificationsRead(@CurrentActor() actor: Actor): Promise<number> {
    return this.markAllRead.execute(actor);
  }
}

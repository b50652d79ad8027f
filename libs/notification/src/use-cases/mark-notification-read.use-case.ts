import { Injectable } from '@nestjs/common';
import { notFound } from '@simpul/common';
import type { Actor } from '@simpul/identity';
import { TransactionHost } from '@simpul/database';
import type { NotificationModel } from '../models/notification.model';
import { NotificationReader } from '../notification.reader';

/**
 * markNotificationRead: the officer's own notification, read from now on (a second call keeps the
 * first time). Not on the ledger: reading one's notifications is no handoff and no administration
 * (README, "Notifications, email and webhooks"). Another officer's notification is NOT_FOUND.
 */
@Injectable()
export class MarkNotificationReadUseCase {
  constructor(
    private readonly tx: TransactionHost,
    private readonly reader: NotificationReader,
  ) {}

  async execute(actor: Actor, id: string): Promise<NotificationModel> {
    return this.tx.run(async () => {
      const found = await this.reader.ownById(actor.officerId, id);
      if (!found) throw notFound('Notification');
      await this.tx.manager.query(
        'UPDATE notification SET read_at = now() WHERE id = $1 AND read_at IS NULL',
        [found.id],
      );
      return (await this.reader.ownById(actor.officerId, id)) as NotificationModel;
    });
  }
}

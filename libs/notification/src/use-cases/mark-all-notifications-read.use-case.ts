import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { Actor } from '@simpul/identity';

/** markAllNotificationsRead: every unread notification of the officer; returns how many. */
@Injectable()
export class MarkAllNotificationsReadUseCase {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async execute(actor: Actor): Promise<number> {
    const [, affected]: [unknown, number] = await this.dataSource.query(
      'UPDATE notification SET read_at = now() WHERE officer_id = $1 AND read_at IS NULL',
      [actor.officerId],
    );
    return affected;
  }
}

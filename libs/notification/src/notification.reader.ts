import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { unitCodeSql } from '@simpul/agency';
import { decodeKeysetCursor, encodeCursor, isUuid, pageSize } from '@simpul/common';
import { APP_CONFIG, type AppConfig } from '@simpul/config';
import type { HandoffAction } from '@simpul/ledger';
import { TransactionHost } from '@simpul/database';
import type { NotificationConnectionModel, NotificationModel } from './models/notification.model';
import { notificationLink } from './notification-links';

interface NotificationRow {
  id: string;
  action: HandoffAction;
  seq: string;
  reference: string | null;
  unit_code: string | null;
  referral_id: string | null;
  alert_id: string | null;
  case_id: string | null;
  escalation_level: number | null;
  created_at: Date;
  read_at: Date | null;
}

const COLUMNS = `n.id, n.action, n.seq::text, n.reference, ${unitCodeSql('n.unit_id')} AS unit_code, n.referral_id,
  n.alert_id, n.case_id, n.escalation_level, n.created_at, n.read_at`;

/** An officer's own notifications; nobody reads another officer's. */
@Injectable()
export class NotificationReader {
  constructor(
    private readonly tx: TransactionHost,
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Newest first, keyset-paged on (created_at, id). */
  async page(
    officerId: string,
    options: { unreadOnly: boolean; first?: number | null; after?: string | null },
  ): Promise<NotificationConnectionModel> {
    const limit = pageSize(options.first);
    const unread = options.unreadOnly ? 'AND n.read_at IS NULL' : '';
    const params: unknown[] = [officerId];
    let keyset = '';
    if (options.after) {
      const { time, id } = decodeKeysetCursor(options.after);
      params.push(time, id);
      keyset = 'AND (n.created_at, n.id) < ($2::timestamptz, $3::uuid)';
    }
    const rows: NotificationRow[] = await this.dataSource.query(
      `SELECT ${COLUMNS} FROM notification n
        WHERE n.officer_id = $1 ${unread} ${keyset}
        ORDER BY n.created_at DESC, n.id DESC LIMIT ${limit + 1}`,
      params,
    );
    const [{ count }]: { count: number }[] = await this.dataSource.query(
      `SELECT count(*)::int AS count FROM notification n WHERE n.officer_id = $1 ${unread}`,
      [officerId],
    );
    const page = rows.slice(0, limit).map((row) => this.toModel(row));
    return {
      edges: page.map((node) => ({
        cursor: encodeCursor([node.createdAt.toISOString(), node.id]),
        node,
      })),
      pageInfo: {
        hasNextPage: rows.length > limit,
        endCursor: page.length
          ? encodeCursor([page.at(-1)!.createdAt.toISOString(), page.at(-1)!.id])
          : null,
      },
      totalCount: count,
    };
  }

  async unreadCount(officerId: string): Promise<number> {
    const [{ count }]: { count: number }[] = await this.dataSource.query(
      'SELECT count(*)::int AS count FROM notification WHERE officer_id = $1 AND read_at IS NULL',
      [officerId],
    );
    return count;
  }

  /** The officer's notification, or null (another officer's is as absent as a missing one). */
  async ownById(officerId: string, id: string): Promise<NotificationModel | null> {
    if (!isUuid(id)) return null;
    const [row]: NotificationRow[] = await this.tx.manager.query(
      `SELECT ${COLUMNS} FROM notification n
        WHERE n.id = $1 AND n.officer_id = $2`,
      [id, officerId],
    );
    return row ? this.toModel(row) : null;
  }

  private toModel(row: NotificationRow): NotificationModel {
    return {
      id: row.id,
      action: row.action,
      seq: row.seq,
      reference: row.reference,
      unitCode: row.unit_code,
      referralId: row.referral_id,
      alertId: row.alert_id,
      caseId: row.case_id,
      escalationLevel: row.escalation_level,
      link: notificationLink(this.config.notifications.publicUrl, {
        referralId: row.referral_id,
        alertId: row.alert_id,
        caseId: row.case_id,
      }),
      createdAt: row.created_at,
      readAt: row.read_at,
    };
  }
}

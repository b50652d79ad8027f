import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '@simpul/config';
import { HandlesJob, type JobHandler } from '@simpul/delivery';
import { emailsSent } from '@simpul/observability';
import type { JobPayloads } from '@simpul/queue';
import { MailTransport } from '../mail/mail-transport';
import { notificationLink } from '../notification-links';
import { notificationBody, notificationSubject } from '../notification-text';

interface Row {
  id: string;
  action: string;
  reference: string | null;
  escalation_level: number | null;
  referral_id: string | null;
  alert_id: string | null;
  case_id: string | null;
  address: string | null;
}

/**
 * Emails one notification to its officer's work address. The message says the code, the
 * reference and the link, nothing more. Idempotent enough: a re-run sends the same message with
 * the same Message-ID (and rewrites the same .eml file). An officer whose address was removed
 * meanwhile gets nothing.
 */
@Injectable()
@HandlesJob('send-notification-email')
export class SendNotificationEmailHandler implements JobHandler<'send-notification-email'> {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly mail: MailTransport,
  ) {}

  async handle({ notificationId }: JobPayloads['send-notification-email']): Promise<void> {
    const [row]: Row[] = await this.dataSource.query(
      `SELECT n.id, n.action, n.reference, n.escalation_level, n.referral_id, n.alert_id,
              n.case_id, w.address
         FROM notification n
         LEFT JOIN officer_work_email w ON w.officer_id = n.officer_id
        WHERE n.id = $1`,
      [notificationId],
    );
    if (!row?.address) return;
    const facts = {
      action: row.action,
      reference: row.reference,
      escalationLevel: row.escalation_level,
      link: notificationLink(this.config.notifications.publicUrl, {
        referralId: row.referral_id,
        alertId: row.alert_id,
        caseId: row.case_id,
      }),
    };
    try {
      await this.mail.send({
        id: row.id,
        to: row.address,
        subject: notificationSubject(facts),
        text: notificationBody(facts),
      });
      emailsSent.inc({ outcome: 'sent' });
    } catch (error) {
      emailsSent.inc({ outcome: 'failed' });
      throw error;
    }
  }
}

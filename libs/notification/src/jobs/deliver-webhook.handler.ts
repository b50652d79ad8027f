import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '@simpul/config';
import { HandlesJob, describeError, type JobHandler } from '@simpul/delivery';
import { LedgerReader } from '@simpul/ledger';
import { webhookAttempts } from '@simpul/observability';
import { PersonalDataCipher } from '@simpul/privacy';
import type { JobPayloads } from '@simpul/queue';
import { notificationLink } from '../notification-links';
import { SubjectReferences } from '../subject-references';
import { postWebhook } from '../webhook/post-webhook';
import { webhookBodyOf } from '../webhook/webhook-body';
import { SIGNATURE_HEADER, signWebhook } from '../webhook/webhook-signature';

interface DeliveryRow {
  id: string;
  seq: string;
  delivered_at: Date | null;
  endpoint_id: string;
  unit_id: string;
  url: string;
  secret_sealed: string;
  usable: boolean;
}

/**
 * POSTs one ledger event to one endpoint, signed (webhook-signature.ts). A 2xx is delivered; any
 * other answer, a timeout or a refused target is a failed attempt: the job throws, BullMQ retries
 * with exponential backoff from WEBHOOK_RETRY_BASE_MS, and after its attempts the outbox row is
 * re-driven and at last parked for ADMIN to replay (docs/adr/0009-outbox-done-on-effect.md).
 * An endpoint deactivated or deleted meanwhile gets nothing; a delivery done gets nothing again.
 */
@Injectable()
@HandlesJob('deliver-webhook')
export class DeliverWebhookHandler implements JobHandler<'deliver-webhook'> {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly ledger: LedgerReader,
    private readonly cipher: PersonalDataCipher,
    private readonly references: SubjectReferences,
  ) {}

  async handle({ deliveryId }: JobPayloads['deliver-webhook']): Promise<void> {
    const [row]: DeliveryRow[] = await this.dataSource.query(
      `SELECT d.id, d.seq::text, d.delivered_at, e.id AS endpoint_id, e.unit_id, e.url,
              e.secret_sealed, (e.active AND e.deleted_at IS NULL) AS usable
         FROM webhook_delivery d JOIN webhook_endpoint e ON e.id = d.endpoint_id
        WHERE d.id = $1`,
      [deliveryId],
    );
    if (!row || row.delivered_at || !row.usable) return;
    const body = JSON.stringify(await this.bodyOf(row));
    const secret = this.cipher.open<string>(row.endpoint_id, row.secret_sealed);
    const headers = {
      [SIGNATURE_HEADER]: signWebhook(secret, body, Math.floor(Date.now() / 1000)),
      'Simpul-Delivery': row.id,
      'Simpul-Event': (JSON.parse(body) as { event: string }).event,
    };
    let status: number | null = null;
    let failure: string | null = null;
    try {
      ({ status } = await postWebhook(row.url, body, headers, {
        timeoutMs: this.config.notifications.webhookTimeoutMs,
        allowPrivate: this.config.notifications.webhookAllowPrivateTargets,
      }));
      if (status < 200 || status > 299) failure = `receiver answered HTTP ${status}`;
    } catch (error) {
      failure = describeError(error);
    }
    await this.dataSource.query(
      `UPDATE webhook_delivery
          SET attempts = attempts + 1, last_status = $2, last_error = $3,
              delivered_at = CASE WHEN $3::text IS NULL THEN now() ELSE delivered_at END
        WHERE id = $1`,
      [row.id, status, failure],
    );
    webhookAttempts.inc({ outcome: failure === null ? 'delivered' : 'failed' });
    if (failure !== null) throw new Error(`webhook delivery ${row.id} failed: ${failure}`);
  }

  private async bodyOf(row: DeliveryRow) {
    const [entry] = await this.ledger.bySeqs([row.seq]);
    if (!entry) throw new Error(`ledger entry ${row.seq} of webhook delivery ${row.id} not found`);
    const unitIds = [row.unit_id, entry.fromUnitId, entry.toUnitId].filter(
      (id): id is string => id !== null,
    );
    const unitCodes = await this.references.unitCodes(unitIds);
    const references = await this.references.of([entry]);
    return webhookBodyOf(row.id, entry, {
      unitCode: unitCodes.get(row.unit_id) ?? '',
      unitCodes,
      reference: references.get(entry.seq) ?? null,
      link: notificationLink(this.config.notifications.publicUrl, entry),
    });
  }
}

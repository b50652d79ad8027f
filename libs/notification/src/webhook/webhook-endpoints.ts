import { Inject, Injectable } from '@nestjs/common';
import { unitCodeSql } from '@simpul/agency';
import { badInput, forbidden, isUuid } from '@simpul/common';
import { APP_CONFIG, type AppConfig } from '@simpul/config';
import { Role, hasRole, type Actor } from '@simpul/identity';
import { TransactionHost } from '@simpul/database';
import type { WebhookEndpointModel } from '../models/webhook-endpoint.model';
import { checkWebhookUrl } from './webhook-target';

const MIN_SECRET = 32;
const MAX_SECRET = 256;

/** Webhooks are ADMIN's: the resolvers say so with @Roles, the use cases check again. */
export function assertWebhookAdmin(actor: Actor): void {
  if (!hasRole(actor, Role.ADMIN)) throw forbidden('Only an ADMIN manages webhooks');
}

export function validSecret(field: string, secret: string): string {
  if (secret.length < MIN_SECRET || secret.length > MAX_SECRET || /\s/.test(secret)) {
    throw badInput(field, `must be ${MIN_SECRET} to ${MAX_SECRET} characters without spaces`);
  }
  return secret;
}

interface EndpointRow {
  id: string;
  unit_id: string;
  unit_code: string;
  url: string;
  active: boolean;
  created_at: Date;
  updated_at: Date;
  pending: number;
  last_delivered_at: Date | null;
  last_error: string | null;
}

/** Reading endpoints (never their secrets) and checking URLs against the configuration. */
@Injectable()
export class WebhookEndpoints {
  constructor(
    private readonly tx: TransactionHost,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  checkUrl(field: string, url: string): string {
    return checkWebhookUrl(url, {
      field,
      allowPrivate: this.config.notifications.webhookAllowPrivateTargets,
      hubUrl: this.config.notifications.publicUrl,
      production: this.config.env === 'production',
    });
  }

  async list(unitId: string | null): Promise<WebhookEndpointModel[]> {
    if (unitId !== null && !isUuid(unitId)) return [];
    return (await this.rows(unitId, null)).map(toModel);
  }

  async byId(id: string): Promise<WebhookEndpointModel | null> {
    if (!isUuid(id)) return null;
    const [row] = await this.rows(null, id);
    return row ? toModel(row) : null;
  }

  private rows(unitId: string | null, id: string | null): Promise<EndpointRow[]> {
    return this.tx.manager.query(
      `SELECT e.id, e.unit_id, ${unitCodeSql('e.unit_id')} AS unit_code, e.url, e.active, e.created_at, e.updated_at,
              (SELECT count(*)::int FROM webhook_delivery d
                WHERE d.endpoint_id = e.id AND d.delivered_at IS NULL) AS pending,
              (SELECT max(d.delivered_at) FROM webhook_delivery d WHERE d.endpoint_id = e.id)
                AS last_delivered_at,
              (SELECT d.last_error FROM webhook_delivery d
                WHERE d.endpoint_id = e.id AND d.last_error IS NOT NULL AND d.delivered_at IS NULL
                ORDER BY d.created_at DESC LIMIT 1) AS last_error
         FROM webhook_endpoint e
        WHERE e.deleted_at IS NULL AND ($1::uuid IS NULL OR e.unit_id = $1)
          AND ($2::uuid IS NULL OR e.id = $2)
        ORDER BY unit_code, e.created_at`,
      [unitId, id],
    );
  }
}

function toModel(row: EndpointRow): WebhookEndpointModel {
  return {
    id: row.id,
    unitId: row.unit_id,
    unitCode: row.unit_code,
    url: row.url,
    active: row.active,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    pendingDeliveries: row.pending,
    lastDeliveredAt: row.last_delivered_at,
    lastError: row.last_error,
  };
}

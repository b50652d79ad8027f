import { Injectable } from '@nestjs/common';
import { badInput, isUuid, notFound } from '@simpul/common';
import type { Actor } from '@simpul/identity';
import { HandoffAction, LedgerWriter } from '@simpul/ledger';
import { PersonalDataCipher } from '@simpul/privacy';
import { TransactionHost } from '@simpul/database';
import type { UpdateWebhookEndpointInput } from '../dto/webhook-endpoint.input';
import type { WebhookEndpointModel } from '../models/webhook-endpoint.model';
import { webhookEntry } from '../webhook/webhook-entry';
import { WebhookEndpoints, assertWebhookAdmin, validSecret } from '../webhook/webhook-endpoints';
import { originOf } from '../webhook/webhook-target';

/**
 * updateWebhookEndpoint: a new URL, a rotated secret (deliveries still waiting are signed with
 * the new one), on or off. WEBHOOK_ENDPOINT_UPDATED names the changed fields, never the secret.
 */
@Injectable()
export class UpdateWebhookEndpointUseCase {
  constructor(
    private readonly tx: TransactionHost,
    private readonly endpoints: WebhookEndpoints,
    private readonly cipher: PersonalDataCipher,
    private readonly ledger: LedgerWriter,
  ) {}

  async execute(
    actor: Actor,
    id: string,
    input: UpdateWebhookEndpointInput,
  ): Promise<WebhookEndpointModel> {
    assertWebhookAdmin(actor);
    const changed = (['url', 'secret', 'active'] as const).filter((f) => input[f] != null);
    if (changed.length === 0) throw badInput('input', 'names no field to change');
    const url = input.url != null ? this.endpoints.checkUrl('input.url', input.url) : null;
    const secret = input.secret != null ? validSecret('input.secret', input.secret) : null;
    if (!isUuid(id)) throw notFound('Webhook endpoint');
    return this.tx.run(async () => {
      const [row]: { unit_id: string; url: string }[] = await this.tx.manager.query(
        `SELECT unit_id, url FROM webhook_endpoint WHERE id = $1 AND deleted_at IS NULL FOR UPDATE`,
        [id],
      );
      if (!row) throw notFound('Webhook endpoint');
      await this.tx.manager.query(
        `UPDATE webhook_endpoint
            SET url = coalesce($2, url), secret_sealed = coalesce($3, secret_sealed),
                active = coalesce($4, active), updated_at = now()
          WHERE id = $1`,
        [id, url, secret === null ? null : this.cipher.seal(id, secret), input.active ?? null],
      );
      await this.ledger.append([
        webhookEntry(HandoffAction.WEBHOOK_ENDPOINT_UPDATED, actor, {
          webhookEndpointId: id,
          unitId: row.unit_id,
          origin: originOf(url ?? row.url),
          changed: [...changed],
        }),
      ]);
      return (await this.endpoints.byId(id)) as WebhookEndpointModel;
    });
  }
}

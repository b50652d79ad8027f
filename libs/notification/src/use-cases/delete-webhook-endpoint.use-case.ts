import { Injectable } from '@nestjs/common';
import { isUuid, notFound } from '@simpul/common';
import type { Actor } from '@simpul/identity';
import { HandoffAction, LedgerWriter } from '@simpul/ledger';
import { TransactionHost } from '@simpul/database';
import { webhookEntry } from '../webhook/webhook-entry';
import { assertWebhookAdmin } from '../webhook/webhook-endpoints';
import { originOf } from '../webhook/webhook-target';

/**
 * deleteWebhookEndpoint: the endpoint receives nothing more (deliveries still waiting are
 * dropped when their job runs); the row stays, secret erased, for the deliveries that name it.
 */
@Injectable()
export class DeleteWebhookEndpointUseCase {
  constructor(
    private readonly tx: TransactionHost,
    private readonly ledger: LedgerWriter,
  ) {}

  async execute(actor: Actor, id: string): Promise<boolean> {
    assertWebhookAdmin(actor);
    if (!isUuid(id)) throw notFound('Webhook endpoint');
    return this.tx.run(async () => {
      // An UPDATE … RETURNING answers [rows, affected count].
      const [[row]]: [{ unit_id: string; url: string }[], number] = await this.tx.manager.query(
        `UPDATE webhook_endpoint SET deleted_at = now(), active = false, secret_sealed = '',
                updated_at = now()
          WHERE id = $1 AND deleted_at IS NULL
         RETURNING unit_id, url`,
        [id],
      );
      if (!row) throw notFound('Webhook endpoint');
      await this.ledger.append([
        webhookEntry(HandoffAction.WEBHOOK_ENDPOINT_DELETED, actor, {
          webhookEndpointId: id,
          unitId: row.unit_id,
          origin: originOf(row.url),
        }),
      ]);
      return true;
    });
  }
}

import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { UnitReader } from '@simpul/agency';
import { isUuid, notFound } from '@simpul/common';
import type { Actor } from '@simpul/identity';
import { HandoffAction, LedgerWriter } from '@simpul/ledger';
import { PersonalDataCipher } from '@simpul/privacy';
import { TransactionHost } from '@simpul/database';
import type { CreateWebhookEndpointInput } from '../dto/webhook-endpoint.input';
import type { WebhookEndpointModel } from '../models/webhook-endpoint.model';
import { webhookEntry } from '../webhook/webhook-entry';
import { WebhookEndpoints, assertWebhookAdmin, validSecret } from '../webhook/webhook-endpoints';
import { originOf } from '../webhook/webhook-target';

/**
 * createWebhookEndpoint: a receiver for one unit's events, its secret sealed at rest;
 * WEBHOOK_ENDPOINT_CREATED on the ledger with the URL's origin only.
 */
@Injectable()
export class CreateWebhookEndpointUseCase {
  constructor(
    private readonly tx: TransactionHost,
    private readonly endpoints: WebhookEndpoints,
    private readonly cipher: PersonalDataCipher,
    private readonly ledger: LedgerWriter,
    private readonly units: UnitReader,
  ) {}

  async execute(actor: Actor, input: CreateWebhookEndpointInput): Promise<WebhookEndpointModel> {
    assertWebhookAdmin(actor);
    const url = this.endpoints.checkUrl('input.url', input.url);
    const secret = validSecret('input.secret', input.secret);
    if (!isUuid(input.unitId)) throw notFound('Unit');
    return this.tx.run(async () => {
      const code = (await this.units.codesOf([input.unitId])).get(input.unitId);
      if (code === undefined) throw notFound('Unit');
      const unit = { id: input.unitId, code };
      const id = randomUUID();
      await this.tx.manager.query(
        `INSERT INTO webhook_endpoint (id, unit_id, url, secret_sealed) VALUES ($1, $2, $3, $4)`,
        [id, unit.id, url, this.cipher.seal(id, secret)],
      );
      await this.ledger.append([
        webhookEntry(HandoffAction.WEBHOOK_ENDPOINT_CREATED, actor, {
          webhookEndpointId: id,
          unitId: unit.id,
          unitCode: unit.code,
          origin: originOf(url),
        }),
      ]);
      return (await this.endpoints.byId(id)) as WebhookEndpointModel;
    });
  }
}

import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentActor, Role, Roles, type Actor } from '@simpul/identity';
import {
  CreateWebhookEndpointInput,
  UpdateWebhookEndpointInput,
} from '../dto/webhook-endpoint.input';
import { WebhookEndpointModel } from '../models/webhook-endpoint.model';
import { CreateWebhookEndpointUseCase } from '../use-cases/create-webhook-endpoint.use-case';
import { DeleteWebhookEndpointUseCase } from '../use-cases/delete-webhook-endpoint.use-case';
import { SetOfficerWorkEmailUseCase } from '../use-cases/set-officer-work-email.use-case';
import { UpdateWebhookEndpointUseCase } from '../use-cases/update-webhook-endpoint.use-case';
import { WebhookEndpoints, assertWebhookAdmin } from '../webhook/webhook-endpoints';

/**
 * ADMIN: outbound webhooks per unit and officers' work email addresses. Failed deliveries that
 * ran out of retries are parked outbox rows (`parkedOutboxRows`, job `deliver-webhook`), which
 * ADMIN replays with `replayOutboxRow` once the receiver is fixed.
 */
@Resolver()
export class WebhookAdminResolver {
  constructor(
    private readonly endpoints: WebhookEndpoints,
    private readonly createEndpoint: CreateWebhookEndpointUseCase,
    private readonly updateEndpoint: UpdateWebhookEndpointUseCase,
    private readonly deleteEndpoint: DeleteWebhookEndpointUseCase,
    private readonly setWorkEmail: SetOfficerWorkEmailUseCase,
  ) {}

  @Roles(Role.ADMIN)
  @Query(() => [WebhookEndpointModel], {
    description: 'ADMIN: webhook endpoints, of one unit or of all; secrets are never returned',
  })
  webhookEndpoints(
    @CurrentActor() actor: Actor,
    @Args('unitId', { type: () => ID, nullable: true }) unitId?: string | null,
  ): Promise<WebhookEndpointModel[]> {
    assertWebhookAdmin(actor);
    return this.endpoints.list(unitId ?? null);
  }

  @Roles(Role.ADMIN)
  @Mutation(() => WebhookEndpointModel, { description: 'ADMIN: adds a webhook endpoint to a unit' })
  createWebhookEndpoint(
    @CurrentActor() actor: Actor,
    @Args('input') input: CreateWebhookEndpointInput,
  ): Promise<WebhookEndpointModel> {
    return this.createEndpoint.execute(actor, input);
  }

  @Roles(Role.ADMIN)
  @Mutation(() => WebhookEndpointModel, {
    description: "ADMIN: changes a webhook endpoint's URL, rotates its secret, or turns it off/on",
  })
  updateWebhookEndpoint(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => ID }) id: string,
    @Args('input') input: UpdateWebhookEndpointInput,
  ): Promise<WebhookEndpointModel> {
    return this.updateEndpoint.execute(actor, id, input);
  }

  @Roles(Role.ADMIN)
  @Mutation(() => Boolean, { description: 'ADMIN: removes a webhook endpoint' })
  deleteWebhookEndpoint(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<boolean> {
    return this.deleteEndpoint.execute(actor, id);
  }

  @Roles(Role.ADMIN)
  @Mutation(() => Boolean, {
    description:
      "ADMIN: the officer's work email for escalations and CRITICAL alerts; null removes it",
  })
  setOfficerWorkEmail(
    @CurrentActor() actor: Actor,
    @Args('officerId', { type: () => ID }) officerId: string,
    @Args('workEmail', { type: () => String, nullable: true }) workEmail: string | null,
  ): Promise<boolean> {
    return this.setWorkEmail.execute(actor, officerId, workEmail ?? null);
  }
}

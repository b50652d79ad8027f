import {
  Args,
  Context,
  ID,
  Mutation,
  Parent,
  Query,
  ResolveField,
  Resolver,
} from '@nestjs/graphql';
import type { RequestContext } from '@simpul/common';
import { loadUnit, UnitModel } from '@simpul/agency';
import { CurrentActor, Role, Roles, type Actor } from '@simpul/identity';
import { AlertRoutingRuleInput } from '../dto/alert-routing-rule.input';
import { AlertRouting } from '../alert-routing.service';
import { toRoutingRuleModel } from '../models/alert.mapper';
import { AlertRoutingRuleModel } from '../models/alert-routing-rule.model';
import { CreateAlertRoutingRuleUseCase } from '../use-cases/create-alert-routing-rule.use-case';
import { DeleteAlertRoutingRuleUseCase } from '../use-cases/delete-alert-routing-rule.use-case';
import { UpdateAlertRoutingRuleUseCase } from '../use-cases/update-alert-routing-rule.use-case';

/** ADMIN manages the routing rules; everyone else gets FORBIDDEN. */
@Roles(Role.ADMIN)
@Resolver(() => AlertRoutingRuleModel)
export class AlertRoutingRuleResolver {
  constructor(
    private readonly routing: AlertRouting,
    private readonly create: CreateAlertRoutingRuleUseCase,
    private readonly update: UpdateAlertRoutingRuleUseCase,
    private readonly remove: DeleteAlertRoutingRuleUseCase,
  ) {}

  @Query(() => [AlertRoutingRuleModel], { description: 'ADMIN: every routing rule not deleted' })
  async alertRoutingRules(): Promise<AlertRoutingRuleModel[]> {
    return (await this.routing.rules()).map(toRoutingRuleModel);
  }

  @Mutation(() => AlertRoutingRuleModel, { description: 'ADMIN: a new routing rule' })
  async createAlertRoutingRule(
    @CurrentActor() actor: Actor,
    @Args('input') input: AlertRoutingRuleInput,
  ) {
    return toRoutingRuleModel(await this.create.execute(actor, input));
  }

  @Mutation(() => AlertRoutingRuleModel, {
    description: 'ADMIN: replaces every field of a routing rule',
  })
  async updateAlertRoutingRule(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => ID }) id: string,
    @Args('input') input: AlertRoutingRuleInput,
  ) {
    return toRoutingRuleModel(await this.update.execute(actor, id, input));
  }

  @Mutation(() => Boolean, { description: 'ADMIN: the rule stops routing (true when deleted)' })
  deleteAlertRoutingRule(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }) id: string) {
    return this.remove.execute(actor, id);
  }

  @ResolveField(() => [UnitModel])
  units(@Parent() rule: AlertRoutingRuleModel, @Context() context: RequestContext) {
    return Promise.all(rule.unitIds.map((id) => loadUnit(context, id)));
  }
}

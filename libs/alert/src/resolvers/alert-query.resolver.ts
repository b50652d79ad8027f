import { Args, Context, ID, Int, Query, Resolver } from '@nestjs/graphql';
import { notFound, SignedIn, type RequestContext } from '@simpul/common';
import { toUnitModel, UnitModel, UnitReader } from '@simpul/agency';
import { CurrentActor, Role, Roles, type Actor } from '@simpul/identity';
import { AlertStatus } from '../alert-enums';
import { AlertQueueOrder } from '../alert-queue-order';
import { AlertRouting } from '../alert-routing.service';
import { AlertReader } from '../alert.reader';
import { AlertRoutingPreviewInput } from '../dto/raise-alert.input';
import { AlertConnectionModel, AlertModel } from '../models/alert.model';
import { alertFacts } from '../use-cases/raise-alert.use-case';

/** Alerts as the caller may see them (docs/access-model.md, "Alerts"). */
@SignedIn()
@Resolver(() => AlertModel)
export class AlertQueryResolver {
  constructor(
    private readonly reader: AlertReader,
    private readonly routing: AlertRouting,
    private readonly units: UnitReader,
  ) {}

  @Query(() => AlertConnectionModel, {
    description:
      "Alerts the caller's units raised or received (every alert for AUDITOR, without its text), newest first or those awaiting the caller's acknowledgement first (order), ordered and paged over all of them",
  })
  alerts(
    @CurrentActor() actor: Actor,
    @Context() context: RequestContext,
    @Args('status', { type: () => [AlertStatus], nullable: true }) status?: AlertStatus[] | null,
    @Args('first', { type: () => Int, nullable: true }) first?: number | null,
    @Args('after', { type: () => String, nullable: true }) after?: string | null,
    @Args('unitId', {
      type: () => ID,
      nullable: true,
      description: 'Only alerts delivered to this unit (one the caller acts for)',
    })
    unitId?: string | null,
    @Args('acknowledged', {
      type: () => Boolean,
      nullable: true,
      description:
        "false: only alerts the receiving unit (unitId, or the caller's) has not acknowledged yet; true: only acknowledged ones",
    })
    acknowledged?: boolean | null,
    @Args('order', {
      type: () => AlertQueueOrder,
      nullable: true,
      defaultValue: AlertQueueOrder.NEWEST_FIRST,
    })
    order?: AlertQueueOrder | null,
  ): Promise<AlertConnectionModel> {
    return this.reader.page(context, actor, { status, first, after, unitId, acknowledged, order });
  }

  @Query(() => AlertModel, {
    nullable: true,
    description:
      'NOT_FOUND for callers whose units neither raised nor received it (auditors see it)',
  })
  async alert(
    @CurrentActor() actor: Actor,
    @Context() context: RequestContext,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<AlertModel> {
    const found = await this.reader.visible(context, actor, id);
    if (!found) throw notFound('Alert');
    return found;
  }

  @Roles(Role.INVESTIGATOR, Role.DESK_OFFICER, Role.SUPERVISOR, Role.ADMIN)
  @Query(() => [UnitModel], {
    description:
      'The units an alert with these facts would reach under the routing rules now, before it is raised',
  })
  async previewAlertRouting(@Args('input') input: AlertRoutingPreviewInput): Promise<UnitModel[]> {
    const ids = await this.routing.receivers(alertFacts(input));
    const units = (await this.units.byIds(ids)).map(toUnitModel);
    return units.sort((a, b) => a.code.localeCompare(b.code));
  }
}

import { Args, Context, ID, Mutation, Resolver } from '@nestjs/graphql';
import { notFound, type RequestContext } from '@simpul/common';
import { CurrentActor, Role, Roles, type Actor } from '@simpul/identity';
import { AlertDismissalReason } from '../alert-enums';
import { AlertReader } from '../alert.reader';
import { PromoteAlertInput, RaiseAlertInput } from '../dto/raise-alert.input';
import type { AlertEntity } from '../entities/alert.entity';
import { toAlertDeliveryModel } from '../models/alert.mapper';
import { AlertDeliveryModel, AlertEscalationModel, AlertModel } from '../models/alert.model';
import { AcknowledgeAlertEscalationUseCase } from '../use-cases/acknowledge-alert-escalation.use-case';
import { AcknowledgeAlertUseCase } from '../use-cases/acknowledge-alert.use-case';
import { DismissAlertUseCase } from '../use-cases/dismiss-alert.use-case';
import { LinkAlertToCaseUseCase } from '../use-cases/link-alert-to-case.use-case';
import { PromoteAlertToCaseUseCase } from '../use-cases/promote-alert-to-case.use-case';
import { RaiseAlertUseCase } from '../use-cases/raise-alert.use-case';
import { ResolveAlertUseCase } from '../use-cases/resolve-alert.use-case';

const Id = () => Args('id', { type: () => ID });

/**
 * Every alert mutation; each delegates to its one use case, which checks who may act
 * (docs/access-model.md, "Alerts"). The roles here keep AUDITOR and ADMIN out at the door.
 */
@Roles(Role.INVESTIGATOR, Role.DESK_OFFICER, Role.SUPERVISOR)
@Resolver(() => AlertModel)
export class AlertMutationResolver {
  constructor(
    private readonly raise: RaiseAlertUseCase,
    private readonly acknowledge: AcknowledgeAlertUseCase,
    private readonly acknowledgeEscalation: AcknowledgeAlertEscalationUseCase,
    private readonly resolve: ResolveAlertUseCase,
    private readonly dismiss: DismissAlertUseCase,
    private readonly link: LinkAlertToCaseUseCase,
    private readonly promote: PromoteAlertToCaseUseCase,
    private readonly reader: AlertReader,
  ) {}

  @Mutation(() => AlertModel, {
    description:
      'INVESTIGATOR, an immigration unit, or (with caseId) a party of the case; routing rules choose the receiving units',
  })
  async raiseAlert(
    @CurrentActor() actor: Actor,
    @Context() context: RequestContext,
    @Args('input') input: RaiseAlertInput,
  ) {
    return this.shown(context, actor, await this.raise.execute(actor, input));
  }

  @Mutation(() => AlertDeliveryModel, {
    description: "id of the Alert; acknowledges the delivery to the caller's unit",
  })
  async acknowledgeAlert(
    @CurrentActor() actor: Actor,
    @Id() id: string,
    @Args('unitId', {
      type: () => ID,
      nullable: true,
      description: 'For a SUPERVISOR acting for several receiving units: which one acknowledges',
    })
    unitId?: string | null,
  ) {
    return toAlertDeliveryModel(await this.acknowledge.execute(actor, id, unitId));
  }

  @Mutation(() => AlertEscalationModel, {
    description:
      'id of the Alert; a unit it escalated to (and did not receive it) acknowledges it, which stops the climb',
  })
  acknowledgeAlertEscalation(
    @CurrentActor() actor: Actor,
    @Id() id: string,
    @Args('unitId', {
      type: () => ID,
      nullable: true,
      description: 'For a SUPERVISOR acting for several units it escalated to: which one',
    })
    unitId?: string | null,
  ) {
    return this.acknowledgeEscalation.execute(actor, id, unitId);
  }

  @Mutation(() => AlertModel, { description: 'The raising or a receiving unit, with a note' })
  async resolveAlert(
    @CurrentActor() actor: Actor,
    @Context() context: RequestContext,
    @Id() id: string,
    @Args('note') note: string,
  ) {
    return this.shown(context, actor, await this.resolve.execute(actor, id, note));
  }

  @Mutation(() => AlertModel, {
    description: 'The raising or a receiving unit, with a coded reason (default OTHER) and a note',
  })
  async dismissAlert(
    @CurrentActor() actor: Actor,
    @Context() context: RequestContext,
    @Id() id: string,
    @Args('note') note: string,
    @Args('reason', { type: () => AlertDismissalReason, nullable: true })
    reason?: AlertDismissalReason | null,
  ) {
    return this.shown(context, actor, await this.dismiss.execute(actor, id, note, reason));
  }

  @Mutation(() => AlertModel, {
    description: "Links the alert to an open case the caller's unit is a party of",
  })
  async linkAlertToCase(
    @CurrentActor() actor: Actor,
    @Context() context: RequestContext,
    @Id() id: string,
    @Args('caseId', { type: () => ID }) caseId: string,
  ) {
    return this.shown(context, actor, await this.link.execute(actor, id, caseId));
  }

  @Mutation(() => AlertModel, {
    description: "Opens a case from the alert, led by the caller's unit, and links them",
  })
  async promoteAlertToCase(
    @CurrentActor() actor: Actor,
    @Context() context: RequestContext,
    @Id() id: string,
    @Args('input') input: PromoteAlertInput,
  ) {
    return this.shown(context, actor, await this.promote.execute(actor, id, input));
  }

  private async shown(context: RequestContext, actor: Actor, entity: AlertEntity) {
    const [model] = await this.reader.modelsIn(context, actor, [entity]);
    // A use case that let the caller write an alert it cannot see would be a bug: say nothing.
    if (!model) throw notFound('Alert');
    return model;
  }
}

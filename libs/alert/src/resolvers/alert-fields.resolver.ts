import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { notFound, type RequestContext } from '@simpul/common';
import { loadUnit, UnitModel } from '@simpul/agency';
import { CaseLoader, CaseModel } from '@simpul/case';
import { CurrentActor, loadOfficer, OfficerModel, type Actor } from '@simpul/identity';
import { HandoffEventModel } from '@simpul/ledger';
import { AlertAccess } from '../alert-access';
import { AlertReader } from '../alert.reader';
import { AlertDeliveryModel, AlertEscalationModel, AlertModel } from '../models/alert.model';

/** Alert's links. The linked case is checked for the caller again (CaseLoader). */
@Resolver(() => AlertModel)
export class AlertFieldsResolver {
  constructor(
    private readonly reader: AlertReader,
    private readonly access: AlertAccess,
    private readonly cases: CaseLoader,
  ) {}

  @ResolveField(() => OfficerModel)
  raisedBy(@Parent() alert: AlertModel, @Context() context: RequestContext) {
    return loadOfficer(context, alert.raisedById);
  }

  @ResolveField(() => UnitModel)
  raisedByUnit(@Parent() alert: AlertModel, @Context() context: RequestContext) {
    return loadUnit(context, alert.raisedByUnitId);
  }

  @ResolveField('case', () => CaseModel, {
    nullable: true,
    description:
      "The case it is linked to; null when none, or when the caller may not see the case (linking does not make the alert's units parties)",
  })
  caseOf(
    @Parent() alert: AlertModel,
    @CurrentActor() actor: Actor,
    @Context() context: RequestContext,
  ) {
    return alert.caseId ? this.cases.visible(context, actor, alert.caseId) : null;
  }

  @ResolveField(() => [AlertDeliveryModel])
  deliveries(@Parent() alert: AlertModel, @Context() context: RequestContext) {
    return this.reader.deliveriesOf(context, alert.id);
  }

  @ResolveField(() => AlertDeliveryModel, { nullable: true })
  async myDelivery(
    @Parent() alert: AlertModel,
    @CurrentActor() actor: Actor,
    @Context() context: RequestContext,
  ) {
    const units = await this.access.unitsIn(context, actor);
    const mine = (await this.reader.deliveriesOf(context, alert.id)).filter((d) =>
      units.includes(d.unitId),
    );
    return mine.find((d) => d.unitId === actor.unitId) ?? mine[0] ?? null;
  }

  @ResolveField(() => [AlertEscalationModel], {
    description:
      'The units it escalated to while nobody acknowledged it, lowest level first (each once, at the first level that reached it)',
  })
  escalations(@Parent() alert: AlertModel, @Context() context: RequestContext) {
    return this.reader.escalationsOf(context, alert.id);
  }

  @ResolveField(() => AlertEscalationModel, {
    nullable: true,
    description:
      "The escalation to the caller's unit (or, for a SUPERVISOR, to a unit of its agency) when it did not receive the alert; null otherwise. Acknowledge it with acknowledgeAlertEscalation",
  })
  async myEscalation(
    @Parent() alert: AlertModel,
    @CurrentActor() actor: Actor,
    @Context() context: RequestContext,
  ) {
    const units = await this.access.unitsIn(context, actor);
    const received = new Set(
      (await this.reader.deliveriesOf(context, alert.id)).map((d) => d.unitId),
    );
    const mine = (await this.reader.escalationsOf(context, alert.id)).filter(
      (e) => units.includes(e.unitId) && !received.has(e.unitId),
    );
    return mine.find((e) => e.unitId === actor.unitId) ?? mine[0] ?? null;
  }
}

@Resolver(() => AlertEscalationModel)
export class AlertEscalationFieldsResolver {
  constructor(private readonly reader: AlertReader) {}

  @ResolveField(() => AlertModel, { description: 'Checked again for the caller' })
  async alert(
    @Parent() escalation: AlertEscalationModel,
    @CurrentActor() actor: Actor,
    @Context() context: RequestContext,
  ) {
    const found = await this.reader.visible(context, actor, escalation.alertId);
    if (!found) throw notFound('Alert');
    return found;
  }

  @ResolveField(() => UnitModel)
  unit(@Parent() escalation: AlertEscalationModel, @Context() context: RequestContext) {
    return loadUnit(context, escalation.unitId);
  }

  @ResolveField(() => OfficerModel, { nullable: true })
  acknowledgedBy(@Parent() escalation: AlertEscalationModel, @Context() context: RequestContext) {
    return escalation.acknowledgedById ? loadOfficer(context, escalation.acknowledgedById) : null;
  }
}

@Resolver(() => AlertDeliveryModel)
export class AlertDeliveryFieldsResolver {
  constructor(private readonly reader: AlertReader) {}

  @ResolveField(() => AlertModel, { description: 'Checked again for the caller' })
  async alert(
    @Parent() delivery: AlertDeliveryModel,
    @CurrentActor() actor: Actor,
    @Context() context: RequestContext,
  ) {
    const found = await this.reader.visible(context, actor, delivery.alertId);
    if (!found) throw notFound('Alert');
    return found;
  }

  @ResolveField(() => UnitModel)
  unit(@Parent() delivery: AlertDeliveryModel, @Context() context: RequestContext) {
    return loadUnit(context, delivery.unitId);
  }

  @ResolveField(() => OfficerModel, { nullable: true })
  acknowledgedBy(@Parent() delivery: AlertDeliveryModel, @Context() context: RequestContext) {
    return delivery.acknowledgedById ? loadOfficer(context, delivery.acknowledgedById) : null;
  }
}

/** HandoffEvent.alert: the alert an entry names, as the caller may see it (null otherwise). */
@Resolver(() => HandoffEventModel)
export class HandoffEventAlertResolver {
  constructor(private readonly reader: AlertReader) {}

  @ResolveField(() => AlertModel, {
    nullable: true,
    description: 'The alert the entry is about; null when none or when the caller may not see it',
  })
  alert(
    @Parent() event: HandoffEventModel,
    @CurrentActor() actor: Actor,
    @Context() context: RequestContext,
  ) {
    return event.alertId ? this.reader.visible(context, actor, event.alertId) : null;
  }
}

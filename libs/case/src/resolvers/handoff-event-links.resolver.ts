import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { RequestContext } from '@simpul/common';
import { loadUnit, UnitModel } from '@simpul/agency';
import { CurrentActor, loadOfficer, OfficerModel, type Actor } from '@simpul/identity';
import { HandoffEventModel } from '@simpul/ledger';
import { CaseLoader } from '../case.loader';
import { CaseModel } from '../models/case.model';

/**
 * HandoffEvent's links to cases, officers and units. Events reach a client already filtered by
 * the need-to-know rules (an event the caller may only know exists carries no note and no actor);
 * the case is checked again here all the same.
 */
@Resolver(() => HandoffEventModel)
export class HandoffEventLinksResolver {
  constructor(private readonly cases: CaseLoader) {}

  @ResolveField('case', () => CaseModel, {
    nullable: true,
    description: 'null when the entry concerns no case, or one the caller may not see',
  })
  caseOf(
    @Parent() event: HandoffEventModel,
    @CurrentActor() actor: Actor,
    @Context() context: RequestContext,
  ) {
    return event.caseId ? this.cases.visible(context, actor, event.caseId) : null;
  }

  @ResolveField(() => OfficerModel, {
    nullable: true,
    description:
      'null for events the system did (delivery, escalation), and for events of a referral whose content the caller may not see',
  })
  actor(@Parent() event: HandoffEventModel, @Context() context: RequestContext) {
    return event.actorId ? loadOfficer(context, event.actorId) : null;
  }

  @ResolveField(() => UnitModel, { nullable: true })
  fromUnit(@Parent() event: HandoffEventModel, @Context() context: RequestContext) {
    return event.fromUnitId ? loadUnit(context, event.fromUnitId) : null;
  }

  @ResolveField(() => UnitModel, { nullable: true })
  toUnit(@Parent() event: HandoffEventModel, @Context() context: RequestContext) {
    return event.toUnitId ? loadUnit(context, event.toUnitId) : null;
  }
}

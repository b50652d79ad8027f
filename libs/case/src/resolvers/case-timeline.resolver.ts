import { SignedIn } from '@simpul/common';
import { Args, Context, ID, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { RequestContext } from '@simpul/common';
import { loadUnit, UnitModel } from '@simpul/agency';
import { CurrentActor, loadOfficer, OfficerModel, type Actor } from '@simpul/identity';
import { HandoffEventModel, LedgerReader } from '@simpul/ledger';
import { CaseAccess } from '../case-access';
import { CaseLoader } from '../case.loader';
import { CaseModel } from '../models/case.model';

/** Handoff timelines: the ledger entries of one case, in ledger order. */
@SignedIn()
@Resolver(() => CaseModel)
export class CaseTimelineResolver {
  constructor(
    private readonly access: CaseAccess,
    private readonly ledger: LedgerReader,
  ) {}

  @Query(() => [HandoffEventModel])
  async handoffTimeline(
    @CurrentActor() actor: Actor,
    @Args('caseId', { type: () => ID }) caseId: string,
  ) {
    await this.access.readableCase(actor, caseId);
    return this.timelineOf(caseId);
  }

  @ResolveField(() => [HandoffEventModel])
  timeline(@Parent() parent: CaseModel) {
    return this.timelineOf(parent.id);
  }

  private async timelineOf(caseId: string): Promise<HandoffEventModel[]> {
    return this.ledger.toEvents(await this.ledger.byCase(caseId));
  }
}

/**
 * HandoffEvent's links to cases, officers and units. An event is reached only through a case or
 * referral the caller may see, or as one of its unit's events.
 */
@Resolver(() => HandoffEventModel)
export class HandoffEventLinksResolver {
  constructor(private readonly cases: CaseLoader) {}

  @ResolveField('case', () => CaseModel, { nullable: true })
  caseOf(@Parent() event: HandoffEventModel, @Context() context: RequestContext) {
    return event.caseId ? this.cases.load(context, event.caseId) : null;
  }

  @ResolveField(() => OfficerModel, {
    nullable: true,
    description: 'null for events the system did (delivery, escalation)',
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

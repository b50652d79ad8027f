import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { RequestContext } from '@simpul/common';
import { AgencyModel, UnitLoader } from '@simpul/agency';
import { CaseLoader, CaseModel } from '@simpul/case';
import { CurrentActor, type Actor } from '@simpul/identity';
import { ReferralLoader, ReferralModel } from '@simpul/referral';
import { AgencyHandoffStatsModel } from '../models/agency-handoff-stats.model';
import { PingPongCaseModel } from '../models/ping-pong-case.model';
import { UnitHoldingModel } from '../models/unit-holding.model';

@Resolver(() => AgencyHandoffStatsModel)
export class AgencyHandoffStatsResolver {
  constructor(private readonly units: UnitLoader) {}

  @ResolveField(() => AgencyModel)
  agency(@Parent() parent: AgencyHandoffStatsModel, @Context() context: RequestContext) {
    return this.units.loadAgency(context, parent.agencyId);
  }
}

/** UnitHolding.referral: checked for the caller again (ReferralLoader), whatever led to it. */
@Resolver(() => UnitHoldingModel)
export class UnitHoldingReferralResolver {
  constructor(private readonly referrals: ReferralLoader) {}

  @ResolveField(() => ReferralModel, {
    nullable: true,
    description: 'The referral as it is now, as the caller may see it (null when it may not)',
  })
  referral(
    @Parent() parent: UnitHoldingModel,
    @CurrentActor() actor: Actor,
    @Context() context: RequestContext,
  ) {
    return this.referrals.load(context, actor, parent.referralId);
  }
}

/** PingPongCase.case: only for a caller who may see the case (CaseLoader); a task force is often not a party. */
@Resolver(() => PingPongCaseModel)
export class PingPongCaseLinkResolver {
  constructor(private readonly cases: CaseLoader) {}

  @ResolveField(() => CaseModel, {
    nullable: true,
    description: 'The case, for a caller who may see it (auditors, its parties); null otherwise',
  })
  case(
    @Parent() parent: PingPongCaseModel,
    @CurrentActor() actor: Actor,
    @Context() context: RequestContext,
  ) {
    return this.cases.visible(context, actor, parent.caseId);
  }
}

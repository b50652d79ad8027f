import { Args, Context, Int, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { RequestContext } from '@simpul/common';
import { loadUnit, UnitModel } from '@simpul/agency';
import { CurrentActor, Role, Roles, type Actor } from '@simpul/identity';
import { OverdueReader } from '../escalation/overdue.reader';
import {
  OverdueReferralConnectionModel,
  OverdueReferralModel,
} from '../models/overdue-referral.model';
import { ReferralModel } from '../models/referral.model';
import { ReferralLoader } from '../referral.loader';

/** `overdue`: what escalation reaches, as a list for those it reaches. */
@Resolver(() => OverdueReferralModel)
export class OverdueResolver {
  constructor(
    private readonly reader: OverdueReader,
    private readonly referrals: ReferralLoader,
  ) {}

  @Roles(Role.SUPERVISOR, Role.AUDITOR)
  @Query(() => OverdueReferralConnectionModel, {
    description:
      "Referrals still waiting past a deadline, the longest overdue first: a SUPERVISOR's agency's; for Gugus Tugas supervisors also their province's (all for GT-PUSAT), confidential ones excepted; all for AUDITOR",
  })
  async overdue(
    @CurrentActor() actor: Actor,
    @Args('first', { type: () => Int, nullable: true }) first?: number | null,
    @Args('after', { type: () => String, nullable: true }) after?: string | null,
  ): Promise<OverdueReferralConnectionModel> {
    const page = await this.reader.page(actor, first, after);
    return {
      edges: page.items,
      pageInfo: { hasNextPage: page.hasNextPage, endCursor: page.items.at(-1)?.cursor ?? null },
      totalCount: page.totalCount,
    };
  }

  @ResolveField(() => UnitModel)
  fromUnit(@Parent() overdue: OverdueReferralModel, @Context() context: RequestContext) {
    return loadUnit(context, overdue.fromUnitId);
  }

  @ResolveField(() => UnitModel)
  toUnit(@Parent() overdue: OverdueReferralModel, @Context() context: RequestContext) {
    return loadUnit(context, overdue.toUnitId);
  }

  @ResolveField(() => ReferralModel, {
    nullable: true,
    description:
      'The referral, as the caller may see it; null when it may not (a Gugus Tugas that is no party of the case)',
  })
  referral(
    @Parent() overdue: OverdueReferralModel,
    @CurrentActor() actor: Actor,
    @Context() context: RequestContext,
  ) {
    return this.referrals.load(context, actor, overdue.id);
  }
}

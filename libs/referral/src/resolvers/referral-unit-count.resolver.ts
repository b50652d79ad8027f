import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { RequestContext } from '@simpul/common';
import { loadUnit, UnitModel } from '@simpul/agency';
import { ReferralUnitCountModel } from '../models/referral-status-count.model';

/** The unit of a referralQueueUnitCounts row, read through the request's unit loader. */
@Resolver(() => ReferralUnitCountModel)
export class ReferralUnitCountResolver {
  @ResolveField(() => UnitModel)
  unit(@Parent() row: ReferralUnitCountModel, @Context() context: RequestContext) {
    return loadUnit(context, row.unitId);
  }
}

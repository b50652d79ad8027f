import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { RequestContext } from '@simpul/common';
import { CaseModel, PersonAccessModel } from '@simpul/case';
import { HandoffEventModel } from '@simpul/ledger';
import { toReferralModel } from '../models/referral.mapper';
import { ReferralLoader } from '../referral.loader';
import { ReferralModel } from '../models/referral.model';
import { ReferralReader } from '../referral.reader';

/** Case.referrals: a party of the case sees all of its referrals. */
@Resolver(() => CaseModel)
export class CaseReferralsResolver {
  constructor(private readonly reader: ReferralReader) {}

  @ResolveField(() => [ReferralModel])
  async referrals(@Parent() parent: CaseModel): Promise<ReferralModel[]> {
    return (await this.reader.byCase(parent.id)).map(toReferralModel);
  }
}

/** HandoffEvent.referral: the event was reached through its case or referral, or a unit event. */
@Resolver(() => HandoffEventModel)
export class HandoffEventReferralResolver {
  constructor(private readonly referrals: ReferralLoader) {}

  @ResolveField(() => ReferralModel, { nullable: true })
  referral(@Parent() event: HandoffEventModel, @Context() context: RequestContext) {
    return event.referralId ? this.referrals.load(context, event.referralId) : null;
  }
}

/** PersonAccess.referral: the referral through which identity was disclosed, if any. */
@Resolver(() => PersonAccessModel)
export class PersonAccessReferralResolver {
  constructor(private readonly referrals: ReferralLoader) {}

  @ResolveField(() => ReferralModel, { nullable: true })
  referral(@Parent() access: PersonAccessModel, @Context() context: RequestContext) {
    return access.referralId ? this.referrals.load(context, access.referralId) : null;
  }
}

import { Context, Info, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import type { RequestContext } from '@simpul/common';
import { CaseModel, PersonAccessModel } from '@simpul/case';
import { CurrentActor, type Actor } from '@simpul/identity';
import { HandoffEventModel } from '@simpul/ledger';
import { liveReferralOf, selectsStoredText } from '../live/live-referral';
import { ReferralLoader } from '../referral.loader';
import { ReferralModel } from '../models/referral.model';
import { ReferralReader } from '../referral.reader';
import { ReferralViews } from '../referral-views';

/**
 * Case.referrals: the referrals of the case as the caller may see them — in full for their sides,
 * the lead unit, their supervisors and auditors; restricted for the other parties; confidential
 * ones not at all (docs/access-model.md).
 */
@Resolver(() => CaseModel)
export class CaseReferralsResolver {
  constructor(
    private readonly reader: ReferralReader,
    private readonly views: ReferralViews,
  ) {}

  @ResolveField(() => [ReferralModel], {
    description:
      'The referrals the caller may see: confidential ones only for their sides, the lead unit, their supervisors and auditors; others restricted for the remaining parties',
  })
  async referrals(
    @Parent() parent: CaseModel,
    @CurrentActor() actor: Actor,
    @Context() context: RequestContext,
  ): Promise<ReferralModel[]> {
    return this.views.modelsIn(context, actor, await this.reader.byCase(parent.id));
  }
}

/**
 * HandoffEvent.referral: checked for the caller again, whatever path led to the event. A live
 * event carries its referral (without stored text): answered from it when the selection allows.
 */
@Resolver(() => HandoffEventModel)
export class HandoffEventReferralResolver {
  constructor(private readonly referrals: ReferralLoader) {}

  @ResolveField(() => ReferralModel, {
    nullable: true,
    description: 'null when the entry concerns no referral, or one the caller may not see',
  })
  referral(
    @Parent() event: HandoffEventModel,
    @CurrentActor() actor: Actor,
    @Context() context: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    if (!event.referralId) return null;
    const live = liveReferralOf(event.attached);
    if (live?.id === event.referralId && !selectsStoredText(info)) {
      return this.referrals.fromLive(context, actor, live);
    }
    return this.referrals.load(context, actor, event.referralId);
  }
}

/**
 * PersonAccess.referral: the referral through which identity was disclosed — null for a reader of
 * the log who may not see that referral (ADMIN sees the log rows, never case content).
 */
@Resolver(() => PersonAccessModel)
export class PersonAccessReferralResolver {
  constructor(private readonly referrals: ReferralLoader) {}

  @ResolveField(() => ReferralModel, {
    nullable: true,
    description:
      'The referral through which identity was disclosed; null for basis LEAD_UNIT and for callers who may not see that referral',
  })
  referral(
    @Parent() access: PersonAccessModel,
    @CurrentActor() actor: Actor,
    @Context() context: RequestContext,
  ) {
    return access.referralId ? this.referrals.load(context, actor, access.referralId) : null;
  }
}

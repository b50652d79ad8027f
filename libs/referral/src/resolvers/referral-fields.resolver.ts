import { Inject } from '@nestjs/common';
import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { CLOCK, type Clock } from '@simpul/config';
import type { RequestContext } from '@simpul/common';
import { loadUnit, UnitModel } from '@simpul/agency';
import { CaseLoader, CaseModel } from '@simpul/case';
import { CurrentActor, loadOfficer, OfficerModel, type Actor } from '@simpul/identity';
import { HandoffEventModel, LedgerReader } from '@simpul/ledger';
import { computeSla, SlaState } from '@simpul/sla';
import { isOverdue } from '../escalation/overdue';
import { ReferralModel } from '../models/referral.model';
import { ReferralLoader } from '../referral.loader';
import { ReferralViews } from '../referral-views';

/**
 * Referral's links. Each linked case or referral is checked for the caller again (CaseLoader,
 * ReferralLoader), and the events follow the caller's view of this referral.
 */
@Resolver(() => ReferralModel)
export class ReferralFieldsResolver {
  constructor(
    private readonly cases: CaseLoader,
    private readonly referrals: ReferralLoader,
    private readonly ledger: LedgerReader,
    private readonly views: ReferralViews,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @ResolveField('case', () => CaseModel)
  caseOf(
    @Parent() referral: ReferralModel,
    @CurrentActor() actor: Actor,
    @Context() context: RequestContext,
  ) {
    return this.cases.load(context, actor, referral.caseId);
  }

  @ResolveField(() => UnitModel)
  fromUnit(@Parent() referral: ReferralModel, @Context() context: RequestContext) {
    return loadUnit(context, referral.fromUnitId);
  }

  @ResolveField(() => UnitModel)
  toUnit(@Parent() referral: ReferralModel, @Context() context: RequestContext) {
    return loadUnit(context, referral.toUnitId);
  }

  @ResolveField(() => OfficerModel, {
    description:
      'The officer who sent it: the contact for coordination, shown to every caller who sees the referral',
  })
  sentBy(@Parent() referral: ReferralModel, @Context() context: RequestContext) {
    return loadOfficer(context, referral.sentById);
  }

  @ResolveField(() => OfficerModel, {
    nullable: true,
    description:
      'null until accepted, and for callers who may only know the referral exists (restricted)',
  })
  acceptedBy(@Parent() referral: ReferralModel, @Context() context: RequestContext) {
    return referral.acceptedById ? loadOfficer(context, referral.acceptedById) : null;
  }

  /** Computed when read, from timestamps: no job has to keep it up to date. */
  @ResolveField(() => SlaState)
  sla(@Parent() referral: ReferralModel): SlaState {
    return computeSla(referral, this.clock.now());
  }

  @ResolveField(() => Boolean, {
    description:
      'Still waiting on a deadline (acknowledge while REQUESTED, accept while REQUESTED or RECEIVED) that has passed: what escalates',
  })
  overdue(@Parent() referral: ReferralModel): boolean {
    return isOverdue(referral, this.clock.now());
  }

  @ResolveField(() => ReferralModel, {
    nullable: true,
    description: 'The referral this one was redirected from; null when the caller may not see it',
  })
  redirectedFrom(
    @Parent() referral: ReferralModel,
    @CurrentActor() actor: Actor,
    @Context() context: RequestContext,
  ) {
    return referral.redirectedFromId
      ? this.referrals.load(context, actor, referral.redirectedFromId)
      : null;
  }

  @ResolveField(() => ReferralModel, {
    nullable: true,
    description: 'The referral this one was redirected to; null when the caller may not see it',
  })
  redirectedTo(
    @Parent() referral: ReferralModel,
    @CurrentActor() actor: Actor,
    @Context() context: RequestContext,
  ) {
    return referral.redirectedToId
      ? this.referrals.load(context, actor, referral.redirectedToId)
      : null;
  }

  @ResolveField(() => [HandoffEventModel], {
    description: 'Its ledger entries; without notes and actors for a restricted caller',
  })
  async events(@Parent() referral: ReferralModel): Promise<HandoffEventModel[]> {
    return this.views.eventsOfReferral(referral.view, await this.ledger.byReferral(referral.id));
  }
}

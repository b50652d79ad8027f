import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { RequestContext } from '@simpul/common';
import { loadUnit, UnitModel } from '@simpul/agency';
import { CaseLoader, CaseModel } from '@simpul/case';
import { loadOfficer, OfficerModel } from '@simpul/identity';
import { HandoffEventModel, LedgerReader } from '@simpul/ledger';
import { computeSla, SlaState } from '@simpul/sla';
import { ReferralModel } from '../models/referral.model';
import { ReferralLoader } from '../referral.loader';

@Resolver(() => ReferralModel)
export class ReferralFieldsResolver {
  constructor(
    private readonly cases: CaseLoader,
    private readonly referrals: ReferralLoader,
    private readonly ledger: LedgerReader,
  ) {}

  @ResolveField('case', () => CaseModel)
  caseOf(@Parent() referral: ReferralModel, @Context() context: RequestContext) {
    return this.cases.load(context, referral.caseId);
  }

  @ResolveField(() => UnitModel)
  fromUnit(@Parent() referral: ReferralModel, @Context() context: RequestContext) {
    return loadUnit(context, referral.fromUnitId);
  }

  @ResolveField(() => UnitModel)
  toUnit(@Parent() referral: ReferralModel, @Context() context: RequestContext) {
    return loadUnit(context, referral.toUnitId);
  }

  @ResolveField(() => OfficerModel)
  sentBy(@Parent() referral: ReferralModel, @Context() context: RequestContext) {
    return loadOfficer(context, referral.sentById);
  }

  @ResolveField(() => OfficerModel, { nullable: true })
  acceptedBy(@Parent() referral: ReferralModel, @Context() context: RequestContext) {
    return referral.acceptedById ? loadOfficer(context, referral.acceptedById) : null;
  }

  /** Computed when read, from timestamps: no job has to keep it up to date. */
  @ResolveField(() => SlaState)
  sla(@Parent() referral: ReferralModel): SlaState {
    return computeSla(referral, new Date());
  }

  @ResolveField(() => ReferralModel, { nullable: true })
  redirectedFrom(@Parent() referral: ReferralModel, @Context() context: RequestContext) {
    return referral.redirectedFromId
      ? this.referrals.load(context, referral.redirectedFromId)
      : null;
  }

  @ResolveField(() => ReferralModel, { nullable: true })
  redirectedTo(@Parent() referral: ReferralModel, @Context() context: RequestContext) {
    return referral.redirectedToId ? this.referrals.load(context, referral.redirectedToId) : null;
  }

  @ResolveField(() => [HandoffEventModel])
  async events(@Parent() referral: ReferralModel): Promise<HandoffEventModel[]> {
    return this.ledger.toEvents(await this.ledger.byReferral(referral.id));
  }
}

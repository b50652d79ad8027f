import { Args, Context, ID, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { SignedIn, type RequestContext } from '@simpul/common';
import { CaseAccess, CaseModel } from '@simpul/case';
import { CurrentActor, type Actor } from '@simpul/identity';
import { HandoffEventModel, LedgerReader } from '@simpul/ledger';
import { ReferralReader } from '../referral.reader';
import { ReferralViews } from '../referral-views';

const TIMELINE =
  "The case's ledger entries in ledger order, as the caller may see them: nothing of a referral it may not see, no note and no actor for one it may only know exists";

/**
 * Handoff timelines: the ledger entries of one case, filtered per referral by the need-to-know
 * rules. Here rather than in the case lib because the rule depends on the referrals.
 */
@SignedIn()
@Resolver(() => CaseModel)
export class CaseTimelineResolver {
  constructor(
    private readonly access: CaseAccess,
    private readonly ledger: LedgerReader,
    private readonly referrals: ReferralReader,
    private readonly views: ReferralViews,
  ) {}

  @Query(() => [HandoffEventModel], { description: TIMELINE })
  async handoffTimeline(
    @CurrentActor() actor: Actor,
    @Context() context: RequestContext,
    @Args('caseId', { type: () => ID }) caseId: string,
  ) {
    await this.access.readableCase(actor, caseId);
    return this.timelineOf(context, actor, caseId);
  }

  @ResolveField(() => [HandoffEventModel], { description: TIMELINE })
  async timeline(
    @Parent() parent: CaseModel,
    @CurrentActor() actor: Actor,
    @Context() context: RequestContext,
  ) {
    // Checked again: a Case object must not carry its timeline to a caller who may not see it.
    const standing = await this.access.standingIn(context, actor, parent.id);
    return standing?.visible ? this.timelineOf(context, actor, parent.id) : [];
  }

  private async timelineOf(
    context: RequestContext,
    actor: Actor,
    caseId: string,
  ): Promise<HandoffEventModel[]> {
    return this.views.eventsIn(context, actor, await this.ledger.byCase(caseId), (ids) =>
      this.referrals.sidesByIds(ids),
    );
  }
}

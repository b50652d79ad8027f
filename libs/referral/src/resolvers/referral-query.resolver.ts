import { SignedIn, type RequestContext } from '@simpul/common';
import { Args, Context, ID, Int, Query, Resolver } from '@nestjs/graphql';
import { CurrentActor, type Actor } from '@simpul/identity';
import { ReferralQueueFilterInput } from '../dto/referral-queue-filter.input';
import { ReferralConnectionModel } from '../models/referral-connection.model';
import { ReferralQueue, ReferralStatusCountModel } from '../models/referral-status-count.model';
import { toReferralModel } from '../models/referral.mapper';
import { ReferralModel } from '../models/referral.model';
import { ReferralStatus } from '../referral-enums';
import { validQueueFilter } from '../referral-queue-filter';
import { ReferralReader, type Queue } from '../referral.reader';
import { ReferralViews } from '../referral-views';

@SignedIn()
@Resolver(() => ReferralModel)
export class ReferralQueryResolver {
  constructor(
    private readonly reader: ReferralReader,
    private readonly views: ReferralViews,
  ) {}

  @Query(() => ReferralConnectionModel, { description: "Referrals addressed to the caller's unit" })
  inbox(
    @CurrentActor() actor: Actor,
    @Context() context: RequestContext,
    @Args('status', { type: () => [ReferralStatus], nullable: true })
    status?: ReferralStatus[] | null,
    @Args('first', { type: () => Int, nullable: true }) first?: number | null,
    @Args('after', { type: () => String, nullable: true }) after?: string | null,
    @Args('filter', { type: () => ReferralQueueFilterInput, nullable: true })
    filter?: ReferralQueueFilterInput | null,
  ) {
    return this.page(context, actor, 'inbox', status, filter, first, after);
  }

  @Query(() => ReferralConnectionModel, { description: "Referrals the caller's unit sent" })
  sent(
    @CurrentActor() actor: Actor,
    @Context() context: RequestContext,
    @Args('status', { type: () => [ReferralStatus], nullable: true })
    status?: ReferralStatus[] | null,
    @Args('first', { type: () => Int, nullable: true }) first?: number | null,
    @Args('after', { type: () => String, nullable: true }) after?: string | null,
    @Args('filter', { type: () => ReferralQueueFilterInput, nullable: true })
    filter?: ReferralQueueFilterInput | null,
  ) {
    return this.page(context, actor, 'sent', status, filter, first, after);
  }

  @Query(() => [ReferralStatusCountModel], {
    description:
      'How many referrals of the inbox or the sent queue, narrowed by the filter, are in each status (statuses with none are left out)',
  })
  referralQueueCounts(
    @CurrentActor() actor: Actor,
    @Args('queue', { type: () => ReferralQueue }) queue: ReferralQueue,
    @Args('filter', { type: () => ReferralQueueFilterInput, nullable: true })
    filter?: ReferralQueueFilterInput | null,
  ) {
    return this.reader.statusCounts(
      actor,
      queue === ReferralQueue.INBOX ? 'inbox' : 'sent',
      validQueueFilter(filter),
    );
  }

  @Query(() => ReferralModel, {
    nullable: true,
    description:
      'NOT_FOUND for callers who may not see it (non-parties; other parties when it is confidential); restricted for the other parties of its case',
  })
  async referral(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }) id: string) {
    const { referral, view } = await this.reader.viewById(actor, id);
    return toReferralModel(referral, view);
  }

  private async page(
    context: RequestContext,
    actor: Actor,
    queue: Queue,
    status: ReferralStatus[] | null | undefined,
    filter: ReferralQueueFilterInput | null | undefined,
    first: number | null | undefined,
    after: string | null | undefined,
  ): Promise<ReferralConnectionModel> {
    const page = await this.reader.queue(
      actor,
      queue,
      status,
      validQueueFilter(filter),
      first,
      after,
    );
    // The caller's own unit is a side of each, so each shows in full: still asked, not assumed.
    const nodes = await this.views.orNullIn(
      context,
      actor,
      page.items.map((item) => item.entity),
    );
    return {
      edges: page.items.flatMap(({ cursor }, i) => {
        const node = nodes[i];
        return node ? [{ cursor, node }] : [];
      }),
      pageInfo: { hasNextPage: page.hasNextPage, endCursor: page.items.at(-1)?.cursor ?? null },
      totalCount: page.totalCount,
    };
  }
}

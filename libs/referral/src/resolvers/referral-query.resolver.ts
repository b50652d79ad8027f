import { SignedIn, type RequestContext } from '@simpul/common';
import { Args, Context, ID, Query, Resolver } from '@nestjs/graphql';
import { CurrentActor, type Actor } from '@simpul/identity';
import { ReferralQueueCountArgs, ReferralQueuePageArgs } from '../dto/referral-queue.args';
import { ReferralConnectionModel } from '../models/referral-connection.model';
import {
  ReferralQueue,
  ReferralStageCountModel,
  ReferralStatusCountModel,
  ReferralUnitCountModel,
} from '../models/referral-status-count.model';
import { toReferralModel } from '../models/referral.mapper';
import { ReferralModel } from '../models/referral.model';
import { validQueueFilter } from '../referral-queue-filter';
import { ReferralQueueOrder } from '../referral-queue-order';
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
    @Args() args: ReferralQueuePageArgs,
  ) {
    return this.page(context, actor, 'inbox', args);
  }

  @Query(() => ReferralConnectionModel, { description: "Referrals the caller's unit sent" })
  sent(
    @CurrentActor() actor: Actor,
    @Context() context: RequestContext,
    @Args() args: ReferralQueuePageArgs,
  ) {
    return this.page(context, actor, 'sent', args);
  }

  @Query(() => [ReferralStatusCountModel], {
    description:
      'How many referrals of the inbox or the sent queue, narrowed by the filter, are in each status (statuses with none are left out)',
  })
  referralQueueCounts(
    @CurrentActor() actor: Actor,
    @Args() { queue, filter }: ReferralQueueCountArgs,
  ) {
    return this.reader.statusCounts(actor, queueOf(queue), validQueueFilter(filter));
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

  @Query(() => [ReferralStageCountModel], {
    description:
      'How many referrals of the inbox or the sent queue, narrowed by the filter, are in each stage and status (pairs with none are left out; ON_HOLD counts under the stage it stands in)',
  })
  referralQueueStageCounts(
    @CurrentActor() actor: Actor,
    @Args() { queue, filter }: ReferralQueueCountArgs,
  ) {
    return this.reader.stageCounts(actor, queueOf(queue), validQueueFilter(filter));
  }

  @Query(() => [ReferralUnitCountModel], {
    description:
      'Per unit the caller acts for (a SUPERVISOR: every unit of its agency), its share of the inbox or the sent queue narrowed by the filter, over the whole queue: every such unit, with zeros when it has none',
  })
  referralQueueUnitCounts(
    @CurrentActor() actor: Actor,
    @Args() { queue, filter }: ReferralQueueCountArgs,
  ) {
    return this.reader.unitCounts(actor, queueOf(queue), validQueueFilter(filter));
  }

  private async page(
    context: RequestContext,
    actor: Actor,
    queue: Queue,
    { status, stage, filter, order, first, after }: ReferralQueuePageArgs,
  ): Promise<ReferralConnectionModel> {
    const page = await this.reader.queue(
      actor,
      queue,
      { status, stage, filter: validQueueFilter(filter) },
      order ?? ReferralQueueOrder.NEWEST_FIRST,
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

function queueOf(queue: ReferralQueue): Queue {
  return queue === ReferralQueue.INBOX ? 'inbox' : 'sent';
}

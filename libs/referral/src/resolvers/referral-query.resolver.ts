import { SignedIn, type RequestContext } from '@simpul/common';
import { Args, Context, ID, Int, Query, Resolver } from '@nestjs/graphql';
import { CurrentActor, type Actor } from '@simpul/identity';
import { ReferralQueueFilterInput } from '../dto/referral-queue-filter.input';
import { ReferralConnectionModel } from '../models/referral-connection.model';
import {
  ReferralQueue,
  ReferralStageCountModel,
  ReferralStatusCountModel,
  ReferralUnitCountModel,
} from '../models/referral-status-count.model';
import { toReferralModel } from '../models/referral.mapper';
import { ReferralModel } from '../models/referral.model';
import { ReferralStatus } from '../referral-enums';
import { validQueueFilter } from '../referral-queue-filter';
import { ReferralQueueOrder, ReferralStage } from '../referral-queue-order';
import { ReferralReader, type Queue } from '../referral.reader';
import { ReferralViews } from '../referral-views';

const ORDER_ARG = 'NEWEST_FIRST when absent';
const STAGE_ARG =
  'Only referrals in these stages (with `status`: in both); ON_HOLD before acceptance is AWAITING_DECISION';

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
    @Args('order', { type: () => ReferralQueueOrder, nullable: true, description: ORDER_ARG })
    order?: ReferralQueueOrder | null,
    @Args('stage', { type: () => [ReferralStage], nullable: true, description: STAGE_ARG })
    stage?: ReferralStage[] | null,
  ) {
    return this.page(context, actor, 'inbox', { status, stage, filter }, order, first, after);
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
    @Args('order', { type: () => ReferralQueueOrder, nullable: true, description: ORDER_ARG })
    order?: ReferralQueueOrder | null,
    @Args('stage', { type: () => [ReferralStage], nullable: true, description: STAGE_ARG })
    stage?: ReferralStage[] | null,
  ) {
    return this.page(context, actor, 'sent', { status, stage, filter }, order, first, after);
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
    @Args('queue', { type: () => ReferralQueue }) queue: ReferralQueue,
    @Args('filter', { type: () => ReferralQueueFilterInput, nullable: true })
    filter?: ReferralQueueFilterInput | null,
  ) {
    return this.reader.stageCounts(actor, queueOf(queue), validQueueFilter(filter));
  }

  @Query(() => [ReferralUnitCountModel], {
    description:
      'Per unit the caller acts for (a SUPERVISOR: every unit of its agency), its share of the inbox or the sent queue narrowed by the filter, over the whole queue: every such unit, with zeros when it has none',
  })
  referralQueueUnitCounts(
    @CurrentActor() actor: Actor,
    @Args('queue', { type: () => ReferralQueue }) queue: ReferralQueue,
    @Args('filter', { type: () => ReferralQueueFilterInput, nullable: true })
    filter?: ReferralQueueFilterInput | null,
  ) {
    return this.reader.unitCounts(actor, queueOf(queue), validQueueFilter(filter));
  }

  private async page(
    context: RequestContext,
    actor: Actor,
    queue: Queue,
    narrow: {
      status: ReferralStatus[] | null | undefined;
      stage: ReferralStage[] | null | undefined;
      filter: ReferralQueueFilterInput | null | undefined;
    },
    order: ReferralQueueOrder | null | undefined,
    first: number | null | undefined,
    after: string | null | undefined,
  ): Promise<ReferralConnectionModel> {
    const page = await this.reader.queue(
      actor,
      queue,
      { status: narrow.status, stage: narrow.stage, filter: validQueueFilter(narrow.filter) },
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

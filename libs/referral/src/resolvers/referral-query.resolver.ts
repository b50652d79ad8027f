import { SignedIn } from '@simpul/common';
import { Args, ID, Int, Query, Resolver } from '@nestjs/graphql';
import { CurrentActor, type Actor } from '@simpul/identity';
import { ReferralConnectionModel } from '../models/referral-connection.model';
import { toReferralModel } from '../models/referral.mapper';
import { ReferralModel } from '../models/referral.model';
import { ReferralStatus } from '../referral-enums';
import { ReferralReader, type Queue } from '../referral.reader';

@SignedIn()
@Resolver(() => ReferralModel)
export class ReferralQueryResolver {
  constructor(private readonly reader: ReferralReader) {}

  @Query(() => ReferralConnectionModel, { description: "Referrals addressed to the caller's unit" })
  inbox(
    @CurrentActor() actor: Actor,
    @Args('status', { type: () => [ReferralStatus], nullable: true })
    status?: ReferralStatus[] | null,
    @Args('first', { type: () => Int, nullable: true }) first?: number | null,
    @Args('after', { type: () => String, nullable: true }) after?: string | null,
  ) {
    return this.page(actor, 'inbox', status, first, after);
  }

  @Query(() => ReferralConnectionModel, { description: "Referrals the caller's unit sent" })
  sent(
    @CurrentActor() actor: Actor,
    @Args('status', { type: () => [ReferralStatus], nullable: true })
    status?: ReferralStatus[] | null,
    @Args('first', { type: () => Int, nullable: true }) first?: number | null,
    @Args('after', { type: () => String, nullable: true }) after?: string | null,
  ) {
    return this.page(actor, 'sent', status, first, after);
  }

  @Query(() => ReferralModel, { nullable: true })
  async referral(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }) id: string) {
    return toReferralModel(await this.reader.byId(actor, id));
  }

  private async page(
    actor: Actor,
    queue: Queue,
    status: ReferralStatus[] | null | undefined,
    first: number | null | undefined,
    after: string | null | undefined,
  ): Promise<ReferralConnectionModel> {
    const page = await this.reader.queue(actor, queue, status, first, after);
    return {
      edges: page.items.map(({ cursor, entity }) => ({ cursor, node: toReferralModel(entity) })),
      pageInfo: { hasNextPage: page.hasNextPage, endCursor: page.items.at(-1)?.cursor ?? null },
      totalCount: page.totalCount,
    };
  }
}

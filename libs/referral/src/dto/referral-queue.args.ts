import { ArgsType, Field, Int } from '@nestjs/graphql';
import { ReferralQueue } from '../models/referral-status-count.model';
import { ReferralStatus } from '../referral-enums';
import { ReferralQueueOrder, ReferralStage } from '../referral-queue-order';
import { ReferralQueueFilterInput } from './referral-queue-filter.input';
import '../models/referral-enums.registration';

/** The arguments of a queue's counts (referralQueueCounts, …StageCounts, …UnitCounts). */
@ArgsType()
export class ReferralQueueCountArgs {
  @Field(() => ReferralQueue)
  queue!: ReferralQueue;

  @Field(() => ReferralQueueFilterInput, { nullable: true })
  filter?: ReferralQueueFilterInput | null;
}

/** The arguments of a queue's page: `inbox` and `sent` take the same. */
@ArgsType()
export class ReferralQueuePageArgs {
  @Field(() => [ReferralStatus], { nullable: true })
  status?: ReferralStatus[] | null;

  @Field(() => Int, { nullable: true })
  first?: number | null;

  @Field(() => String, { nullable: true })
  after?: string | null;

  @Field(() => ReferralQueueFilterInput, { nullable: true })
  filter?: ReferralQueueFilterInput | null;

  @Field(() => ReferralQueueOrder, { nullable: true, description: 'NEWEST_FIRST when absent' })
  order?: ReferralQueueOrder | null;

  @Field(() => [ReferralStage], {
    nullable: true,
    description:
      'Only referrals in these stages (with `status`: in both); ON_HOLD before acceptance is AWAITING_DECISION',
  })
  stage?: ReferralStage[] | null;
}

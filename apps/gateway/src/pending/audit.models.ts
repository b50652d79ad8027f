import { Field, Float, Int, ObjectType } from '@nestjs/graphql';
import { AgencyModel } from '@simpul/agency';

/*
 * Contract types of the statistics capability. Its operations answer NOT_IMPLEMENTED until that
 * issue is built. (The ledger's checkpoint and proof types are in ../audit/audit-proof.models.ts.)
 */

@ObjectType('AgencyHandoffStats')
export class AgencyHandoffStatsModel {
  @Field(() => AgencyModel) agency: AgencyModel;
  @Field(() => Int) received: number;
  @Field(() => Int) accepted: number;
  @Field(() => Int) rejected: number;
  @Field(() => Int) breached: number;
  @Field(() => Float, {
    nullable: true,
    description: 'median minutes from sent to received / to accepted, null when none',
  })
  medianMinutesToReceive: number | null;
  @Field(() => Float, { nullable: true }) medianMinutesToAccept: number | null;
}

import { Field, Float, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('AgencyHandoffStats', {
  description:
    "One receiving agency's referrals sent in the period asked (AUDITOR: every province; a Gugus Tugas: its province's cases)",
})
export class AgencyHandoffStatsModel {
  /** Resolved by AgencyHandoffStatsResolver.agency. */
  agencyId: string;
  @Field(() => Int, { description: "Referrals sent to the agency's units" }) received: number;
  @Field(() => Int, { description: 'Of those, accepted (the handoff)' }) accepted: number;
  @Field(() => Int) rejected: number;
  @Field(() => Int, { description: 'Passed on to another unit (redirectReferral)' })
  redirected: number;
  @Field(() => Int, {
    description:
      'Missed the deadline running (acknowledge or accept), as Referral.sla decides BREACHED',
  })
  breached: number;
  @Field(() => Float, {
    nullable: true,
    description: 'median minutes from sent to received / to accepted, null when none',
  })
  medianMinutesToReceive: number | null;
  @Field(() => Float, { nullable: true }) medianMinutesToAccept: number | null;
}

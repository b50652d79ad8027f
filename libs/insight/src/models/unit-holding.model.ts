import { Field, ObjectType } from '@nestjs/graphql';
import { HandoffAction } from '@simpul/ledger';
import { ReferralStatus } from '@simpul/referral';

@ObjectType('UnitHolding', {
  description: 'A referral a unit held at the time asked, as replayed from the ledger',
})
export class UnitHoldingModel {
  /** Resolved by UnitHoldingResolver.referral, checked for the caller again. */
  referralId: string;
  // `referral` is UnitHoldingReferralResolver's field: checked for the caller again.
  @Field(() => ReferralStatus, { description: 'Its status at that time' }) status: ReferralStatus;
  @Field(() => Date, { description: 'When it reached the unit (its REFERRAL_SENT entry)' })
  since: Date;
  @Field({ description: 'The ledger entry that set that status, as a decimal string' })
  lastSeq: string;
  @Field(() => HandoffAction) lastAction: HandoffAction;
}

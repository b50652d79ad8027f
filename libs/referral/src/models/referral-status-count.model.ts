import { Field, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ReferralStatus } from '../referral-enums';
import './referral-enums.registration';

export enum ReferralQueue {
  INBOX = 'INBOX',
  SENT = 'SENT',
}

registerEnumType(ReferralQueue, {
  name: 'ReferralQueue',
  description: "INBOX: referrals addressed to the caller's units; SENT: those they sent",
});

@ObjectType('ReferralStatusCount')
export class ReferralStatusCountModel {
  @Field(() => ReferralStatus) status: ReferralStatus;
  @Field(() => Int) count: number;
}

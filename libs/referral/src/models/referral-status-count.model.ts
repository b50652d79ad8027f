import { Field, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { UnitModel } from '@simpul/agency';
import { ReferralStatus } from '../referral-enums';
import { ReferralStage } from '../referral-queue-order';
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

@ObjectType('ReferralStageCount')
export class ReferralStageCountModel {
  @Field(() => ReferralStage) stage: ReferralStage;
  @Field(() => ReferralStatus) status: ReferralStatus;
  @Field(() => Int) count: number;
}

@ObjectType('ReferralUnitCount', {
  description: "One unit's share of the inbox or the sent queue, over the whole filtered queue",
})
export class ReferralUnitCountModel {
  @Field(() => UnitModel, {
    description: 'The unit: the addressed one in the inbox, the sending one in sent',
  })
  unit?: UnitModel;
  unitId: string;
  @Field(() => Int) total: number;
  @Field(() => Int, { description: 'REQUESTED, RECEIVED, ACCEPTED, IN_PROGRESS or ON_HOLD' })
  open: number;
  @Field(() => Int, { description: 'Awaiting a decision past its deadline (SLA BREACHED)' })
  overdue: number;
  @Field(() => Int, { description: 'SLA AT_RISK: three quarters of the window gone' })
  atRisk: number;
}

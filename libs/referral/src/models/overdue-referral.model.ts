import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { PageInfoModel } from '@simpul/common';
import { Priority } from '@simpul/sla';
import { ReferralStatus } from '../referral-enums';
import './referral-enums.registration';

/** Which deadline an overdue referral missed. */
export enum OverdueDeadline {
  ACKNOWLEDGE = 'ACKNOWLEDGE',
  ACCEPT = 'ACCEPT',
}
registerEnumType(OverdueDeadline, {
  name: 'OverdueDeadline',
  description: 'acknowledgeBy while REQUESTED, acceptBy while RECEIVED',
});

/**
 * A referral still waiting past a deadline, as supervisors and Gugus Tugas see it in `overdue`:
 * codes, units and times only. The referral itself (`referral`) follows the caller's own right to
 * it: null for a Gugus Tugas that is no party of the case.
 */
@ObjectType('OverdueReferral')
export class OverdueReferralModel {
  @Field(() => ID, { description: "The referral's id" }) id: string;
  @Field() reference: string;
  @Field(() => ReferralStatus) status: ReferralStatus;
  @Field(() => Priority) priority: Priority;
  @Field() sentAt: Date;
  @Field(() => OverdueDeadline) deadline: OverdueDeadline;
  @Field({ description: 'The deadline that passed' }) dueAt: Date;
  @Field(() => Int) escalationLevel: number;
  fromUnitId: string;
  toUnitId: string;
}

@ObjectType('OverdueReferralEdge')
export class OverdueReferralEdgeModel {
  @Field() cursor: string;
  @Field(() => OverdueReferralModel) node: OverdueReferralModel;
}

@ObjectType('OverdueReferralConnection')
export class OverdueReferralConnectionModel {
  @Field(() => [OverdueReferralEdgeModel]) edges: OverdueReferralEdgeModel[];
  @Field(() => PageInfoModel) pageInfo: PageInfoModel;
  @Field(() => Int) totalCount: number;
}

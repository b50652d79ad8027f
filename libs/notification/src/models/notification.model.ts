import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { PageInfoModel } from '@simpul/common';
import { HandoffAction } from '@simpul/ledger';

/**
 * One thing an officer is told: the ledger action as its code, the reference of what it is about
 * and a link to it — never a summary, a note or a name. Opening the link goes through the usual
 * access rules.
 */
@ObjectType('Notification', {
  description: 'Something the signed-in officer is told about: a code, a reference and a link only',
})
export class NotificationModel {
  @Field(() => ID) id: string;

  @Field(() => HandoffAction, { description: 'The ledger action the notification is about' })
  action: HandoffAction;

  @Field(() => String, {
    description: 'Ledger position of the entry it is about (decimal string)',
  })
  seq: string;

  @Field(() => String, {
    nullable: true,
    description: 'Reference of the referral or alert (e.g. RUJ-2026-000123)',
  })
  reference: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Code of the unit the notification reached the officer through',
  })
  unitCode: string | null;

  @Field(() => ID, { nullable: true }) referralId: string | null;
  @Field(() => ID, { nullable: true }) alertId: string | null;
  @Field(() => ID, { nullable: true }) caseId: string | null;

  @Field(() => Int, { nullable: true, description: 'For escalations: the level reached' })
  escalationLevel: number | null;

  @Field({ description: 'Absolute link to the console screen of what it is about' })
  link: string;

  @Field(() => Date) createdAt: Date;
  @Field(() => Date, { nullable: true }) readAt: Date | null;
}

@ObjectType('NotificationEdge')
export class NotificationEdgeModel {
  @Field() cursor: string;
  @Field(() => NotificationModel) node: NotificationModel;
}

@ObjectType('NotificationConnection')
export class NotificationConnectionModel {
  @Field(() => [NotificationEdgeModel]) edges: NotificationEdgeModel[];
  @Field(() => PageInfoModel) pageInfo: PageInfoModel;
  @Field(() => Int) totalCount: number;
}

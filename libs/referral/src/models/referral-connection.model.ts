import { Field, Int, ObjectType } from '@nestjs/graphql';
import { PageInfoModel } from '@simpul/common';
import { ReferralModel } from './referral.model';

@ObjectType('ReferralEdge')
export class ReferralEdgeModel {
  @Field() cursor: string;
  @Field(() => ReferralModel) node: ReferralModel;
}

@ObjectType('ReferralConnection')
export class ReferralConnectionModel {
  @Field(() => [ReferralEdgeModel]) edges: ReferralEdgeModel[];
  @Field(() => PageInfoModel) pageInfo: PageInfoModel;
  @Field(() => Int) totalCount: number;
}

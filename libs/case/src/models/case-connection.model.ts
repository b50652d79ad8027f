import { Field, Int, ObjectType } from '@nestjs/graphql';
import { PageInfoModel } from '@simpul/common';
import { CaseModel } from './case.model';

@ObjectType('CaseEdge')
export class CaseEdgeModel {
  @Field() cursor: string;
  @Field(() => CaseModel) node: CaseModel;
}

@ObjectType('CaseConnection')
export class CaseConnectionModel {
  @Field(() => [CaseEdgeModel]) edges: CaseEdgeModel[];
  @Field(() => PageInfoModel) pageInfo: PageInfoModel;
  @Field(() => Int) totalCount: number;
}

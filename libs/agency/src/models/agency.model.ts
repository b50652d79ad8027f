import { Field, ID, ObjectType } from '@nestjs/graphql';
import type { Relation } from '@simpul/common';
import { AgencyKind } from '../agency-kind';
import { UnitModel } from './unit.model';
import './agency-kind.registration';

/** Agency (instansi) as the API shows it; `units` is resolved per request by a loader. */
@ObjectType('Agency')
export class AgencyModel {
  @Field(() => ID) id: string;
  @Field() code: string;
  @Field() name: string;
  @Field(() => AgencyKind) kind: AgencyKind;
  @Field(() => [UnitModel]) units?: Relation<UnitModel[]>;
}

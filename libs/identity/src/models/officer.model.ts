import { Field, ID, ObjectType } from '@nestjs/graphql';
import { UnitModel } from '@simpul/agency';
import type { Relation } from '@simpul/common';
import { Role } from '../role';
import './role.registration';

/** Officer (petugas) as the API shows it; `unit` is resolved per request by the agency loader. */
@ObjectType('Officer')
export class OfficerModel {
  @Field(() => ID) id: string;
  @Field() username: string;
  @Field() displayName: string;
  @Field(() => [Role]) roles: Role[];
  @Field(() => UnitModel) unit?: Relation<UnitModel>;
  @Field({ description: 'false once an admin deactivated the officer: no sign-in, no tokens' })
  active: boolean;

  /** Not a GraphQL field: the key the `unit` field resolver loads by. */
  unitId: string;
}

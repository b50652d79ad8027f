import { Field, ID, ObjectType } from '@nestjs/graphql';
import type { PersonIdentity } from '@simpul/privacy';
import { Sex } from '../case-enums';
import type { IdentityGrant } from '../identity-access';
import './case-enums.registration';

/**
 * A person as the API shows it. The identity fields (fullName, nationalId, passportNumber,
 * birthDate, phone) are field resolvers (PersonIdentityResolver) so that each disclosed field is
 * logged; `identity` is set only when the caller has a grant.
 */
@ObjectType('Person')
export class PersonModel {
  @Field(() => ID) id: string;
  @Field({ description: "Pseudonymous label safe to show everywhere (e.g. 'Korban 1')" })
  label: string;
  @Field(() => Sex) sex: Sex;
  @Field() isChild: boolean;

  caseId: string;
  identity: PersonIdentity | null;
  grant: IdentityGrant | null;
}

import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Sex } from '../case-enums';
import './case-enums.registration';

@ObjectType('Person')
export class PersonModel {
  @Field(() => ID) id: string;
  @Field({ description: "Pseudonymous label safe to show everywhere (e.g. 'Korban 1')" })
  label: string;
  @Field(() => String, {
    nullable: true,
    description:
      'Identity fields are null unless the caller may see them (case party with need-to-know)',
  })
  fullName: string | null;
  @Field(() => String, { nullable: true }) nationalId: string | null;
  @Field(() => String, { nullable: true }) passportNumber: string | null;
  @Field(() => String, { nullable: true }) birthDate: string | null;
  @Field(() => Sex) sex: Sex;
  @Field(() => String, { nullable: true }) phone: string | null;
  @Field() isChild: boolean;
}

import { Field, InputType } from '@nestjs/graphql';
import { Sex } from '../case-enums';
import '../models/case-enums.registration';

/** A correction (UU 27/2022 right to correction): omitted fields stay, null clears an optional one. */
@InputType('UpdatePersonInput')
export class UpdatePersonInput {
  @Field(() => String, { nullable: true }) fullName?: string | null;
  @Field(() => Sex, { nullable: true }) sex?: Sex | null;
  @Field(() => String, { nullable: true }) birthDate?: string | null;
  @Field(() => String, { nullable: true }) nationalId?: string | null;
  @Field(() => String, { nullable: true }) passportNumber?: string | null;
  @Field(() => String, { nullable: true }) phone?: string | null;
  @Field(() => Boolean, { nullable: true }) isChild?: boolean | null;
}

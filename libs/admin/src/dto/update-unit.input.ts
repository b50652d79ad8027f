import { Field, InputType } from '@nestjs/graphql';

@InputType('UpdateUnitInput', {
  description:
    'Absent fields stay as they are; null clears regionCode or countryCode (name and timeZone cannot be cleared); the code and agency of a unit never change',
})
export class UpdateUnitInput {
  @Field(() => String, { nullable: true }) name?: string | null;

  @Field(() => String, { nullable: true }) regionCode?: string | null;

  @Field(() => String, { nullable: true }) countryCode?: string | null;

  @Field(() => String, { nullable: true }) timeZone?: string | null;
}

import { Field, ID, InputType } from '@nestjs/graphql';
import { Role } from '@simpul/identity';

@InputType('CreateOfficerInput')
export class CreateOfficerInput {
  @Field({
    description:
      "Unique sign-in name, lowercase (letters, digits, '.', '_', '-', '@'); the SSO username claim maps to it",
  })
  username: string;

  @Field() displayName: string;

  @Field(() => [Role]) roles: Role[];

  @Field(() => ID) unitId: string;

  @Field({ description: 'Initial password, at least 12 characters' })
  password: string;
}

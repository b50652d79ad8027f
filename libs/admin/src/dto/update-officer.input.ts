import { Field, ID, InputType } from '@nestjs/graphql';
import { Role } from '@simpul/identity';

@InputType('UpdateOfficerInput', {
  description:
    'Absent fields stay as they are; none can be cleared; the username never changes (SSO maps to it)',
})
export class UpdateOfficerInput {
  @Field(() => String, { nullable: true }) displayName?: string | null;

  @Field(() => [Role], { nullable: true }) roles?: Role[] | null;

  @Field(() => ID, { nullable: true }) unitId?: string | null;
}

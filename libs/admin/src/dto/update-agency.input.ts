import { Field, InputType } from '@nestjs/graphql';
import { AgencyKind } from '@simpul/agency';

/** The code never changes: agency systems, reference data and tests match on it. */
@InputType('UpdateAgencyInput', {
  description:
    'Absent fields stay as they are; name and kind cannot be cleared; the code of an agency never changes',
})
export class UpdateAgencyInput {
  @Field(() => String, { nullable: true }) name?: string | null;

  @Field(() => AgencyKind, { nullable: true }) kind?: AgencyKind | null;
}

import { Field, InputType } from '@nestjs/graphql';
import { AgencyKind } from '@simpul/agency';

@InputType('CreateAgencyInput')
export class CreateAgencyInput {
  @Field({
    description: 'Unique, stable code: capital letters, digits, hyphens (e.g. PEMPROV-NTB)',
  })
  code: string;

  @Field() name: string;

  @Field(() => AgencyKind) kind: AgencyKind;
}

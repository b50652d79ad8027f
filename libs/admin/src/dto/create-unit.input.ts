import { Field, ID, InputType } from '@nestjs/graphql';

@InputType('CreateUnitInput')
export class CreateUnitInput {
  @Field(() => ID) agencyId: string;

  @Field({
    description: 'Unique, stable code: capital letters, digits, hyphens (e.g. UPTDPPA-NTB)',
  })
  code: string;

  @Field() name: string;

  @Field(() => String, {
    nullable: true,
    description: 'Kemendagri province/regency code (e.g. 53 or 53.71); null for national units',
  })
  regionCode?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'ISO 3166-1 alpha-2 country for missions abroad (e.g. KH)',
  })
  countryCode?: string | null;

  @Field({ description: 'IANA time zone for business-day deadlines (e.g. Asia/Makassar)' })
  timeZone: string;
}

import { Field, ID, ObjectType } from '@nestjs/graphql';
import type { Relation } from '@simpul/common';
import { AgencyModel } from './agency.model';

/** Unit (satuan kerja) as the API shows it; `agency` is resolved per request by a loader. */
@ObjectType('Unit', {
  description: 'A work unit (satuan kerja) of an agency: a desk that sends and receives referrals.',
})
export class UnitModel {
  @Field(() => ID) id: string;
  @Field() code: string;
  @Field() name: string;
  @Field(() => AgencyModel) agency?: Relation<AgencyModel>;
  @Field(() => String, {
    nullable: true,
    description:
      'Kemendagri province/regency code (e.g. 53 = Nusa Tenggara Timur), null for national units',
  })
  regionCode: string | null;
  @Field(() => String, {
    nullable: true,
    description: 'ISO 3166-1 alpha-2 country for missions abroad (e.g. KH), null inside Indonesia',
  })
  countryCode: string | null;
  @Field({
    description:
      'IANA time zone used for business-day deadlines (Asia/Jakarta, Asia/Makassar, Asia/Jayapura, ...)',
  })
  timeZone: string;

  /** Not a GraphQL field: the key the `agency` field resolver loads by. */
  agencyId: string;
}

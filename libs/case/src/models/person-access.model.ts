import { Field, ID, ObjectType } from '@nestjs/graphql';

/** One disclosure of a person's identity fields, for the lead unit and administrators. */
@ObjectType('PersonAccess')
export class PersonAccessModel {
  @Field(() => ID) id: string;
  @Field() at: Date;
  @Field(() => [String], { description: 'Identity fields that were disclosed' }) fields: string[];
  @Field({
    description: 'LEAD_UNIT, or REFERRAL when disclosed through a referral naming the person',
  })
  basis: string;

  officerId: string;
  unitId: string;
  referralId: string | null;
}

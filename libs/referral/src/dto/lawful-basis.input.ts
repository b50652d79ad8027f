import { Field, InputType } from '@nestjs/graphql';
import { LawfulBasis } from '../referral-enums';
import '../models/referral-enums.registration';

/** UU 27/2022: the lawful basis on which a referral discloses the persons it names. */
@InputType('LawfulBasisInput')
export class LawfulBasisInput {
  @Field(() => LawfulBasis) basis: LawfulBasis;
  @Field(() => String, {
    nullable: true,
    description: 'Reference of the recorded consent (form number, file id); required for CONSENT',
  })
  consentReference?: string | null;
}

import { Field, ID, InputType } from '@nestjs/graphql';
import { Priority, SlaState } from '@simpul/sla';
import '../models/referral-enums.registration';

/** What an officer narrows the inbox or the sent queue by; every field narrows, none is required. */
@InputType('ReferralQueueFilter')
export class ReferralQueueFilterInput {
  @Field(() => [Priority], { nullable: true })
  priority?: Priority[] | null;

  @Field(() => [SlaState], {
    nullable: true,
    description: "The referral's SLA state now (the same rule as Referral.sla)",
  })
  sla?: SlaState[] | null;

  @Field(() => ID, {
    nullable: true,
    description: "The other side's agency: the sender's in the inbox, the receiver's in sent",
  })
  counterpartAgencyId?: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      "The case's province (Kemendagri code, 53): the case's region or one of its regencies",
  })
  provinceCode?: string | null;

  @Field(() => String, {
    nullable: true,
    description: "Part of the referral's number (RJK-…) or of its case's number (TPPO-…)",
  })
  search?: string | null;
}

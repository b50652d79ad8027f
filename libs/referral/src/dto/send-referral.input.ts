import { Field, ID, InputType } from '@nestjs/graphql';
import { Priority } from '@simpul/sla';
import { ServiceType } from '../referral-enums';
import '../models/referral-enums.registration';
import { LawfulBasisInput } from './lawful-basis.input';

@InputType('SendReferralInput')
export class SendReferralInput {
  @Field(() => ID) caseId: string;
  @Field(() => ID) toUnitId: string;
  @Field(() => [ServiceType]) services: ServiceType[];
  @Field(() => Priority) priority: Priority;
  @Field() summary: string;
  @Field(() => [ID], {
    nullable: true,
    description: 'Persons of the case whose identity travels with this referral (need-to-know)',
  })
  personIds?: string[] | null;
  @Field(() => String, { nullable: true }) idempotencyKey?: string | null;
  @Field(() => LawfulBasisInput, {
    nullable: true,
    description: 'Required when personIds is not empty: why their identity may travel',
  })
  lawfulBasis?: LawfulBasisInput | null;
  @Field(() => Boolean, {
    nullable: true,
    description:
      'Hide the referral from the other parties of the case altogether (only its sending and receiving units, the lead unit, their supervisors and auditors see it). Absent: true for police investigations — services including INVESTIGATION, or sent to or by a POLRI unit — and false otherwise',
  })
  confidential?: boolean | null;
}

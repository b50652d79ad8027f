import { Field, InputType } from '@nestjs/graphql';
import { ExploitationType, Sex } from '../case-enums';
import '../models/case-enums.registration';

@InputType('PersonInput')
export class PersonInput {
  @Field() fullName: string;
  @Field(() => Sex) sex: Sex;
  @Field(() => String, { nullable: true }) birthDate?: string | null;
  @Field(() => String, { nullable: true }) nationalId?: string | null;
  @Field(() => String, { nullable: true }) passportNumber?: string | null;
  @Field(() => String, { nullable: true }) phone?: string | null;
  @Field(() => Boolean, {
    nullable: true,
    description: 'Flag a child whose birth date is unknown or uncertain (UU 35/2014)',
  })
  isChild?: boolean | null;
}

@InputType('OpenCaseInput')
export class OpenCaseInput {
  @Field() title: string;
  @Field(() => String, { nullable: true }) summary?: string | null;
  @Field(() => [ExploitationType]) exploitationTypes: ExploitationType[];
  @Field(() => String, { nullable: true }) regionCode?: string | null;
  @Field(() => [PersonInput], { nullable: true }) persons?: PersonInput[] | null;
  @Field(() => String, {
    nullable: true,
    description: 'Same key from the same officer returns the first result instead of a second case',
  })
  idempotencyKey?: string | null;
}

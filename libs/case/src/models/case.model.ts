import { Field, ID, ObjectType } from '@nestjs/graphql';
import { CaseStatus, ExploitationType } from '../case-enums';
import './case-enums.registration';

/**
 * Case as the API shows it. leadUnit, persons, referrals and timeline are resolved by field
 * resolvers (some in other libs), from the ids kept here.
 */
@ObjectType('Case')
export class CaseModel {
  @Field(() => ID) id: string;
  @Field({ description: 'Human-readable number, e.g. TPPO-2026-000123' }) reference: string;
  @Field() title: string;
  @Field(() => String, { nullable: true }) summary: string | null;
  @Field(() => CaseStatus) status: CaseStatus;
  @Field(() => [ExploitationType]) exploitationTypes: ExploitationType[];
  @Field(() => String, { nullable: true }) regionCode: string | null;
  @Field() openedAt: Date;
  @Field(() => Date, { nullable: true }) closedAt: Date | null;

  leadUnitId: string;
}

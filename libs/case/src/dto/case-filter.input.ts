import { Field, InputType } from '@nestjs/graphql';
import { ExploitationType } from '../case-enums';
import '../models/case-enums.registration';

/** What an auditor or desk searches cases by; every field narrows, none is required. */
@InputType('CaseFilterInput')
export class CaseFilterInput {
  @Field(() => String, {
    nullable: true,
    description: 'Part of the case reference (TPPO-2026-…), any case',
  })
  reference?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Kemendagri region code: a province code (53) also matches its regencies (53.71)',
  })
  regionCode?: string | null;

  @Field(() => ExploitationType, { nullable: true })
  exploitationType?: ExploitationType | null;

  @Field(() => Date, { nullable: true, description: 'Opened at or after this instant' })
  openedFrom?: Date | null;

  @Field(() => Date, { nullable: true, description: 'Opened before this instant' })
  openedBefore?: Date | null;
}

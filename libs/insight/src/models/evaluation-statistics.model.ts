import { Field, Float, Int, ObjectType } from '@nestjs/graphql';
import { ExploitationType } from '@simpul/case';
import type { EvaluationCell } from '../evaluation-cell';

@ObjectType('EvaluationCell', {
  description:
    'Anonymised counts of one month (WIB), province, exploitation type and agency. Suppressed (every number null) when it counts fewer than k persons',
})
export class EvaluationCellModel implements EvaluationCell {
  @Field({ description: 'YYYY-MM, in WIB (Asia/Jakarta)' }) month: string;
  @Field(() => String, { nullable: true, description: 'Province of the cases; null: none named' })
  provinceCode: string | null;
  @Field(() => ExploitationType, {
    description: 'An exploitation type of the cases (a case of two types counts in both)',
  })
  exploitationType: string;
  @Field({ description: 'Code of the lead agency (cases opened) or receiving agency (referrals)' })
  agencyCode: string;
  @Field() suppressed: boolean;
  @Field(() => Int, { nullable: true, description: 'Distinct persons counted in the cell' })
  persons: number | null;
  @Field(() => Int, { nullable: true }) casesOpened: number | null;
  @Field(() => Int, { nullable: true }) referrals: number | null;
  @Field(() => Int, { nullable: true }) accepted: number | null;
  @Field(() => Float, { nullable: true }) medianMinutesToAccept: number | null;
  @Field(() => Int, { nullable: true }) completed: number | null;
  @Field(() => Int, { nullable: true }) failed: number | null;
  @Field(() => Int, { nullable: true }) rejected: number | null;
  @Field(() => Int, { nullable: true }) redirected: number | null;
}

@ObjectType('EvaluationStatistics', {
  description:
    'Evidence for evaluation: fixed cells, no totals (totals would let a suppressed cell be recovered by subtraction)',
})
export class EvaluationStatisticsModel {
  @Field(() => Int, { description: 'Cells counting fewer persons than this are suppressed' })
  k: number;
  @Field() fromMonth: string;
  @Field() toMonth: string;
  @Field(() => [EvaluationCellModel]) cells: EvaluationCellModel[];
}

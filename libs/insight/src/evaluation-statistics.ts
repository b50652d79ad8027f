import { Injectable } from '@nestjs/common';
import type { Actor } from '@simpul/identity';
import { EVALUATION_DIMENSIONS, type EvaluationCell } from './evaluation-cell';
import { EvaluationStatisticsReader } from './evaluation-statistics.reader';
import { InsightAccess } from './insight-access';
import { K_ANONYMITY, suppressSmallCells } from './k-anonymity';
import { monthRange, type MonthRange } from './month-range';

export interface EvaluationStatistics extends MonthRange {
  k: number;
  cells: EvaluationCell[];
}

/**
 * The evaluation statistics as they may be published — to the GraphQL query and the CSV export
 * alike, so the two never differ: the caller's scope, whole months, small cells suppressed.
 */
@Injectable()
export class EvaluationStatisticsService {
  constructor(
    private readonly access: InsightAccess,
    private readonly reader: EvaluationStatisticsReader,
  ) {}

  async publish(actor: Actor, fromMonth: string, toMonth: string): Promise<EvaluationStatistics> {
    const range = monthRange(fromMonth, toMonth);
    const scope = await this.access.scopeOf(actor);
    const cells = suppressSmallCells(await this.reader.cells(scope, range), EVALUATION_DIMENSIONS);
    return { ...range, k: K_ANONYMITY, cells };
  }
}

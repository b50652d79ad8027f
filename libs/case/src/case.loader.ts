import { Injectable } from '@nestjs/common';
import { byKeys, loaderFor, notFound, type RequestContext } from '@simpul/common';
import { CaseRepository } from './case.repository';
import { toCaseModel } from './models/case.mapper';
import type { CaseModel } from './models/case.model';

/**
 * Batched case lookups for field resolvers under an object the caller could already see
 * (Referral.case, HandoffEvent.case). Entry points use CaseReader, which checks access.
 */
@Injectable()
export class CaseLoader {
  constructor(private readonly cases: CaseRepository) {}

  async load(context: RequestContext, caseId: string): Promise<CaseModel> {
    const loader = loaderFor<CaseModel>(context, 'case.case', async (ids) =>
      byKeys(ids, (await this.cases.byIds(ids)).map(toCaseModel)),
    );
    const found = await loader.load(caseId);
    if (!found) throw notFound('Case');
    return found;
  }
}

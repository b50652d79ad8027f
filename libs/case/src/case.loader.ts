import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { In, type DataSource } from 'typeorm';
import { byKeys, loaderFor, notFound, type RequestContext } from '@simpul/common';
import { CaseEntity } from './entities/case.entity';
import { toCaseModel } from './models/case.mapper';
import type { CaseModel } from './models/case.model';

/**
 * Batched case lookups for field resolvers under an object the caller could already see
 * (Referral.case, HandoffEvent.case). Entry points use CaseReader, which checks access.
 */
@Injectable()
export class CaseLoader {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async load(context: RequestContext, caseId: string): Promise<CaseModel> {
    const loader = loaderFor<CaseModel>(context, 'case.case', async (ids) =>
      byKeys(
        ids,
        (await this.dataSource.manager.findBy(CaseEntity, { id: In([...ids]) })).map(toCaseModel),
      ),
    );
    const found = await loader.load(caseId);
    if (!found) throw notFound('Case');
    return found;
  }
}

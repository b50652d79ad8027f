import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { In, type DataSource } from 'typeorm';
import { byKeys, loaderFor, notFound, type RequestContext } from '@simpul/common';
import type { Actor } from '@simpul/identity';
import { CaseAccess } from './case-access';
import { CaseEntity } from './entities/case.entity';
import { toCaseModel } from './models/case.mapper';
import type { CaseModel } from './models/case.model';

/**
 * Batched case lookups for field resolvers (Referral.case, HandoffEvent.case, Person.case). Each
 * checks the caller's right to the case again — defence in depth: a field must not rely on the
 * path that led to it (docs/access-model.md). Entry points use CaseReader.
 */
@Injectable()
export class CaseLoader {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: CaseAccess,
  ) {}

  /** The case if the caller may see it, else null (for nullable links). */
  async visible(context: RequestContext, actor: Actor, caseId: string): Promise<CaseModel | null> {
    const standing = await this.access.standingIn(context, actor, caseId);
    if (!standing?.visible) return null;
    const loader = loaderFor<CaseModel>(context, 'case.case', async (ids) =>
      byKeys(
        ids,
        (await this.dataSource.manager.findBy(CaseEntity, { id: In([...ids]) })).map(toCaseModel),
      ),
    );
    return loader.load(caseId);
  }

  /** The case if the caller may see it, else NOT_FOUND (for non-null links). */
  async load(context: RequestContext, actor: Actor, caseId: string): Promise<CaseModel> {
    const found = await this.visible(context, actor, caseId);
    if (!found) throw notFound('Case');
    return found;
  }
}

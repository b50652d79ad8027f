import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { decodeCursor, encodeCursor, notFound, pageSize } from '@simpul/common';
import type { Actor } from '@simpul/identity';
import { CaseAccess } from './case-access';
import type { CaseStatus } from './case-enums';
import { CaseEntity } from './entities/case.entity';
import { PersonEntity } from './entities/person.entity';

export interface CasePage {
  items: { cursor: string; entity: CaseEntity }[];
  hasNextPage: boolean;
  totalCount: number;
}

/** Read side of cases. Every method applies the access rule of CaseAccess. */
@Injectable()
export class CaseReader {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: CaseAccess,
  ) {}

  byId(actor: Actor, id: string): Promise<CaseEntity> {
    return this.access.readableCase(actor, id);
  }

  async byReference(actor: Actor, reference: string): Promise<CaseEntity> {
    const found = await this.dataSource.manager.findOneBy(CaseEntity, { reference });
    if (!found) throw notFound('Case');
    return this.access.readableCase(actor, found.id);
  }

  /** Cases the actor's units are party of (all for auditors), newest first, keyset-paginated. */
  async list(
    actor: Actor,
    status: CaseStatus[] | null | undefined,
    first?: number | null,
    after?: string | null,
  ): Promise<CasePage> {
    const limit = pageSize(first);
    const qb = this.dataSource.manager.createQueryBuilder(CaseEntity, 'c');
    if (!CaseAccess.isAuditor(actor)) {
      const units = await this.access.actingUnitIds(actor);
      qb.where('c.id IN (SELECT case_id FROM case_party WHERE unit_id = ANY(:units::uuid[]))', {
        units,
      });
    }
    if (status?.length) qb.andWhere('c.status = ANY(:status)', { status });
    const totalCount = await qb.clone().getCount();
    if (after) {
      const [openedAt, id] = decodeCursor(after, 2);
      qb.andWhere('(c.opened_at, c.id) < (:openedAt::timestamptz, :id::uuid)', { openedAt, id });
    }
    const rows = await qb
      .orderBy('c.opened_at', 'DESC')
      .addOrderBy('c.id', 'DESC')
      .take(limit + 1)
      .getMany();
    return {
      items: rows.slice(0, limit).map((entity) => ({
        cursor: encodeCursor([entity.openedAt.toISOString(), entity.id]),
        entity,
      })),
      hasNextPage: rows.length > limit,
      totalCount,
    };
  }

  persons(caseId: string): Promise<PersonEntity[]> {
    return this.dataSource.manager.find(PersonEntity, {
      where: { caseId },
      order: { position: 'ASC' },
    });
  }
}

import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { isUuid, notFound } from '@simpul/common';
import { keysetPage, type KeysetPage } from '@simpul/database';
import type { Actor } from '@simpul/identity';
import { CaseAccess } from './case-access';
import type { CaseStatus } from './case-enums';
import { containsPattern, NO_CASE_FILTER, type CaseFilter } from './case-filter';
import { CaseEntity } from './entities/case.entity';
import { PersonEntity } from './entities/person.entity';

export type CasePage = KeysetPage<CaseEntity>;

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

  /**
   * Cases the actor's units are party of (all for auditors), narrowed by the filter, newest
   * first, keyset-paginated. The filter runs in SQL so that a search reaches every case, not
   * only the first page.
   */
  async list(
    actor: Actor,
    status: CaseStatus[] | null | undefined,
    first?: number | null,
    after?: string | null,
    filter: CaseFilter = NO_CASE_FILTER,
  ): Promise<CasePage> {
    const qb = this.dataSource.manager.createQueryBuilder(CaseEntity, 'c');
    if (!CaseAccess.isAuditor(actor)) {
      const units = await this.access.caseworkUnitIds(actor);
      qb.where('c.id IN (SELECT case_id FROM case_party WHERE unit_id = ANY(:units::uuid[]))', {
        units,
      });
    }
    if (status?.length) qb.andWhere('c.status = ANY(:status)', { status });
    if (filter.reference) {
      qb.andWhere('c.reference ILIKE :reference', { reference: containsPattern(filter.reference) });
    }
    if (filter.regionCode) {
      // A province code matches the province itself and every regency in it (53 → 53, 53.71).
      qb.andWhere('(c.region_code = :region OR c.region_code LIKE :regencies)', {
        region: filter.regionCode,
        regencies: `${filter.regionCode}.%`,
      });
    }
    if (filter.exploitationType) {
      qb.andWhere(':exploitation = ANY(c.exploitation_types)', {
        exploitation: filter.exploitationType,
      });
    }
    if (filter.openedFrom)
      qb.andWhere('c.opened_at >= :openedFrom', { openedFrom: filter.openedFrom });
    if (filter.openedBefore)
      qb.andWhere('c.opened_at < :openedBefore', { openedBefore: filter.openedBefore });
    return keysetPage(
      qb,
      { column: 'c.opened_at', idColumn: 'c.id', timeOf: (c) => c.openedAt },
      first,
      after,
    );
  }

  personById(id: string): Promise<PersonEntity | null> {
    return isUuid(id)
      ? this.dataSource.manager.findOneBy(PersonEntity, { id })
      : Promise.resolve(null);
  }

  caseOf(person: PersonEntity): Promise<CaseEntity> {
    return this.dataSource.manager.findOneByOrFail(CaseEntity, { id: person.caseId });
  }

  /** Persons whose NIK or passport has this keyed hash (either may be null). */
  personsByIdentityHash(nik: string | null, passport: string | null): Promise<PersonEntity[]> {
    return this.dataSource.manager
      .createQueryBuilder(PersonEntity, 'p')
      .where('p.national_id_hmac = :nik OR p.passport_hmac = :passport', { nik, passport })
      .orderBy('p.case_id')
      .addOrderBy('p.position')
      .limit(50)
      .getMany();
  }

  persons(caseId: string): Promise<PersonEntity[]> {
    return this.dataSource.manager.find(PersonEntity, {
      where: { caseId },
      order: { position: 'ASC' },
    });
  }
}

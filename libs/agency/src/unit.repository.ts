import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { TransactionalRepository } from '@simpul/database';
import type { AgencyKind } from './agency-kind';
import { UnitEntity } from './entities/unit.entity';

export interface UnitFilter {
  agencyKind?: AgencyKind | null;
  /** A province code also matches the regencies inside it ('53' matches '53.71'). */
  regionCode?: string | null;
}

export interface NewUnit {
  code: string;
  name: string;
  agencyId: string;
  regionCode: string | null;
  countryCode: string | null;
  timeZone: string;
}

export type UnitChanges = Partial<
  Pick<UnitEntity, 'name' | 'regionCode' | 'countryCode' | 'timeZone'>
>;

/** The unit table: the only code that writes SQL for it. */
@Injectable()
export class UnitRepository extends TransactionalRepository {
  byId(id: string): Promise<UnitEntity | null> {
    return this.db.findOneBy(UnitEntity, { id });
  }

  byIds(ids: readonly string[]): Promise<UnitEntity[]> {
    return this.db.findBy(UnitEntity, { id: In([...ids]) });
  }

  byCode(code: string): Promise<UnitEntity | null> {
    return this.db.findOneBy(UnitEntity, { code });
  }

  byAgencyIds(agencyIds: readonly string[]): Promise<UnitEntity[]> {
    return this.db.find(UnitEntity, {
      where: { agencyId: In([...agencyIds]) },
      order: { code: 'ASC' },
    });
  }

  async idsOfAgency(agencyId: string): Promise<string[]> {
    const rows: { id: string }[] = await this.db.query('SELECT id FROM unit WHERE agency_id = $1', [
      agencyId,
    ]);
    return rows.map((row) => row.id);
  }

  list(filter: UnitFilter): Promise<UnitEntity[]> {
    const query = this.db.createQueryBuilder(UnitEntity, 'unit').orderBy('unit.code', 'ASC');
    if (filter.agencyKind) {
      query
        .innerJoin('unit.agency', 'agency')
        .andWhere('agency.kind = :kind', { kind: filter.agencyKind });
    }
    if (filter.regionCode) {
      query.andWhere('(unit.regionCode = :region OR starts_with(unit.regionCode, :regionPrefix))', {
        region: filter.regionCode,
        regionPrefix: `${filter.regionCode}.`,
      });
    }
    return query.getMany();
  }

  lock(id: string, mode: 'share' | 'update'): Promise<UnitEntity | null> {
    return this.inTransaction.findOne(UnitEntity, {
      where: { id },
      lock: { mode: mode === 'share' ? 'pessimistic_read' : 'pessimistic_write' },
    });
  }

  /** The new unit, or null when the code is taken. */
  async insert(unit: NewUnit): Promise<UnitEntity | null> {
    const [row]: { id: string }[] = await this.inTransaction.query(
      `INSERT INTO unit (code, name, agency_id, region_code, country_code, time_zone)
       VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (code) DO NOTHING RETURNING id`,
      [unit.code, unit.name, unit.agencyId, unit.regionCode, unit.countryCode, unit.timeZone],
    );
    return row ? this.inTransaction.findOneByOrFail(UnitEntity, { id: row.id }) : null;
  }

  async update(id: string, changes: UnitChanges): Promise<void> {
    await this.inTransaction.update(UnitEntity, { id }, changes);
  }
}

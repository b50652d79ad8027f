import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, type EntityManager, type Repository } from 'typeorm';
import { TransactionHost } from '@simpul/database';
import type { AgencyKind } from './agency-kind';
import { UnitEntity } from './entities/unit.entity';

export interface UnitFilter {
  agencyKind?: AgencyKind | null;
  /** A province code also matches the regencies inside it ('53' matches '53.71'). */
  regionCode?: string | null;
}

/** Read-only access to units (satuan kerja). */
@Injectable()
export class UnitReader {
  constructor(
    @InjectRepository(UnitEntity) private readonly units: Repository<UnitEntity>,
    private readonly tx: TransactionHost,
  ) {}

  byId(id: string): Promise<UnitEntity | null> {
    return this.units.findOneBy({ id });
  }

  /** For DataLoaders: rows in any order, missing ids simply absent. */
  byIds(ids: readonly string[]): Promise<UnitEntity[]> {
    return ids.length ? this.units.findBy({ id: In([...ids]) }) : Promise.resolve([]);
  }

  byCode(code: string): Promise<UnitEntity | null> {
    return this.units.findOneBy({ code });
  }

  /** Every unit of these agencies, ordered by code (Agency.units loader). */
  byAgencyIds(agencyIds: readonly string[]): Promise<UnitEntity[]> {
    if (!agencyIds.length) return Promise.resolve([]);
    return this.units.find({ where: { agencyId: In([...agencyIds]) }, order: { code: 'ASC' } });
  }

  /** The units a SUPERVISOR of this agency acts for; in the current transaction, if any. */
  async unitIdsOfAgency(agencyId: string): Promise<string[]> {
    const rows = await this.tx.manager.find(UnitEntity, {
      select: { id: true },
      where: { agencyId },
    });
    return rows.map((row) => row.id);
  }

  list(filter: UnitFilter = {}): Promise<UnitEntity[]> {
    const query = this.units.createQueryBuilder('unit').orderBy('unit.code', 'ASC');
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
}

/**
 * Unit ids by code, for seeds that run outside Nest's container (libs/identity/src/seed-demo-cast.ts,
 * run by the database preparation, whose connection loads no entities: hence SQL); codes no unit
 * has are simply absent.
 */
export async function unitIdsByCode(
  manager: EntityManager,
  codes: readonly string[],
): Promise<Map<string, string>> {
  const units: { id: string; code: string }[] = await manager.query(
    'SELECT id, code FROM unit WHERE code = ANY($1::text[])',
    [codes],
  );
  return new Map(units.map((unit) => [unit.code, unit.id]));
}

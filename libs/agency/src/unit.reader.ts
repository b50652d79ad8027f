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

/** Where a unit is and what kind of agency it belongs to (UnitReader.placeOf). */
export interface UnitPlace {
  regionCode: string | null;
  countryCode: string | null;
  timeZone: string;
  agencyKind: AgencyKind;
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

  /*
   * The methods below read in the current transaction, if any (TransactionHost), each in the one
   * statement the use cases of other contexts asked for before the agency lib owned it.
   */

  /** Where the unit is and what kind of agency it belongs to; null for an unknown id. */
  async placeOf(unitId: string): Promise<UnitPlace | null> {
    const [row]: {
      region_code: string | null;
      country_code: string | null;
      time_zone: string;
      kind: AgencyKind;
    }[] = await this.tx.manager.query(
      `SELECT u.region_code, u.country_code, u.time_zone, a.kind
         FROM unit u JOIN agency a ON a.id = u.agency_id WHERE u.id = $1`,
      [unitId],
    );
    return row
      ? {
          regionCode: row.region_code,
          countryCode: row.country_code,
          timeZone: row.time_zone,
          agencyKind: row.kind,
        }
      : null;
  }

  /** The ids among `unitIds` that name a unit, in unit-code order. */
  async existingIds(unitIds: readonly string[]): Promise<string[]> {
    if (!unitIds.length) return [];
    const rows: { id: string }[] = await this.tx.manager.query(
      'SELECT id FROM unit WHERE id = ANY($1::uuid[]) ORDER BY code',
      [[...unitIds]],
    );
    return rows.map((row) => row.id);
  }

  /** The id of the unit with this code, or null. */
  async idOfCode(code: string): Promise<string | null> {
    const [row]: { id: string }[] = await this.tx.manager.query(
      'SELECT id FROM unit WHERE code = $1',
      [code],
    );
    return row?.id ?? null;
  }

  /** The units of a kind of agency in a country (the missions there, for KEMLU). */
  async idsOfKindInCountry(kind: AgencyKind, countryCode: string): Promise<string[]> {
    const rows: { id: string }[] = await this.tx.manager.query(
      `SELECT u.id FROM unit u JOIN agency a ON a.id = u.agency_id
        WHERE a.kind = $1 AND u.country_code = $2`,
      [kind, countryCode],
    );
    return rows.map((row) => row.id);
  }

  /** Codes by unit id; ids no unit has are absent. */
  async codesOf(unitIds: readonly string[]): Promise<Map<string, string>> {
    if (!unitIds.length) return new Map();
    const rows: { id: string; code: string }[] = await this.tx.manager.query(
      'SELECT id, code FROM unit WHERE id = ANY($1::uuid[])',
      [[...new Set(unitIds)]],
    );
    return new Map(rows.map((row) => [row.id, row.code]));
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

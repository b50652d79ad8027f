import { Injectable } from '@nestjs/common';
import type { UnitEntity } from './entities/unit.entity';
import { UnitRepository, type UnitFilter } from './unit.repository';

export type { UnitFilter } from './unit.repository';

/** Read-only access to units (satuan kerja), for every lib. */
@Injectable()
export class UnitReader {
  /**
   * unit.agency_id never changes (no operation moves a unit to another agency, and units are never
   * deleted), so the mapping is cached for the life of the process: it is asked on every request.
   */
  private readonly agencyOfUnit = new Map<string, string>();

  constructor(private readonly units: UnitRepository) {}

  byId(id: string): Promise<UnitEntity | null> {
    return this.units.byId(id);
  }

  /** For DataLoaders: rows in any order, missing ids simply absent. */
  byIds(ids: readonly string[]): Promise<UnitEntity[]> {
    return ids.length ? this.units.byIds(ids) : Promise.resolve([]);
  }

  byCode(code: string): Promise<UnitEntity | null> {
    return this.units.byCode(code);
  }

  /** Every unit of these agencies, ordered by code (Agency.units loader). */
  byAgencyIds(agencyIds: readonly string[]): Promise<UnitEntity[]> {
    if (!agencyIds.length) return Promise.resolve([]);
    return this.units.byAgencyIds(agencyIds);
  }

  /** The units a SUPERVISOR of this agency acts for. */
  unitIdsOfAgency(agencyId: string): Promise<string[]> {
    return this.units.idsOfAgency(agencyId);
  }

  /** The agency of each unit, by unit id; unknown units are absent. */
  async agencyIdsOf(unitIds: readonly string[]): Promise<Map<string, string>> {
    const missing = [...new Set(unitIds)].filter((id) => !this.agencyOfUnit.has(id));
    if (missing.length) {
      for (const unit of await this.units.byIds(missing)) {
        this.agencyOfUnit.set(unit.id, unit.agencyId);
      }
    }
    const found = new Map<string, string>();
    for (const id of unitIds) {
      const agencyId = this.agencyOfUnit.get(id);
      if (agencyId) found.set(id, agencyId);
    }
    return found;
  }

  list(filter: UnitFilter = {}): Promise<UnitEntity[]> {
    return this.units.list(filter);
  }
}

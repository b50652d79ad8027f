import { Injectable } from '@nestjs/common';
import { AgencyRepository, type AgencyChanges, type NewAgency } from './agency.repository';
import type { AgencyEntity } from './entities/agency.entity';
import type { UnitEntity } from './entities/unit.entity';
import { UnitRepository, type NewUnit, type UnitChanges } from './unit.repository';

export type { AgencyChanges, NewAgency } from './agency.repository';
export type { NewUnit, UnitChanges } from './unit.repository';

/**
 * Changes to agencies and units, for the admin lib's use cases. Every method runs in the caller's
 * transaction (it travels with the request), so the change and its ledger entry commit together.
 */
@Injectable()
export class AgencyAdminService {
  constructor(
    private readonly agencies: AgencyRepository,
    private readonly units: UnitRepository,
  ) {}

  /** The new agency, or null when its code is already taken. */
  createAgency(agency: NewAgency): Promise<AgencyEntity | null> {
    return this.agencies.insert(agency);
  }

  /** The agency locked against change until the transaction ends (`update`: to change it). */
  lockAgency(id: string, mode: 'share' | 'update'): Promise<AgencyEntity | null> {
    return this.agencies.lock(id, mode);
  }

  updateAgency(id: string, changes: AgencyChanges): Promise<void> {
    return this.agencies.update(id, changes);
  }

  /** The new unit, or null when its code is already taken. */
  createUnit(unit: NewUnit): Promise<UnitEntity | null> {
    return this.units.insert(unit);
  }

  lockUnit(id: string, mode: 'share' | 'update'): Promise<UnitEntity | null> {
    return this.units.lock(id, mode);
  }

  updateUnit(id: string, changes: UnitChanges): Promise<void> {
    return this.units.update(id, changes);
  }
}

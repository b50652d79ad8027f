import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { UnitEntity } from './entities/unit.entity';

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

/**
 * Writes to the unit table, for whoever changes units (ADMIN's use cases in libs/admin): the
 * agency lib owns its table's SQL. Every method runs in the caller's transaction (`manager`).
 */
@Injectable()
export class UnitStore {
  /** The new unit, or null when its code is already taken (nothing written). */
  async insert(manager: EntityManager, unit: NewUnit): Promise<UnitEntity | null> {
    const [row]: { id: string }[] = await manager.query(
      `INSERT INTO unit (code, name, agency_id, region_code, country_code, time_zone)
       VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (code) DO NOTHING RETURNING id`,
      [unit.code, unit.name, unit.agencyId, unit.regionCode, unit.countryCode, unit.timeZone],
    );
    return row ? manager.findOneByOrFail(UnitEntity, { id: row.id }) : null;
  }

  /**
   * The unit, locked until the transaction ends: `share` while an officer is placed in it (it
   * cannot change or disappear meanwhile), `update` to change it.
   */
  lock(manager: EntityManager, id: string, mode: 'share' | 'update'): Promise<UnitEntity | null> {
    return manager.findOne(UnitEntity, {
      where: { id },
      lock: { mode: mode === 'share' ? 'pessimistic_read' : 'pessimistic_write' },
    });
  }

  async update(manager: EntityManager, id: string, changes: UnitChanges): Promise<void> {
    await manager.update(UnitEntity, { id }, changes);
  }
}

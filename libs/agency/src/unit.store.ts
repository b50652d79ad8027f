import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@simpul/database';
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
 * agency lib owns its table's SQL. Every method runs in the caller's transaction (the
 * TransactionHost's).
 */
@Injectable()
export class UnitStore {
  constructor(private readonly tx: TransactionHost) {}

  /** The new unit, or null when its code is already taken (nothing written). */
  async insert(unit: NewUnit): Promise<UnitEntity | null> {
    const [row]: { id: string }[] = await this.tx.manager.query(
      `INSERT INTO unit (code, name, agency_id, region_code, country_code, time_zone)
       VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (code) DO NOTHING RETURNING id`,
      [unit.code, unit.name, unit.agencyId, unit.regionCode, unit.countryCode, unit.timeZone],
    );
    return row ? this.tx.manager.findOneByOrFail(UnitEntity, { id: row.id }) : null;
  }

  /**
   * The unit, locked until the transaction ends: `share` while an officer is placed in it (it
   * cannot change or disappear meanwhile), `update` to change it.
   */
  lock(id: string, mode: 'share' | 'update'): Promise<UnitEntity | null> {
    return this.tx.manager.findOne(UnitEntity, {
      where: { id },
      lock: { mode: mode === 'share' ? 'pessimistic_read' : 'pessimistic_write' },
    });
  }

  async update(id: string, changes: UnitChanges): Promise<void> {
    await this.tx.manager.update(UnitEntity, { id }, changes);
  }
}
